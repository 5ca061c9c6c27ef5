package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end (the real jar): messages a tired admin can act on — {@code config check} lists every problem in one
 * round, failures of the libraries under the tool come out in plain words, and help and version say what they
 * should.
 */
@DisplayName("clientele, end to end: config check, translated errors, help and version")
class MessagesIT {
    @TempDir
    Path dir;
    private Jar jar;

    @BeforeEach
    void jar() {
        jar = new Jar(dir, Map.of());
    }

    private Path write(String name, String text) {
        return Store.write(dir.resolve(name), text);
    }

    @Test
    @DisplayName("config check lists every problem in one round, back-end keys with 'did you mean' too, and names the"
            + " environment variable a bad value came from; no secret is shown")
    void everyProblemAtOnce() {
        Path cfg = write("typos.properties", "clientele.backend.local.type = jdbc\n"
                + "clientele.backend.local.url = jdbc:h2:" + Store.path(dir.resolve("h2/typos")) + "\n"
                + "clientele.backend.local.password = Hunter2-stored\n"
                + "clientele.backend.local.passwrd = Hunter2-typo\n"
                + "clientele.policy.group-suport = true\n");
        Jar withEnv = new Jar(dir, Map.of("CLIENTELE_SEARCH_LIMIT", "0"));
        Jar.Result check = withEnv.run("-c", cfg.toString(), "config", "check").exits(Exit.CONFIG_ERROR);
        assertThat(check.err()).contains("3 problem(s)",
                "clientele.policy.group-suport: is not a Clientele setting (did you mean"
                        + " clientele.policy.group-support?)",
                "clientele.backend.local.passwrd: is not a setting of the jdbc back-end (did you mean password?)",
                "clientele.search.limit: must be between 1 and", "(the value comes from the environment variable"
                        + " CLIENTELE_SEARCH_LIMIT)");
        assertThat(check.out() + check.err()).doesNotContain("Hunter2", "\tat ");

        String json = withEnv.run("-c", cfg.toString(), "config", "check", "--json").exits(Exit.CONFIG_ERROR).out();
        assertThat(json).contains("\"key\": \"clientele.backend.local.passwrd\"",
                "\"environmentVariable\": \"CLIENTELE_SEARCH_LIMIT\"", "\"name\": \"local\"", "\"type\": \"jdbc\"",
                "\"password\": \"<masked>\"", "\"passwrd\": \"<masked>\"")
                .doesNotContain("Hunter2", "BackendSettings[");

        // the back-end's own problem alone (the directory's keys fine): the same words
        Path onlyBackend = write("backend-typo.properties", "clientele.backend.local.type = jdbc\n"
                + "clientele.backend.local.url = jdbc:h2:" + Store.path(dir.resolve("h2/typos")) + "\n"
                + "clientele.backend.local.uesr = sa\n");
        assertThat(jar.run("-c", onlyBackend.toString(), "config", "check").exits(Exit.CONFIG_ERROR).err())
                .contains("clientele.backend.local.uesr: is not a setting of the jdbc back-end (did you mean user?)");
    }

    @Test
    @DisplayName("a folder given as the configuration file: exit 3, said so, no Java exception")
    void configFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("conf.properties"));
        assertThat(jar.run("-c", folder.toString(), "config", "check").exits(Exit.CONFIG_ERROR).err())
                .contains(folder + ": is a folder, not a configuration file (given with --config)")
                .doesNotContain("IOException");
    }

    @Test
    @DisplayName("config check --json gives typed fields: numbers, booleans, objects, not Java's toString()")
    void typedJson() {
        String cfg = Store.H2.seeded(jar, dir).toString();
        String json = jar.run("-c", cfg, "config", "check", "--json").ok().out();
        assertThat(json.replaceAll("\\s+", " ")).contains("\"customers\": { \"readOnly\": false, \"count\": 2 }",
                "\"groups\": { \"readOnly\": false, \"count\": 2 }", "\"memberships\": { \"readOnly\": false }",
                "\"directory\": { \"customers\": 2, \"moreCustomers\": false, \"companies\": 1, \"groups\": 2 }",
                "\"groupSupport\": true", "\"settings\": {", "\"status\": \"ok\"")
                .doesNotContain("BackendSettings[", "read-write", "\"2\"", "null");
        assertThat(jar.run("-c", cfg, "config", "check").ok().out()).contains("customers: read-write, 2",
                "directory: 2 customer(s), 1 company(ies), 2 group(s)", "always-groups users:rw")
                .doesNotContain("null");
    }

    @Test
    @DisplayName("an LDAP server that is down: said in plain words on stderr (also by config check), no SDK exception"
            + " text")
    void ldapDown() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path cfg = write("down.properties", "clientele.backend.corp.type = ldap\n"
                + "clientele.backend.corp.url = ldap://127.0.0.1:" + closedPort + "\n"
                + "clientele.backend.corp.base-dn = ou=people,dc=example,dc=com\n"
                + "clientele.backend.corp.connect-timeout = 2s\n");
        for (String[] args : new String[][] {{"customer", "search", "doe"}, {"config", "check"}}) {
            Jar.Result r = jar.run(concat(new String[] {"-c", cfg.toString()}, args)).exits(Exit.UNAVAILABLE);
            assertThat(r.err()).as(String.join(" ", args)).contains("back-end 'corp' is unavailable",
                    "ldap://127.0.0.1:" + closedPort, "connection refused")
                    .doesNotContain("LDAPException", "resultCode=", "ldapSDKVersion", "IOException", "\tat ");
            assertThat(r.out()).doesNotContain("null customer(s)", "LDAPException");
        }
        assertThat(jar.run("-c", cfg.toString(), "config", "check", "--json").exits(Exit.UNAVAILABLE).err())
                .contains("\"error\": \"unavailable\"", "connection refused");
    }

    @Test
    @DisplayName("the libraries under the tool (HikariCP) log nothing on stderr without --verbose, and do with it")
    void librariesQuietUnlessVerbose() {
        String cfg = Store.H2.groupsOnly(jar, dir).toString();
        Jar.Result quiet = jar.run("-c", cfg, "group", "list").ok();
        assertThat(quiet.err()).doesNotContain("HikariPool", "com.zaxxer", "WARN", "INFO");
        assertThat(jar.run("-c", cfg, "group", "add", "vip").ok().err()).doesNotContain("HikariPool", "WARN");
        assertThat(jar.run("-c", cfg, "--verbose", "group", "list").ok().err()).contains("HikariPool");
    }

    @Test
    @DisplayName("--version names the commit the jar was built from")
    void versionWithCommit() throws IOException, InterruptedException {
        String version = jar.run("--version").ok().out();
        assertThat(version).containsPattern("clientele 0\\.1\\.0-SNAPSHOT \\(commit [0-9a-f]{12}(-dirty)?\\)");
        Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(version).contains("(commit " + head);
    }

    @Test
    @DisplayName("help COMMAND SUB-COMMAND shows the sub-command's help; an unknown one lists the commands")
    void nestedHelp() {
        String help = jar.run("help", "customer", "add").ok().out();
        assertThat(help).contains("Usage: clientele customer add ", "--first-name", "Examples:")
                .doesNotContain("Usage: clientele customer [");
        assertThat(jar.run("help", "group", "list").ok().out()).contains("Usage: clientele group list");
        assertThat(jar.run("help", "customer", "nope").exits(Exit.USER_ERROR).err())
                .contains("'nope' is not a command of clientele customer; its commands: add, show");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
