package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every example in every command's help runs, as printed, on a directory seeded with what the examples name
 * (customers jdoe and jane of company acme, groups support, billing and partners): configuration from
 * {@code CLIENTELE_CONFIG} (or the example's own {@code --config}, a file made here), each run from the fixture,
 * file names made absolute in a folder of the test. A shell pipe's producer becomes standard input; what follows a
 * pipe, a redirection or {@code &&} is the shell's, not the tool's. An example whose remark says {@code (exit N ...)}
 * must exit with N; one that asks for a password on the terminal must get as far as asking.
 */
@DisplayName("Every example in every --help runs as printed")
class HelpExamplesTest {
    private static final Pattern FILE_ARG = Pattern.compile("[\\w.-]+\\.(csv|ldif|properties|txt)");
    private static final String CSV = "login,email,customerId,firstName,lastName,groups\n"
            + "new1,new1@acme.example,acme,New,One,support:rw\nnew2,new2@acme.example,acme,New,Two,\n";
    private static final String LDIF = "dn: uid=new3,ou=customers,dc=example,dc=com\nobjectClass: inetOrgPerson\n"
            + "uid: new3\nmail: new3@acme.example\no: acme\ngivenName: New\nsn: Three\ncn: New Three\n";
    /** Examples that stop at the password prompt: there is no terminal in a test. */
    private static final List<String> ASK_ON_THE_TERMINAL = List.of("--ask-password", "set-password jdoe",
            "login jdoe", "admin set-password alice");

    @TempDir
    static Path dir;

    /** Every footer line of every command that is an example (starts with ./clientele or feeds it). */
    static List<String> examples() {
        List<String> out = new ArrayList<>();
        collect(new ClienteleCli(System.in, System.out, System.err, Map.of(), null, () -> null).commandLine(), out);
        return out;
    }

    private static void collect(CommandLine cmd, List<String> out) {
        for (String line : cmd.getCommandSpec().usageMessage().footer()) {
            String l = line.strip();
            if (l.contains("./clientele ") && !out.contains(l)) {
                out.add(l);
            }
        }
        cmd.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    @Test
    @DisplayName("every command has a one-line header, an example, and a description for every argument")
    void everyCommandIsDescribed() {
        List<String> missing = new ArrayList<>();
        check(new ClienteleCli(System.in, System.out, System.err, Map.of(), null, () -> null).commandLine(), missing);
        assertThat(missing).isEmpty();
    }

    private static void check(CommandLine cmd, List<String> missing) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        String name = spec.qualifiedName();
        if (spec.usageMessage().header().length == 0) {
            missing.add(name + ": no header");
        }
        if (List.of(spec.usageMessage().footer()).stream().noneMatch(l -> l.contains("./clientele "))) {
            missing.add(name + ": no example");
        }
        spec.positionalParameters().stream().filter(p -> p.description().length == 0)
                .forEach(p -> missing.add(name + " " + p.paramLabel() + ": no description"));
        cmd.getSubcommands().values().stream().distinct().forEach(sub -> check(sub, missing));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        Path fixture = Files.writeString(dir.resolve("seed.fixture"), Store.SEED_FIXTURE + "\ngroup partners\n");
        String config = "clientele.backend.local.type = memory\nclientele.backend.local.fixture = "
                + Store.path(fixture) + "\n" + Store.COMMON;
        for (String name : List.of("corp", "memory", "old", "znuny")) {
            Files.writeString(dir.resolve(name + ".properties"), config);
        }
        // copy targets keep what is written: a copy reads its target back in a directory of its own
        for (String name : List.of("new", "postgres", "clientele")) {
            Files.writeString(dir.resolve(name + ".properties"), "clientele.backend.local.type = jdbc\n"
                    + "clientele.backend.local.url = jdbc:h2:./" + name + "-target\n" + Store.COMMON);
        }
        return examples().stream().map(e -> DynamicTest.dynamicTest(e, () -> run(e)));
    }

    private void run(String example) throws IOException {
        if (example.equals("./clientele demo")) {
            return; // on the default store in the current folder: run as printed by SafeOpsIT.demoAsPrinted
        }
        if (example.contains("./clientele serve")) {
            return; // a server that runs until it is stopped: the console's own tests start it
        }
        Path folder = Files.createTempDirectory(dir, "run");
        Map<String, String> env = new HashMap<>(Map.of("COLUMNS", "100",
                "CLIENTELE_CONFIG", dir.resolve("memory.properties").toString()));
        if (example.contains("./clientele import")) {
            Files.writeString(folder.resolve("customers.csv"), CSV);
            Files.writeString(folder.resolve("people.ldif"), LDIF);
            Files.write(folder.resolve("export-from-excel.csv"), (CSV + "jdoe,jdoe@acme.example,acme,J\u00f6hn,Doe,\n")
                    .getBytes(Charset.forName("windows-1252")));
        }
        Outcome o = exec(example, folder, env);
        int code = o.code();
        String errors = o.err();
        if (ASK_ON_THE_TERMINAL.stream().anyMatch(example::contains) && !example.contains("-stdin")
                && !example.contains("--generate")) {
            assertThat(errors).as(example).contains("no terminal");
            return;
        }
        java.util.regex.Matcher remark = Pattern.compile("\\(exit (\\d+)").matcher(example);
        int expected = remark.find() ? Integer.parseInt(remark.group(1)) : Exit.OK;   // "(exit 1 if ...)"
        assertThat(code).as("%s%nstdout: %s%nstderr: %s", example, o.out(), errors)
                .isEqualTo(expected);
    }

    /** What one run of the tool gave. */
    private record Outcome(int code, String out, String err) {
    }

    /** Runs one command line of an example (a pipe's producer as stdin, file names in {@code folder}). */
    private static Outcome exec(String example, Path folder, Map<String, String> environment) {
        String line = example.replaceAll("\\s{3,}\\(.*\\)$", "");   // "   (to undo)" is a remark
        String stdin = "";
        int pipe = line.indexOf(" | ./clientele ");
        if (pipe >= 0) {
            String producer = line.substring(0, pipe);
            stdin = producer.startsWith("echo") ? tokens(producer).get(1) + "\n"
                    : producer.startsWith("printf") ? Store.PASSWORD + "\n" : CSV;
            line = line.substring(pipe + 3);
        }
        line = line.split(" \\| | > | && ")[0];
        Map<String, String> env = new HashMap<>(environment);
        List<String> words = tokens(line);
        while (words.get(0).contains("=")) {
            String[] kv = words.remove(0).split("=", 2);
            env.put(kv[0], resolve(kv[1], folder));
        }
        assertThat(words.remove(0)).isEqualTo("./clientele");
        List<String> args = new ArrayList<>();
        for (String w : words) {
            args.add(resolve(w, folder));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClienteleCli cli = new ClienteleCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, null, () -> null);
        int code = cli.run(args.toArray(String[]::new));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the tour in examples/README.md runs, command after command, on one H2 store")
    void readmeTour() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```sh", readme.indexOf("## A tour"));
        String block = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("```", start + 5));
        Path folder = Files.createDirectories(dir.resolve("tour"));
        String h2 = "clientele.backend.local.type = jdbc\nclientele.backend.local.url = jdbc:h2:./%s\n"
                + Store.COMMON;
        Files.writeString(folder.resolve("tour.properties"), h2.formatted("tour"));
        Files.writeString(dir.resolve("postgres.properties"), h2.formatted("tour-copy"));
        Map<String, String> env = Map.of("COLUMNS", "100", "CLIENTELE_CONFIG", folder.resolve("tour.properties")
                .toString());
        int commands = 0;
        for (String l : block.split("\n")) {
            for (String command : l.replaceAll("\\s+# .*$", "").split(" ; ")) {
                Outcome o = exec(command.strip(), folder, env);
                assertThat(o.code()).as("%s%n%s%s", command, o.out(), o.err()).isZero();
                commands++;
            }
        }
        assertThat(commands).isGreaterThan(25);
    }

    private static String resolve(String word, Path folder) {
        return FILE_ARG.matcher(word).matches() ? (word.endsWith(".properties") ? dir : folder).resolve(word)
                .toString() : word;
    }

    /** Splits a command line the way a shell would for these examples: words, '...' and "..." quoting. */
    private static List<String> tokens(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (c == ' ') {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }
}
