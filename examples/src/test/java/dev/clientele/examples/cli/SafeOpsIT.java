package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end on the embedded H2 store: imports that refuse before writing, and the admin commands. */
@DisplayName("clientele on H2, end to end: safe imports and the admin commands")
class SafeOpsIT {
    @TempDir
    Path dir;
    private Jar jar;
    private String cfg;

    @BeforeEach
    void store() {
        jar = new Jar(dir, Map.of());
        cfg = Store.H2.groupsOnly(jar, dir).toString();
    }

    private int count() {
        String out = jar.run("-c", cfg, "customer", "search", "--include-invalid", "--json").ok().out();
        return out.split("\"login\"", -1).length - 1;
    }

    @Test
    @DisplayName("a Latin-1 CSV is refused (line, offset, nothing written), imports with --encoding; a missing group"
            + " refuses the whole file; --dry-run writes nothing")
    void imports() throws IOException {
        String header = "login,email,customerId,firstName,lastName,groups\n";
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (header + "jrg,j@x.example,x,J\u00fcrgen,M\u00fcller,support:rw\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Jar.Result refused = jar.run("-c", cfg, "import", latin1.toString()).exits(Exit.USER_ERROR);
        assertThat(refused.err()).contains("line 2, byte offset " + (header.length() + "jrg,j@x.example,x,J".length()),
                "not valid UTF-8", "nothing was imported", "--encoding windows-1252").doesNotContain("\tat ");
        assertThat(count()).isZero();
        assertThat(jar.run("-c", cfg, "import", latin1.toString(), "--encoding", "windows-1252").ok().out())
                .contains("1 added", "group links stored: 1");
        assertThat(jar.run("-c", cfg, "customer", "show", "jrg", "--json").ok().out())
                .contains("\"J\\u00fcrgen\"", "\"login\": \"jrg\"");

        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, header + "ann,ann@x.example,x,Ann,A,sales:rw\nbob,bob@x.example,x,Bob,B,sales:ro\n");
        assertThat(jar.run("-c", cfg, "import", missing.toString()).exits(Exit.USER_ERROR).err())
                .contains("group 'sales' does not exist: linked by 2 row(s), first at line 2, line 3",
                        "nothing was imported");
        assertThat(count()).isEqualTo(1);

        Path fine = dir.resolve("fine.csv");
        Files.writeString(fine, header + "ann,ann@x.example,x,Ann,A,support:rw\njrg,j2@x.example,x,J,M,\n");
        assertThat(jar.run("-c", cfg, "import", fine.toString(), "--dry-run").exits(Exit.REFUSED).out())
                .contains("(nothing written): 1 would be added, 1 refused", "line 3 (login jrg): login exists");
        assertThat(count()).isEqualTo(1);
        assertThat(jar.run("-c", cfg, "import", fine.toString(), "--on-existing", "update").ok().out())
                .contains("1 added, 1 updated");
        assertThat(jar.run("-c", cfg, "customer", "show", "jrg").ok().out()).contains("j2@x.example");
    }

    @Test
    @DisplayName("unlock, reset-token, set-password --generate, preferences, company and group changes")
    void adminCommands() {
        jar.run("-c", cfg, "company", "add", "acme", "--name", "Acme").ok();
        jar.runWithInput(Store.PASSWORD + "\n", "-c", cfg, "customer", "add", "jdoe", "--email", "jdoe@acme.example",
                "--customer-id", "acme", "--first-name", "John", "--last-name", "Doe", "--password-stdin").ok();
        for (int i = 0; i < 6; i++) {
            jar.runWithInput("wrong\n", "-c", cfg, "login", "jdoe", "--password-stdin");
        }
        assertThat(jar.run("-c", cfg, "customer", "show", "jdoe").ok().out()).contains("locked:", "true",
                "lockedUntil:");
        assertThat(jar.run("-c", cfg, "customer", "unlock", "jdoe").ok().out()).contains("customer jdoe unlocked");

        String generated = jar.run("-c", cfg, "customer", "set-password", "jdoe", "--generate").ok().out();
        Matcher m = Pattern.compile("set to: (\\S+)").matcher(generated);
        assertThat(m.find()).as(generated).isTrue();
        assertThat(jar.runWithInput(m.group(1) + "\n", "-c", cfg, "login", "jdoe", "--password-stdin").ok().out())
                .contains("login succeeded");
        assertThat(jar.run("-c", cfg, "customer", "reset-token", "jdoe").ok().out()).contains("(shown once):");

        jar.run("-c", cfg, "preferences", "set", "jdoe", "UserLanguage", "de").ok();
        assertThat(jar.run("-c", cfg, "preferences", "get", "jdoe").ok().out()).contains("UserLanguage", "de");
        jar.run("-c", cfg, "company", "update", "acme", "--city", "Phoenix").ok();
        jar.run("-c", cfg, "group", "invalidate", "billing").ok();
        assertThat(jar.run("-c", cfg, "group", "list").ok().out()).contains("billing", "invalid");
        assertThat(jar.run("-c", cfg, "company", "customers", "acme").ok().out()).contains("jdoe");
    }

    @Test
    @DisplayName("copy carries the login state along (last login, failed logins, the lock), and a re-run says it"
            + " kept what was there")
    void copyKeepsLoginState() {
        jar.run("-c", cfg, "company", "add", "acme", "--name", "Acme").ok();
        jar.runWithInput(Store.PASSWORD + "\n", "-c", cfg, "customer", "add", "jdoe", "--email", "jdoe@acme.example",
                "--customer-id", "acme", "--first-name", "John", "--last-name", "Doe", "--password-stdin").ok();
        jar.runWithInput(Store.PASSWORD + "\n", "-c", cfg, "login", "jdoe", "--password-stdin").ok();
        for (int i = 0; i < 6; i++) {
            jar.runWithInput("wrong\n", "-c", cfg, "login", "jdoe", "--password-stdin");
        }
        String before = jar.run("-c", cfg, "customer", "show", "jdoe", "--json").ok().out();
        assertThat(before).contains("\"locked\": true");
        String lastLogin = field(before, "lastLogin");
        String lockedUntil = field(before, "lockedUntil");

        Path target = Store.write(dir.resolve("target.properties"), "clientele.backend.copy.type = jdbc\n"
                + "clientele.backend.copy.url = jdbc:h2:" + Store.path(dir.resolve("h2").resolve("copy")) + "\n"
                + Store.COMMON);
        String copy = jar.run("-c", cfg, "copy", "--to", target.toString()).ok().out();
        assertThat(copy).containsPattern("login states\\s+1\\s+1\\s+0\\s+0\\s+1")
                .contains("verification: everything copied reads back the same.");
        String after = jar.run("-c", target.toString(), "customer", "show", "jdoe", "--json").ok().out();
        assertThat(field(after, "lastLogin")).isEqualTo(lastLogin).isNotEqualTo("null");
        assertThat(field(after, "lockedUntil")).isEqualTo(lockedUntil).isNotEqualTo("null");
        assertThat(after).contains("\"locked\": true");
        jar.runWithInput(Store.PASSWORD + "\n", "-c", target.toString(), "login", "jdoe", "--password-stdin")
                .exits(Exit.REFUSED);

        assertThat(jar.run("-c", cfg, "copy", "--to", target.toString()).ok().out())
                .containsPattern("customers\\s+1\\s+0\\s+1\\s+0\\s+1");
    }

    /** The value of a top-level JSON field as written, quotes stripped ({@code null} for null). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"[^\"]*\"|null)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1).replace("\"", "");
    }

    @Test
    @DisplayName("a relative H2 URL in a configuration file names the file next to it, from any folder, and a write"
            + " says where the store is; a store held by another process is said to be in use")
    void relativeStoreAndStoreInUse() throws IOException, InterruptedException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path file = Files.writeString(conf.resolve("store.properties"), "clientele.backend.local.type = jdbc\n"
                + "clientele.backend.local.url = jdbc:h2:./data/store\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Jar fromElsewhere = new Jar(elsewhere, Map.of());
        Jar.Result added = fromElsewhere.run("-c", file.toString(), "group", "add", "vip").ok();
        assertThat(added.err()).contains("clientele: store: jdbc back-end 'local'", "at jdbc:h2:"
                + conf.resolve("data/store"));
        assertThat(conf.resolve("data/store.mv.db")).exists();
        assertThat(elsewhere.resolve("data")).doesNotExist();
        assertThat(jar.run("-c", file.toString(), "group", "list").ok().out()).contains("vip");
        assertThat(jar.run("-c", file.toString(), "config", "check").ok().out())
                .contains("jdbc:h2:" + conf.resolve("data/store"));

        // another process holds the embedded store: H2's own shell, from the tool's jar
        ProcessBuilder shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Jar.jar().toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:" + conf.resolve("data/store"),
                "-user", "", "-password", "").redirectErrorStream(true);
        Process holder = shell.start();
        try {
            awaitPrompt(holder);
            Jar.Result busy = jar.run("-c", file.toString(), "group", "add", "other").exits(Exit.UNAVAILABLE);
            assertThat(busy.err()).contains("the store " + conf.resolve("data/store") + " is in use by another"
                    + " process", "use PostgreSQL").doesNotContain("\tat ", "90020");
        } finally {
            holder.getOutputStream().close();
            holder.destroy();
            holder.waitFor();
        }
        jar.run("-c", file.toString(), "group", "add", "other").ok();
    }

    /** Reads the shell's output until its prompt: it has opened the database. */
    private static void awaitPrompt(Process p) throws IOException {
        StringBuilder seen = new StringBuilder();
        var in = p.getInputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            seen.append((char) c);
            if (seen.indexOf("sql>") >= 0) {
                return;
            }
        }
        throw new AssertionError("the H2 shell ended before its prompt: " + seen);
    }

    @Test
    @DisplayName("./clientele demo on the default store of a fresh folder, then every 'Try next' line as printed;"
            + " the default store's settings are a file next to it, group support on")
    void demoAsPrinted() throws IOException {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        Jar here = new Jar(fresh, Map.of());
        String demo = here.run("demo").ok().out();
        assertThat(fresh.resolve("clientele-data/clientele.properties")).content()
                .contains("clientele.policy.group-support = true", "jdbc:h2:./clientele");
        assertThat(demo).doesNotContain("group support is off");
        for (String line : DemoCommand.tryNext()) {
            assertThat(demo).contains(line);
            String command = line.replaceAll("\\s{3,}\\(.*\\)$", "");
            String stdin = null;
            if (command.startsWith("echo '")) {
                stdin = command.substring(6, command.indexOf("' | ")) + "\n";
                command = command.substring(command.indexOf("| ") + 2);
            }
            List<String> args = new java.util.ArrayList<>(List.of(command.substring("./clientele ".length())
                    .replace("'*'", "*").split(" ")));
            Jar.Result r = here.runWithInput(stdin, args.toArray(String[]::new));
            assertThat(r.code()).as("%s%n%s%s", line, r.out(), r.err()).isEqualTo(line.contains("(exit 4") ? 4 : 0);
        }
        assertThat(fresh.resolve("customers.csv")).exists();
    }
}
