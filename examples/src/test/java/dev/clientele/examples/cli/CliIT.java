package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end: the real shaded jar, one process per command, against each kind of store in {@link #stores()} (memory,
 * H2, and for the round trip LDAP customers with H2 groups).
 */
@DisplayName("clientele, end to end (java -jar)")
class CliIT {
    @TempDir
    Path dir;
    private Jar jar;

    /** The stores every parameterized test runs against. Add a kind of store here (e.g. LDAP) to cover it. */
    static Stream<Store> stores() {
        return Stream.of(Store.MEMORY, Store.H2);
    }

    /** The round trip also runs with customers from an LDAP directory (login by bind) and the rest in H2. */
    static Stream<Store> storesWithDirectory() {
        return Stream.concat(stores(), Stream.of(Store.LDAP));
    }

    @org.junit.jupiter.api.AfterAll
    static void stopLdap() {
        Store.stopLdap();
    }

    @BeforeEach
    void jar() {
        jar = new Jar(dir, Map.of());
    }

    private Path write(String name, String text) {
        return Store.write(dir.resolve(name), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storesWithDirectory")
    @DisplayName("add, search, show, link, permissions and login")
    void roundTrip(Store store) {
        store.assumeAvailable(jar, dir);
        String cfg = store.seeded(jar, dir).toString();

        assertThat(jar.run("-c", cfg, "customer", "search", "j*").ok().out())
                .contains("LOGIN", "jane", "Jane Roe", "jdoe", "John Doe", "2 customers.");
        assertThat(jar.run("-c", cfg, "customer", "show", "jdoe", "--json").ok().out())
                .contains("\"email\": \"jdoe@acme.example\"", "\"support\": \"rw\"");
        assertThat(jar.run("-c", cfg, "customer", "add", "max", "--email", "max@acme.example", "--customer-id", "acme",
                "--first-name", "Max", "--last-name", "Muster").ok().out()).contains("customer max created");
        assertThat(jar.run("-c", cfg, "link", "customer", "jane", "support", "ro").ok().out())
                .contains("customer jane linked to group support with ro");
        assertThat(jar.run("-c", cfg, "permissions", "jdoe").ok().out())
                .contains("effective permissions of jdoe", "support", "billing", "tickets of customer IDs: acme");
        assertThat(jar.run("-c", cfg, "permissions", "jdoe", "billing", "--explain").ok().out())
                .contains("jdoe on billing: ro", "company-link -> ro");
        jar.run("-c", cfg, "permissions", "jdoe", "billing", "--require", "rw").exits(Exit.REFUSED);

        assertThat(jar.runWithInput(Store.PASSWORD + "\n", "-c", cfg, "login", "jdoe", "--password-stdin").ok().out())
                .contains("login succeeded: John Doe (jdoe)");
        assertThat(jar.runWithInput("wrong\n", "-c", cfg, "login", "jdoe", "--password-stdin")
                .exits(Exit.REFUSED).out()).contains("login refused: bad-credentials");
        assertThat(jar.runWithInput("x\n", "-c", cfg, "login", "nobody", "--password-stdin", "--json")
                .exits(Exit.REFUSED).out()).contains("\"outcome\": \"bad-credentials\"");

        if (store.persistent()) {
            assertThat(jar.run("-c", cfg, "customer", "search", "max").ok().out()).contains("Max Muster");
            assertThat(jar.run("-c", cfg, "permissions", "jane", "support").ok().out()).contains("jane on support: ro");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    @DisplayName("bad input: exit 1 or 4, plain words on stderr naming the field, no stack trace")
    void badInput(Store store) {
        store.assumeAvailable(jar, dir);
        String cfg = store.seeded(jar, dir).toString();

        Jar.Result missing = jar.run("-c", cfg, "customer", "add", "ann", "--email", "ann@acme.example").exits(1);
        assertThat(missing.err()).contains("invalid customer", "customerId: is required", "firstName: is required",
                "lastName: is required");
        Jar.Result duplicate = jar.run("-c", cfg, "customer", "add", "JDoe", "--email", "x@acme.example",
                "--customer-id", "acme", "--first-name", "J", "--last-name", "D").exits(1);
        assertThat(duplicate.err()).contains("login 'JDoe' exists already");
        Jar.Result unknownGroup = jar.run("-c", cfg, "link", "customer", "jdoe", "sales", "rw").exits(1);
        assertThat(unknownGroup.err()).contains("no group 'sales'");
        Jar.Result badArg = jar.run("-c", cfg, "link", "customer", "jdoe", "support", "write").exits(1);
        assertThat(badArg.err()).contains("'ro' or 'rw'", "clientele link --help");
        Jar.Result unknownCustomer = jar.run("-c", cfg, "customer", "show", "nobody", "--json").exits(1);
        assertThat(unknownCustomer.err()).contains("\"error\": \"not-found\"", "\"exitCode\": 1");

        Path csv = write("rows.csv", "login,email,customerId,firstName,lastName\n"
                + "ann,ann@acme.example,acme,Ann,Example\n"
                + "bob,bob@acme.example,acme\n"
                + "jdoe,new@acme.example,acme,John,Again\n"
                + "carl,\"carl@acme.example\"x,acme,Carl,C\n");
        Jar.Result imported = jar.run("-c", cfg, "import", csv.toString()).exits(Exit.REFUSED);
        assertThat(imported.out()).contains("1 added, 1 refused, 2 failed", "line 3: has 3 field(s), the header has 5",
                "line 4 (login jdoe): login exists already", "line 5: unreadable CSV");
        assertThat(imported.err()).doesNotContain("Exception");

        for (Jar.Result r : new Jar.Result[] {missing, duplicate, unknownGroup, badArg, unknownCustomer}) {
            assertThat(r.err()).doesNotContain("\tat ", "Exception");
            assertThat(r.out()).isEmpty();
        }
        assertThat(jar.run("-c", cfg, "--verbose", "customer", "show", "nobody").exits(1).err())
                .contains("CustomerNotFoundException", "\tat ");
    }

    @Test
    @DisplayName("configuration errors: exit 3, every problem named by its key")
    void configurationErrors() {
        Path unknownType = write("unknown.properties", "clientele.backend.local.type = oracle\n");
        assertThat(jar.run("-c", unknownType.toString(), "customer", "search").exits(Exit.CONFIG_ERROR).err())
                .contains("clientele.backend.local.type", "oracle", "memory");
        Path badFixture = write("fixture.properties", "clientele.backend.local.type = memory\n"
                + "clientele.backend.local.fixture = " + Store.path(dir.resolve("missing.fixture")) + "\n");
        assertThat(jar.run("-c", badFixture.toString(), "group", "list").exits(Exit.CONFIG_ERROR).err())
                .contains("clientele.backend.local.fixture", "missing.fixture");
        Path typos = write("typos.properties", "clientele.backend.local.type = memory\n"
                + "clientele.policy.group-suport = true\nclientele.search.limit = lots\n");
        Jar.Result check = jar.run("-c", typos.toString(), "config", "check").exits(Exit.CONFIG_ERROR);
        assertThat(check.err()).contains("2 problem(s)", "clientele.policy.group-suport", "clientele.search.limit");
        jar.run("-c", dir.resolve("nope.properties").toString(), "group", "list").exits(Exit.CONFIG_ERROR);

        Jar env = new Jar(dir, Map.of("CLIENTELE_CONFIG", unknownType.toString()));
        env.run("group", "list").exits(Exit.CONFIG_ERROR);
    }

    @Test
    @DisplayName("an unreachable back-end: exit 2, said in plain words (an LDAP server on a closed port)")
    void unavailableBackend() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path cfg = write("down.properties", "clientele.backend.corp.type = ldap\n"
                + "clientele.backend.corp.url = ldap://127.0.0.1:" + closedPort + "\n"
                + "clientele.backend.corp.base-dn = ou=people,dc=example,dc=com\n"
                + "clientele.backend.corp.connect-timeout = 2s\n");
        Jar.Result search = jar.run("-c", cfg.toString(), "customer", "search", "doe").exits(Exit.UNAVAILABLE);
        assertThat(search.err()).contains("back-end 'corp' is unavailable", "127.0.0.1:" + closedPort)
                .doesNotContain("\tat ");
        assertThat(jar.run("-c", cfg.toString(), "config", "check").exits(Exit.UNAVAILABLE).out())
                .contains("status: back-end 'corp' is unavailable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    @DisplayName("config check says what each back-end holds")
    void configCheck(Store store) {
        store.assumeAvailable(jar, dir);
        String cfg = store.seeded(jar, dir).toString();
        assertThat(jar.run("-c", cfg, "config", "check").ok().out()).contains("configuration: " + cfg,
                "policy: group support on", "back-end local (" + (store == Store.MEMORY ? "memory" : "jdbc") + ")",
                "customers: read-write, 2", "groups: read-write, 2", "directory: 2 customer(s), 1 company(ies), 2 group(s)",
                "status: ok");
        assertThat(jar.run("-c", cfg, "config", "check", "--json").ok().out()).contains("\"status\": \"ok\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    @DisplayName("export to CSV and LDIF, import back, copy to another directory")
    void exportImportCopy(Store store) throws IOException {
        store.assumeAvailable(jar, dir);
        String cfg = store.seeded(jar, dir).toString();
        Path csv = dir.resolve("export.csv");
        assertThat(jar.run("-c", cfg, "export", csv.toString()).ok().out()).contains("exported 2 customer(s)");
        assertThat(Files.readString(csv)).contains("jdoe,jdoe@acme.example,acme,", "support:rw", "jane,");
        Path ldif = dir.resolve("export.ldif");
        jar.run("-c", cfg, "export", ldif.toString()).ok();
        assertThat(Files.readString(ldif)).contains("dn: uid=jdoe,ou=customers,dc=example,dc=com", "cn: John Doe");

        String empty = store.groupsOnly(jar, dir).toString();
        assertThat(jar.run("-c", empty, "import", csv.toString()).ok().out())
                .contains("2 added, 0 refused, 0 failed", "group links stored: 1");
        Jar.Result fromLdif = jar.run("-c", empty, "import", ldif.toString(), "--json");
        // a persistent store has them from the CSV import already: refused, exit 4
        fromLdif.exits(store.persistent() ? Exit.REFUSED : Exit.OK);
        assertThat(fromLdif.out()).contains("\"added\": " + (store.persistent() ? 0 : 2));

        // into an H2 store, so that a later run can log in there with the password copied along
        Path target = write("target.properties", "clientele.backend.copy.type = jdbc\n"
                + "clientele.backend.copy.url = jdbc:h2:" + Store.path(dir.resolve("h2").resolve("copy")) + "\n"
                + Store.COMMON);
        Jar.Result copy = jar.run("-c", cfg, "copy", "--to", target.toString()).ok();
        assertThat(copy.out()).contains("verification: everything copied reads back the same.");
        assertThat(copy.out()).containsPattern("customers\\s+2\\s+2\\s+0\\s+0\\s+2");
        assertThat(copy.out()).containsPattern("passwords\\s+1\\s+1\\s+0\\s+0\\s+1");
        assertThat(jar.runWithInput(Store.PASSWORD + "\n", "-c", target.toString(), "login", "jdoe",
                "--password-stdin").ok().out()).contains("login succeeded: John Doe (jdoe)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    @DisplayName("export keeps an existing file unless --force, and refuses an extension it does not know; --format"
            + " wins over the extension")
    void exportSafety(Store store) throws IOException {
        store.assumeAvailable(jar, dir);
        String cfg = store.seeded(jar, dir).toString();
        Path csv = write("customers.csv", "precious\n");
        Jar.Result kept = jar.run("-c", cfg, "export", csv.toString()).exits(Exit.USER_ERROR);
        assertThat(kept.err()).contains(csv + " exists already (nothing was written)", "--force")
                .doesNotContain("Exception");
        assertThat(kept.out()).isEmpty();
        assertThat(Files.readString(csv)).isEqualTo("precious\n");
        assertThat(jar.run("-c", cfg, "export", csv.toString(), "--force").ok().out())
                .contains("exported 2 customer(s) to " + csv + " (CSV)");
        assertThat(Files.readString(csv)).startsWith("login,email,customerId,").contains("jdoe,");

        Path json = dir.resolve("x.json");
        Jar.Result unknown = jar.run("-c", cfg, "export", json.toString()).exits(Exit.USER_ERROR);
        assertThat(unknown.err()).contains("cannot tell the format of '" + json + "'", ".csv (CSV)", ".ldif (LDIF)",
                "--format csv|ldif");
        assertThat(json).doesNotExist();
        assertThat(jar.run("-c", cfg, "export", json.toString(), "--format", "ldif").ok().out()).contains("(LDIF)");
        assertThat(Files.readString(json)).contains("dn: uid=jdoe,");

        Path folder = Files.createDirectories(dir.resolve("a-folder.csv"));
        assertThat(jar.run("-c", cfg, "export", folder.toString(), "--force").exits(Exit.USER_ERROR).err())
                .contains("cannot write " + folder + ": it is a folder");
    }

    @Test
    @DisplayName("CSV export neutralises spreadsheet formulas with a leading ', and an import takes the values back as"
            + " they were (a +49 phone included)")
    void exportFormulaGuard() throws IOException {
        Path fixture = write("formulas.fixture", Store.GROUPS_FIXTURE + """

                customer mallory
                email: mallory@acme.example
                customerId: acme
                firstName: @SUM(A1)
                lastName: -2+3+cmd
                phone: +49 30 1234
                comment: =1+2
                city: '=quoted
                """);
        Path source = write("formulas.properties", "clientele.backend.local.type = memory\n"
                + "clientele.backend.local.fixture = " + Store.path(fixture) + "\n" + Store.COMMON);
        Path csv = dir.resolve("formulas.csv");
        jar.run("-c", source.toString(), "export", csv.toString()).ok();
        assertThat(Files.readString(csv)).contains(",'@SUM(A1),'-2+3+cmd,'+49 30 1234,", ",''=quoted,",
                ",'=1+2,");
        Path raw = dir.resolve("raw.csv");
        jar.run("-c", source.toString(), "export", raw.toString(), "--no-formula-guard").ok();
        assertThat(Files.readString(raw)).contains(",@SUM(A1),-2+3+cmd,+49 30 1234,", ",'=quoted,", ",=1+2,");

        Store.H2.assumeAvailable(jar, dir);
        String target = Store.H2.groupsOnly(jar, dir).toString();
        jar.run("-c", target, "import", csv.toString()).ok();
        assertThat(jar.run("-c", target, "customer", "show", "mallory", "--json").ok().out()).contains(
                "\"firstName\": \"@SUM(A1)\"", "\"lastName\": \"-2+3+cmd\"", "\"phone\": \"+49 30 1234\"",
                "\"comment\": \"=1+2\"", "\"city\": \"'=quoted\"");
    }

    @Test
    @DisplayName("a write command on the memory back-end warns in one line on stderr that nothing persists"
            + " (fixture or not); reads, failed writes and persistent stores do not")
    void memoryStoreWarns() {
        Path bare = write("bare-memory.properties", "clientele.backend.local.type = memory\n" + Store.COMMON);
        Jar.Result added = jar.run("-c", bare.toString(), "group", "add", "support").ok();
        assertThat(added.out()).contains("support");
        assertThat(added.err().lines()).singleElement().asString().startsWith("clientele: warning: nothing persists:")
                .contains("back-end 'local' keeps its data in memory");
        assertThat(jar.run("-c", bare.toString(), "group", "list").ok().err()).doesNotContain("warning");
        assertThat(jar.run("-c", bare.toString(), "group", "add", "support", "--json").ok().err().lines())
                .singleElement().asString().startsWith("{").contains("\"warning\": \"nothing-persists\"");

        String seeded = Store.MEMORY.seeded(jar, dir).toString();
        assertThat(jar.run("-c", seeded, "link", "customer", "jane", "billing", "ro").ok().err())
                .contains("warning: nothing persists");
        assertThat(jar.run("-c", seeded, "group", "add", "support").exits(Exit.USER_ERROR).err())
                .doesNotContain("nothing persists");

        Store.H2.assumeAvailable(jar, dir);
        String h2 = Store.H2.groupsOnly(jar, dir).toString();
        assertThat(jar.run("-c", h2, "group", "add", "vip").ok().err()).doesNotContain("warning");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    @DisplayName("the demo runs on a configured directory only with --yes (twice on a persistent store), and shows"
            + " its password only in the login line to try next")
    void demo(Store store) {
        store.assumeAvailable(jar, dir);
        String cfg = store.groupsOnly(jar, dir).toString();
        assertThat(jar.run("-c", cfg, "demo").exits(Exit.USER_ERROR).err()).contains("--yes");
        Jar.Result first = jar.run("-c", cfg, "demo", "--yes").ok();
        assertThat(first.out()).contains("== 1.", "jane, right password:  success", "Done.");
        // the demo account's fixed password is shown once, in the login line to try next
        assertThat((first.out() + first.err()).split(DemoCommand.PASSWORD, -1)).hasSize(2);
        assertThat(first.out()).contains("echo '" + DemoCommand.PASSWORD + "' | ./clientele login jane");
        if (store.persistent()) {
            assertThat(jar.run("-c", cfg, "demo", "--yes").ok().out()).contains("Done.");
        }
    }

    @Test
    @DisplayName("an import of 100,000 customers completes and its summary is right")
    void import100k() throws IOException {
        String cfg = Store.MEMORY.groupsOnly(jar, dir).toString();
        Path csv = dir.resolve("100k.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("login,email,customerId,firstName,lastName,city,groups\n");
            for (int i = 0; i < 100_000; i++) {
                if (i % 20_000 == 7) {
                    w.write("user" + (i - 1) + ",dup" + i + "@example.com,c" + (i % 100) + ",First,Last,Town,\n");
                } else if (i % 25_000 == 11) {
                    w.write("user" + i + ",not-an-email,c1,First,Last,Town,\n");
                } else {
                    w.write("user" + i + ",user" + i + "@example.com,c" + (i % 100) + ",First" + i + ",Last,Town,"
                            + (i % 1000 == 0 ? "support:rw" : "") + "\n");
                }
            }
        }
        long start = System.nanoTime();
        Jar.Result r = jar.run("-c", cfg, "import", csv.toString()).exits(Exit.REFUSED);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(r.out()).contains("import of " + csv + ": 99991 added, 9 refused, 0 failed (100000 records read");
        assertThat(r.out()).contains("5 rows: login is taken by an earlier row - first at line 9 (user6), line 20009"
                + " (user20006)", "4 rows: email is not a valid email address - first at line 13 (user11)",
                "group links stored: 100");
        assertThat(r.err()).contains("import: ", "records read").doesNotContain("Exception");
        assertThat(seconds).as("seconds for 100,000 rows").isLessThan(60);
    }

    @Test
    @DisplayName("--help with examples, --version, and the quick tour from the same jar")
    void helpAndQuickTour() {
        assertThat(jar.run("--help").ok().out()).contains("Usage: clientele", "customer", "Exit codes:", "Examples:");
        assertThat(jar.run("import", "--help").ok().out()).contains("Usage: clientele import", "Examples:");
        assertThat(jar.run("--version").ok().out()).contains("clientele 0.1.0-SNAPSHOT", "Java ");
        jar.run("no-such-command").exits(1);
        Jar.Result tour = new Jar(dir, Map.of()).runClass("dev.clientele.examples.QuickTour");
        assertThat(tour.code()).isZero();
        assertThat(tour.out()).contains("right password: SUCCESS").endsWith("Done." + System.lineSeparator());
    }
}
