package dev.clientele.examples.cli;

import dev.clientele.ClienteleException;
import dev.clientele.CustomerDirectory;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele import FILE}: customers (and their group links) from CSV or LDIF, streamed. */
@Command(name = "import", header = "Import customers (and their group links) from CSV or LDIF.",
        description = {"Rows are streamed into the directory's bulk import: every rule of 'customer add' applies to"
                + " each row, rows that break one are refused and reported (line and why), the others are stored in"
                + " batches. Rows that cannot be read (wrong number of fields, a bad validity or groups value) are"
                + " reported as failed. Group links (CSV column 'groups') are stored after the import, for the rows"
                + " that were added. Imported customers have no password (use 'customer set-password').",
            "CSV: a header row, then one customer per row, UTF-8, RFC 4180 quoting. Columns: login, email,"
                + " customerId, title, firstName, lastName, phone, fax, mobile, street, zip, city, country, comment,"
                + " validity, additionalCustomerIds (a;b), groups (support:rw;billing:ro), attribute.NAME.",
            "Progress goes to stderr: a bar on a terminal, a line every 10,000 records otherwise.",
            "Exit code 0 when every row was added, 4 when some were refused or failed."},
        footerHeading = "%nExamples:%n",
        footer = {"  clientele import customers.csv", "  clientele import people.ldif",
            "  clientele import customers.csv --stop-on-error --json > report.json",
            "  some-export | clientele import - --format csv --progress lines"})
final class ImportCommand extends Base {
    private static final int LISTED = 100;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import; - for stdin.")
    String file;
    @Option(names = "--format", paramLabel = "csv|ldif", description = "Default: ldif for *.ldif, else csv.")
    String format;
    @Option(names = "--stop-on-error", description = "Stop at the first refused row (rows before it stay).")
    boolean stopOnError;
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Customers written at once (1 to 10000; default 1000).")
    int batchSize;
    @Option(names = "--no-memberships", negatable = false, description = "Ignore the 'groups' column.")
    boolean noMemberships;
    @Option(names = "--no-formula-guard", negatable = false, description = "CSV: take every cell as it is (by"
            + " default one leading ' before = + - @, tab or CR is dropped: the formula guard of 'export').")
    boolean noFormulaGuard;
    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (bar on a terminal, else lines), bar, lines or none.")
    Progress.Mode progressMode;

    @Override
    public Integer call() throws IOException {
        ImportOptions options;
        try {
            options = ImportOptions.defaults().withBatchSize(batchSize).withStopOnError(stopOnError);
        } catch (dev.clientele.ValidationException e) {
            throw CliException.user("--batch-size: " + e.getMessage());
        }
        boolean ldif = format == null ? file.toLowerCase(Locale.ROOT).endsWith(".ldif")
                : switch (format.toLowerCase(Locale.ROOT)) {
                    case "ldif" -> true;
                    case "csv" -> false;
                    default -> throw CliException.user("--format must be csv or ldif, not '" + format + "'");
                };
        boolean stdin = file.equals("-");
        long size = stdin ? -1 : sizeOf(Path.of(file));
        long started = System.nanoTime();
        try (InputStream in = stdin ? cli().in : Files.newInputStream(Path.of(file));
                ImportSource source = ldif ? new LdifFormat.Source(in)
                        : new CsvSource(in, !noMemberships).formulaGuard(!noFormulaGuard);
                CustomerDirectory d = openForWriting()) {
            Progress.Mode mode = progressMode == Progress.Mode.AUTO
                    ? (cli().console() != null ? Progress.Mode.BAR : Progress.Mode.LINES) : progressMode;
            Progress progress = new Progress(cli().err, mode, size);
            source.progress(progress);
            ImportResult result = d.importCustomers(source,
                    options);
            progress.done(source.recordsRead(), size);

            Set<Integer> refusedRows = new HashSet<>();
            result.refused().forEach(r -> refusedRows.add(r.row()));
            int linksStored = 0;
            List<ImportSource.Problem> linkFailures = new ArrayList<>();
            for (ImportSource.Links l : source.links) {
                if (refusedRows.contains(l.row()) || l.row() >= source.rowsYielded()) {
                    continue;
                }
                for (Map.Entry<String, Permission> g : l.groups().entrySet()) {
                    try {
                        d.link(l.login(), g.getKey(), g.getValue());
                        linksStored++;
                    } catch (ClienteleException e) {
                        linkFailures.add(new ImportSource.Problem(source.whereOfRow(l.row()), l.login(),
                                "link to group '" + g.getKey() + "' not stored: " + e.getMessage()));
                    }
                }
            }
            // rows after a stop were read ahead but not imported: drop their links (done above) and say so.
            double secs = (System.nanoTime() - started) / 1e9;
            return report(source, result, linksStored, linkFailures, secs, ldif);
        }
    }

    private int report(ImportSource source, ImportResult result, int linksStored,
            List<ImportSource.Problem> linkFailures, double secs, boolean ldif) {
        List<ImportSource.Problem> failed = new ArrayList<>(source.failed);
        failed.addAll(linkFailures);
        List<ImportSource.Problem> refused = new ArrayList<>();
        for (ImportResult.Refused r : result.refused()) {
            List<String> why = new ArrayList<>();
            r.errors().forEach((k, v) -> why.add(k + " " + v));
            why.sort(null);
            refused.add(new ImportSource.Problem(source.whereOfRow(r.row()), r.login(), String.join("; ", why)));
        }
        boolean clean = refused.isEmpty() && failed.isEmpty() && !result.stopped() && source.stoppedBecause == null;
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("format", ldif ? "ldif" : "csv");
            m.put("recordsRead", source.recordsRead());
            m.put("added", result.added());
            m.put("refused", problems(refused));
            m.put("failed", problems(failed));
            m.put("linksStored", linksStored);
            m.put("stopped", result.stopped() || source.stoppedBecause != null);
            m.put("seconds", Math.round(secs * 10) / 10.0);
            cli().printJson(m);
        } else {
            out().printf(Locale.ROOT, "import of %s: %d added, %d refused, %d failed (%d records read in %.1f s)%n",
                    file, result.added(), refused.size(), failed.size(), source.recordsRead(), secs);
            list("refused (the directory's rules)", refused);
            list("failed (could not be read or linked)", failed);
            if (linksStored > 0 || !linkFailures.isEmpty()) {
                out().println("group links stored: " + linksStored);
            }
            if (source instanceof LdifFormat.Source && ((LdifFormat.Source) source).passedOver > 0) {
                out().println("entries without uid passed over: " + ((LdifFormat.Source) source).passedOver);
            }
            if (result.stopped()) {
                out().println("stopped at the first refused row (--stop-on-error); the rows before it were added.");
            }
            if (source.stoppedBecause != null) {
                out().println("reading stopped early: " + source.stoppedBecause);
            }
        }
        return clean ? Exit.OK : Exit.REFUSED;
    }

    private void list(String title, List<ImportSource.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out().println(title + ":");
        for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
            out().println("  " + problems.get(i));
        }
        if (problems.size() > LISTED) {
            out().println("  ... and " + (problems.size() - LISTED) + " more (--json lists them all)");
        }
    }

    private static List<Map<String, Object>> problems(List<ImportSource.Problem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImportSource.Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("where", p.where());
            m.put("login", p.login());
            m.put("message", p.message());
            out.add(m);
        }
        return out;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (NoSuchFileException e) {
            throw CliException.user("cannot read " + p + ": no such file");
        } catch (IOException e) {
            throw CliException.user("cannot read " + p + ": " + e.getMessage());
        }
    }
}
