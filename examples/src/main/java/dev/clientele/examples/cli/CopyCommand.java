package dev.clientele.examples.cli;

import dev.clientele.CustomerDirectory;
import dev.clientele.config.ClienteleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clientele copy [--from SOURCE.properties] --to OTHER.properties}: everything the public API can read, into
 * another directory — also from a Znuny/OTRS database (a {@code jdbc} back-end with {@code preset = znuny7}).
 */
@Command(name = "copy", header = "Copy groups, companies, customers and their links into another directory.",
        description = {"Reads the configured directory (or the one configured by --from) and writes into the one"
                + " configured by --to (for example from a Znuny database or the embedded H2 store to PostgreSQL,"
                + " or from one schema to another), then verifies that everything copied reads back the same. What"
                + " exists already in the target is kept and checked, so running it again is safe.",
            "Customers keep their created and changed timestamps, additional customer IDs and preferences."
                + " Passwords of the customers it copies go along as they are stored (their hashes, Znuny's legacy"
                + " ones too; nobody sees them), so customers log in as before. Links in the other-customer-ids"
                + " context go along, and so does the login state of the customers it copies (last login, failed"
                + " logins, lock-out: a locked account stays locked).",
            "CLIENTELE_* environment variables apply to the source only; the target is read from its file alone.",
            "Progress of the customers goes to stderr: a bar on a terminal, a line every 10,000 otherwise.",
            "Exit code 0 when everything was copied and verified, 4 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele copy --to postgres.properties",
            "  ./clientele copy --from znuny.properties --to clientele.properties",
            "  ./clientele --config old.properties copy --to new.properties --json"})
final class CopyCommand extends Base {
    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Configuration of the target.")
    Path to;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Configuration of the source (default: the tool's configuration, --config).")
    Path from;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(to)) {
            throw new CliException(Exit.CONFIG_ERROR, "the target configuration " + to + " does not exist", List.of());
        }
        if (from != null && !Files.isRegularFile(from)) {
            throw new CliException(Exit.CONFIG_ERROR, "the source configuration " + from + " does not exist",
                    List.of());
        }
        ClienteleConfig targetConfig = ClienteleConfig.load(to, Map.of());
        CopyRun run;
        long started = System.nanoTime();
        try (CustomerDirectory src = from == null ? open()
                    : CustomerDirectory.builder().config(ClienteleConfig.load(from, cli().env)).build();
                CustomerDirectory dst = cli().writesTo(
                        CustomerDirectory.builder().config(targetConfig).build())) {
            run = new CopyRun(src, dst);
            run.run(() -> new Progress(cli().err, json() ? Progress.Mode.NONE : cli().console() != null
                    ? Progress.Mode.BAR : Progress.Mode.LINES, 0, json()));
        }
        report(run, (System.nanoTime() - started) / 1e9);
        return run.problems.isEmpty() ? Exit.OK : Exit.REFUSED;
    }

    /** Prints the counts of each kind, the problems and the notes: a table, or one JSON object. */
    private void report(CopyRun run, double secs) {
        List<String> problems = run.problems;
        boolean ok = problems.isEmpty();
        String note = "password hashes and login state (last login, failed logins, lock-out) of the copied customers"
                + " were copied as stored; customers that check their password elsewhere (an LDAP bind) have no hash"
                + " to copy" + (run.stateless ? "; the source keeps no login state" : "") + ".";
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", to.toString());
            m.put("groups", run.groups.view());
            m.put("companies", run.companies.view());
            m.put("customers", run.customers.view());
            m.put("links", run.links.view());
            m.put("preferences", run.preferences.view());
            m.put("customersWithTargetTimestamps", run.customersWithTargetTimestamps);
            m.put("problems", problems);
            m.put("verified", ok);
            m.put("passwords", run.passwords.view());
            m.put("loginStates", run.loginStates.view());
            m.put("note", note);
            cli().printJson(m);
        } else {
            out().printf(java.util.Locale.ROOT, "copy to %s (%.1f s):%n", to, secs);
            Table t = new Table("KIND", "IN SOURCE", "COPIED", "ALREADY THERE", "REFUSED", "VERIFIED");
            row(t, "groups", run.groups);
            row(t, "companies", run.companies);
            row(t, "customers", run.customers);
            row(t, "links", run.links);
            row(t, "preferences", run.preferences);
            row(t, "passwords", run.passwords);
            row(t, "login states", run.loginStates);
            t.print(out(), cli().columns());
            if (!ok) {
                out().println("problems:");
                problems.stream().limit(100).forEach(p -> out().println("  " + p));
                if (problems.size() > 100) {
                    out().println("  ... and " + (problems.size() - 100) + " more (--json lists them all)");
                }
            }
            if (run.customersWithTargetTimestamps > 0) {
                out().println("note: " + run.customersWithTargetTimestamps + " customers have the target's own"
                        + " created/changed timestamps (it does not keep the source's)");
            }
            out().println("verification: " + (ok ? "everything copied reads back the same." : "FAILED (see above)."));
            out().println("note: " + note);
        }
    }

    private static void row(Table t, String kind, CopyRun.Count c) {
        t.row(kind, c.source, c.copied, c.existing, c.refused, c.verified);
    }
}
