package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("import checks the file before it writes: encoding, missing groups, dry run, existing logins")
class ImportSafetyTest {
    private static final String HEADER = "login,email,customerId,firstName,lastName,groups\n";
    @TempDir
    Path dir;
    private InProcess cli;

    @BeforeEach
    void seed() {
        cli = new InProcess();
        assertThat(cli.run("group", "add", "billing").code()).isZero();
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    private static String rows(int count, String groups) {
        return rows("u", count, groups);
    }

    private static String rows(String prefix, int count, String groups) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            b.append(prefix).append(i).append(',').append(prefix).append(i).append("@x.example,x,U,").append(i)
                    .append(',').append(groups).append('\n');
        }
        return b.toString();
    }

    private int customers() {
        InProcess.Result r = cli.run("customer", "search", "--include-invalid", "--json", "--limit", "10000");
        return r.out().split("\"login\"", -1).length - 1;
    }

    @Test
    @DisplayName("a Latin-1 file read as UTF-8 is refused naming the line and the byte offset, nothing written;"
            + " with --encoding it imports exactly")
    void encoding() throws IOException {
        String text = HEADER + "ann,ann@x.example,x,Ann,A,\n" + "jrg,j@x.example,x,J\u00fcrgen,M\u00fcller,\n";
        Path latin1 = write("latin1.csv", text, StandardCharsets.ISO_8859_1);
        int offset = HEADER.length() + "ann,ann@x.example,x,Ann,A,\n".length() + "jrg,j@x.example,x,J".length();

        InProcess.Result refused = cli.run("import", latin1.toString(), "--progress", "none");
        assertThat(refused.code()).as(refused.err()).isEqualTo(Exit.USER_ERROR);
        assertThat(refused.err()).contains("line 3, byte offset " + offset, "not valid UTF-8",
                "nothing was imported", "--encoding windows-1252");
        assertThat(customers()).isZero();

        InProcess.Result ok = cli.run("import", latin1.toString(), "--encoding", "ISO-8859-1", "--progress", "none");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(cli.run("customer", "show", "jrg").out()).contains("J\u00fcrgen", "M\u00fcller");

        String big = rows(2_000, "");
        Path late = write("late.csv", big + "zed,z@x.example,x,Z\u00e9,Z,\n", StandardCharsets.ISO_8859_1);
        InProcess.Result lateRefusal = cli.run("import", late.toString(), "--progress", "none");
        assertThat(lateRefusal.err()).contains("line 2002, byte offset " + (big.length() + "zed,z@x.example,x,Z"
                .length()) + ":");
        assertThat(customers()).isEqualTo(2);

        InProcess.Result unknown = cli.run("import", latin1.toString(), "--encoding", "klingon");
        assertThat(unknown.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(unknown.err()).contains("--encoding: unknown encoding 'klingon'");
    }

    @Test
    @DisplayName("a file linking to a missing group is refused whole before a row is written, naming the group and"
            + " where; after 'group add' the same file imports")
    void missingGroup() throws IOException {
        Path csv = write("in.csv", rows(50, "support:rw;billing:ro"), StandardCharsets.UTF_8);

        InProcess.Result refused = cli.run("import", csv.toString(), "--progress", "none");
        assertThat(refused.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(refused.err()).contains("1 group(s) the file links to do not exist; nothing was imported",
                "./clientele group add support",
                "group 'support' does not exist: linked by 50 row(s), first at line 2, line 3, line 4")
                .doesNotContain("'billing'");
        assertThat(customers()).isZero();

        assertThat(cli.run("group", "add", "support").code()).isZero();
        InProcess.Result ok = cli.run("import", csv.toString(), "--progress", "none");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("50 added", "group links stored: 100");
    }

    @Test
    @DisplayName("--dry-run reports what an import would do, refusals included, and writes nothing")
    void dryRun() throws IOException {
        Path csv = write("in.csv", rows(20, "billing:ro") + "bad,not-an-email,x,B,B,\n", StandardCharsets.UTF_8);

        InProcess.Result r = cli.run("import", csv.toString(), "--dry-run", "--progress", "none");
        assertThat(r.code()).isEqualTo(Exit.REFUSED);
        assertThat(r.out()).contains("dry run of import of", "(nothing written): 20 would be added, 1 refused",
                "line 22 (login bad): email");
        assertThat(r.out()).doesNotContain("group links stored");
        assertThat(r.err()).doesNotContain("nothing persists");
        assertThat(customers()).isZero();
        assertThat(cli.run("group", "show", "billing").out()).contains("customers: (none)");
    }

    @Test
    @DisplayName("--on-existing: fail refuses existing logins (grouped in one line), skip leaves them, update"
            + " changes them; links follow the rows that were added or updated")
    void onExisting() throws IOException {
        Path csv = write("in.csv", rows(10, ""), StandardCharsets.UTF_8);
        assertThat(cli.run("import", csv.toString(), "--progress", "none").code()).isZero();
        Path again = write("again.csv", rows(12, "billing:rw").replace(",U,", ",Changed,"), StandardCharsets.UTF_8);

        InProcess.Result failed = cli.run("import", again.toString(), "--progress", "none");
        assertThat(failed.code()).isEqualTo(Exit.REFUSED);
        assertThat(failed.out()).contains("2 added, 10 refused",
                "  10 rows: login exists already - first at line 2 (u0), line 3 (u1), line 4 (u2), ...");
        assertThat(cli.run("group", "show", "billing").out()).contains("u10:rw", "u11:rw").doesNotContain("u0:");

        InProcess.Result skipped = cli.run("import", again.toString(), "--on-existing", "skip", "--progress",
                "none");
        assertThat(skipped.code()).as(skipped.out()).isZero();
        assertThat(skipped.out()).contains("0 added, 12 skipped (login exists)");
        assertThat(cli.run("customer", "show", "u3").out()).doesNotContain("Changed");

        InProcess.Result updated = cli.run("import", again.toString(), "--on-existing", "update", "--progress",
                "none");
        assertThat(updated.code()).as(updated.out()).isZero();
        assertThat(updated.out()).contains("0 added, 12 updated");
        assertThat(cli.run("customer", "show", "u3").out()).contains("Changed");
        assertThat(cli.run("group", "show", "billing").out()).contains("u3:rw");
    }

    @Test
    @DisplayName("a folder or a missing file is a user error naming it, not an unexpected one")
    void paths() {
        InProcess.Result folder = cli.run("import", dir.toString());
        assertThat(folder.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(folder.err()).contains("cannot read " + dir, "it is a folder");
        InProcess.Result missing = cli.run("import", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    @DisplayName("progress: no line at the first record; with --json none unless asked, then JSON lines")
    void progress() throws IOException {
        Path small = write("small.csv", rows(30, ""), StandardCharsets.UTF_8);
        assertThat(cli.run("import", small.toString(), "--progress", "lines").err()).doesNotContain("import: ");
        Path big = write("big.csv", rows("b", 12_000, ""), StandardCharsets.UTF_8);
        InProcess.Result quiet = cli.run("import", big.toString(), "--json");
        assertThat(quiet.err()).doesNotContain("progress", "import: ");
        assertThat(quiet.out()).startsWith("{").contains("\"added\": 12000");
        Path more = write("more.csv", rows("m", 12_000, ""), StandardCharsets.UTF_8);
        InProcess.Result lines = cli.run("import", more.toString(), "--json", "--progress", "lines");
        assertThat(lines.err().lines().filter(l -> l.startsWith("{\"progress\": {\"records\": ")).count())
                .isGreaterThanOrEqualTo(1);
        assertThat(lines.err()).doesNotContain("import: ");
    }
}
