package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("import, export and copy, in process")
class ImportExportTest {
    @TempDir
    Path dir;
    private InProcess cli;

    @BeforeEach
    void groups() {
        cli = new InProcess();
        assertThat(cli.run("group", "add", "support").code()).isZero();
        assertThat(cli.run("group", "add", "billing").code()).isZero();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    @DisplayName("a CSV import reports added, refused (with line and why) and failed rows")
    void importSummary() throws IOException {
        Path csv = write("in.csv", "\uFEFFlogin,email,customerId,firstName,lastName,comment,groups\n"
                + "ann,ann@x.example,x,Ann,A,\"says \"\"hi\"\", twice\",support:rw\n"
                + "bob,bob@x.example,x,Bob,B,,support:ro;billing:rw\n"
                + "ANN,other@x.example,x,Ann,Again,,\n"
                + "carl,,x,Carl,,,\n"
                + "dora,dora@x.example,x\n"
                + "fay,fay@x.example,x,Fay,F,,support:admin\n");
        InProcess.Result r = cli.run("import", csv.toString(), "--progress", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(Exit.REFUSED);
        assertThat(r.out()).contains("2 added, 2 refused, 2 failed (6 records read");
        assertThat(r.out()).contains("line 4 (login ANN): login is taken by an earlier row");
        assertThat(r.out()).contains("line 5 (login carl): email is required; lastName is required");
        assertThat(r.out()).contains("line 6: has 3 field(s), the header has 7");
        assertThat(r.out()).contains("line 7 (login fay): groups: permission must be 'ro' or 'rw'");
        assertThat(r.out()).contains("group links stored: 3");
        assertThat(cli.run("customer", "show", "ann").out()).contains("says \"hi\", twice", "support:rw");
        assertThat(cli.run("group", "show", "billing").out()).contains("customers: bob:rw");
    }

    @Test
    @DisplayName("an unknown column stops the import before anything is written")
    void badHeader() throws IOException {
        Path csv = write("bad.csv", "login,emial\nann,ann@x.example\n");
        InProcess.Result r = cli.run("import", csv.toString());
        assertThat(r.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(r.err()).contains("unknown column 'emial'", "known columns: login, email");
        assertThat(cli.run("customer", "search").out()).contains("no customer found");
    }

    @Test
    @DisplayName("unreadable CSV (a broken quote) stops reading there and says where")
    void brokenQuote() throws IOException {
        Path csv = write("broken.csv", "login,email,customerId,firstName,lastName\n"
                + "ann,ann@x.example,x,Ann,A\n"
                + "bob,\"bob@x.example\"oops,x,Bob,B\n"
                + "carl,carl@x.example,x,Carl,C\n");
        InProcess.Result r = cli.run("import", csv.toString(), "--json");
        assertThat(r.code()).isEqualTo(Exit.REFUSED);
        assertThat(r.out()).contains("\"added\": 1", "\"where\": \"line 3\"", "unreadable CSV", "\"stopped\": true");
    }

    @Test
    @DisplayName("export to CSV imports back the same, links included; LDIF too (fields it has)")
    void exportRoundTrip() throws IOException {
        Path csv = write("in.csv", "login,email,customerId,firstName,lastName,validity,additionalCustomerIds,"
                + "groups,attribute.department\n"
                + "ann,ann@x.example,x,Ann,\"Al, B\",valid,y;z,support:rw;billing:ro,IT\n"
                + "bob,bob@x.example,x,Bob,B,invalid,,,\n");
        assertThat(cli.run("import", csv.toString()).code()).isZero();
        Path out = dir.resolve("out.csv");
        InProcess.Result e = cli.run("export", out.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("exported 2 customer(s)");
        String exported = Files.readString(out);
        assertThat(exported).startsWith("login,email,customerId,");
        assertThat(exported).contains("ann,ann@x.example,x,", "\"Al, B\"", "y;z", "billing:ro;support:rw", "IT",
                "bob,bob@x.example,x,", "invalid");

        InProcess other = new InProcess();
        other.run("group", "add", "support");
        other.run("group", "add", "billing");
        InProcess.Result back = other.run("import", out.toString());
        assertThat(back.code()).as(back.out()).isZero();
        assertThat(stable(other.run("customer", "show", "ann", "--json").out()))
                .isEqualTo(stable(cli.run("customer", "show", "ann", "--json").out()));
        assertThat(stable(other.run("customer", "show", "bob", "--json").out()))
                .isEqualTo(stable(cli.run("customer", "show", "bob", "--json").out()));
        assertThat(other.run("customer", "show", "ann").out()).contains("billing:ro, support:rw", "department=IT",
                "y, z");

        Path ldif = dir.resolve("out.ldif");
        assertThat(cli.run("export", ldif.toString()).code()).isZero();
        assertThat(Files.readString(ldif)).contains("dn: uid=ann,ou=customers,dc=example,dc=com", "mail: ann@x.example",
                "o: x", "givenName: Ann", "cn: Ann Al, B");
        InProcess third = new InProcess();
        InProcess.Result fromLdif = third.run("import", ldif.toString());
        assertThat(fromLdif.code()).as(fromLdif.out()).isZero();
        assertThat(fromLdif.out()).contains("2 added, 0 refused, 0 failed");
        assertThat(third.run("customer", "show", "ann").out())
                .contains("ann@x.example", "Ann", "Al, B");
    }

    @Test
    @DisplayName("copy --to another directory copies and verifies, links in the other-customer-ids context too")
    void copy() throws IOException {
        for (InProcess.Result setup : List.of(cli.run("company", "add", "x", "--name", "X Ltd"),
                cli.run("customer", "add", "ann", "--email", "ann@x.example", "--customer-id", "x", "--first-name",
                        "Ann", "--last-name", "A"),
                cli.run("link", "customer", "ann", "support", "rw"),
                cli.run("link", "company", "x", "billing", "ro"),
                cli.run("link", "customer", "ann", "billing", "ro", "--context", "other-customer-ids"),
                cli.run("link", "company", "x", "support", "rw", "--context", "other-customer-ids"))) {
            assertThat(setup.code()).as(setup.out() + setup.err()).isZero();
        }
        Path target = write("target.properties", "clientele.backend.other.type = memory\n"
                + "clientele.password.iterations = 1000\n");
        InProcess.Result r = cli.run("copy", "--to", target.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("verification: everything copied reads back the same.",
                "password hashes and login state (last login, failed logins, lock-out) of the copied customers were"
                        + " copied as stored");
        assertThat(r.out()).containsPattern("login states\\s+0\\s+0\\s+0\\s+0\\s+0");
        assertThat(r.out()).containsPattern("customers\\s+1\\s+1\\s+0\\s+0\\s+1");
        assertThat(r.out()).containsPattern("links\\s+4\\s+4\\s+0\\s+0\\s+4");
    }

    @Test
    @DisplayName("export keeps an existing file (exit 1, nothing written, the file named) unless --force is given")
    void exportKeepsAnExistingFile() throws IOException {
        Path out = write("customers.csv", "precious\n");
        InProcess.Result refused = cli.run("export", out.toString());
        assertThat(refused.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(refused.err()).contains(out + " exists already (nothing was written)", "--force");
        assertThat(Files.readString(out)).isEqualTo("precious\n");

        InProcess.Result forced = cli.run("export", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out)).startsWith("login,email,customerId,");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactly("customers.csv");
        }
    }

    @Test
    @DisplayName("export takes the format from the extension, refuses an unknown one naming the known ones,"
            + " and --format wins over the extension")
    void exportFormatFromExtension() throws IOException {
        assertThat(cli.run("customer", "add", "ann", "--email", "ann@x.example", "--customer-id", "x",
                "--first-name", "Ann", "--last-name", "A").code()).isZero();
        Path json = dir.resolve("x.json");
        InProcess.Result unknown = cli.run("export", json.toString());
        assertThat(unknown.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(unknown.err()).contains("cannot tell the format of '" + json + "'", ".csv", ".ldif",
                "--format csv|ldif");
        assertThat(json).doesNotExist();

        assertThat(cli.run("export", json.toString(), "--format", "ldif").code()).isZero();
        assertThat(Files.readString(json)).contains("dn: uid=ann,");
        Path ldifNamed = dir.resolve("really-csv.LDIF");
        assertThat(cli.run("export", ldifNamed.toString(), "--format", "CSV").code()).isZero();
        assertThat(Files.readString(ldifNamed)).startsWith("login,email,");
        Path upper = dir.resolve("PEOPLE.LDIF");
        assertThat(cli.run("export", upper.toString()).code()).isZero();
        assertThat(Files.readString(upper)).contains("dn: uid=ann,");
        assertThat(cli.run("export", dir.resolve("y.csv").toString(), "--format", "xml").err())
                .contains("--format must be csv or ldif, not 'xml'");
    }

    @Test
    @DisplayName("CSV export guards cells that a spreadsheet would run as formulas; import takes them back as they"
            + " were (+49 phones too); --no-formula-guard writes them as they are")
    void formulaGuard() throws IOException {
        assertThat(cli.run("customer", "add", "ann", "--email", "ann@x.example", "--customer-id", "x",
                "--first-name", "@SUM(A1)", "--last-name", "-2+3+cmd", "--phone", "+49 30 1234",
                "--comment", "=HYPERLINK(\"http://evil.example\",\"x\")", "--city", "'=quoted already",
                "--street", "'plain quote", "--attribute", "note=-5").code()).isZero();
        Path out = dir.resolve("out.csv");
        assertThat(cli.run("export", out.toString()).code()).isZero();
        String csv = Files.readString(out);
        assertThat(csv).contains(",'@SUM(A1),'-2+3+cmd,", ",'+49 30 1234,",
                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", ",''=quoted already,", ",'plain quote,",
                ",'-5\n");

        InProcess other = new InProcess();
        InProcess.Result back = other.run("import", out.toString());
        assertThat(back.code()).as(back.out()).isZero();
        assertThat(stable(other.run("customer", "show", "ann", "--json").out()))
                .isEqualTo(stable(cli.run("customer", "show", "ann", "--json").out()))
                .contains("\"phone\": \"+49 30 1234\"", "\"city\": \"'=quoted already\"",
                        "\"street\": \"'plain quote\"");

        Path raw = dir.resolve("raw.csv");
        assertThat(cli.run("export", raw.toString(), "--no-formula-guard").code()).isZero();
        assertThat(Files.readString(raw)).contains(",@SUM(A1),-2+3+cmd,", ",+49 30 1234,", ",'=quoted already,");
        InProcess third = new InProcess();
        assertThat(third.run("import", raw.toString(), "--no-formula-guard").code()).isZero();
        assertThat(third.run("customer", "show", "ann", "--json").out())
                .contains("\"city\": \"'=quoted already\"", "\"phone\": \"+49 30 1234\"");
    }

    @Test
    @DisplayName("the formula guard and its undoing are exact inverses")
    void guardAndUnguard() {
        for (String v : new String[] {"=1", "+49", "-x", "@a", "\tt", "\rr", "'=x", "''+x", "'", "'a", "a=b", "",
            "plain"}) {
            assertThat(CsvFormat.unguard(CsvFormat.guard(v))).as(v).isEqualTo(v);
        }
        assertThat(CsvFormat.guard("=1")).isEqualTo("'=1");
        assertThat(CsvFormat.guard("'+1")).isEqualTo("''+1");
        assertThat(CsvFormat.guard("'a")).isEqualTo("'a");
        assertThat(CsvFormat.guard("a-b")).isEqualTo("a-b");
        assertThat(CsvFormat.guard(null)).isNull();
    }

    /** The JSON of a customer without what each store sets itself. */
    private static String stable(String json) {
        return json.replaceAll("(?m)^\\s*\"(created|changed|version)\": .*$", "");
    }

    @Test
    @DisplayName("the demo runs twice on one directory")
    void demoTwice() {
        InProcess.Result first = cli.run("demo");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("== 4.", "jane: {billing=ro, support=rw, users=rw, vip=rw}",
                "may hank answer in Support (rw)? false", "jane, right password:  success", "nobody:                bad-credentials",
                "john: {}", "Done.");
        InProcess.Result second = cli.run("demo", "--quiet-events");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("jane, right password:  success", "Done.").doesNotContain("[event]");
    }
}
