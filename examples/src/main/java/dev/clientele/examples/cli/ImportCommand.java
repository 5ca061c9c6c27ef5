package dev.clientele.examples.cli;

import dev.clientele.ClienteleException;
import dev.clientele.CustomerDirectory;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele import FILE}: customers (and their group links) from CSV or LDIF, streamed. */
@Command(name = "import", header = "Import customers (and their group links) from CSV or LDIF.",
        description = {"The file is read twice. First it is checked: bytes that are not valid in its encoding, and"
                + " groups it links to that do not exist, stop the import before anything is written. Then rows are"
                + " streamed into the directory's bulk import: every rule of 'customer add' applies to each row,"
                + " rows that break one are refused and reported (line and why; identical reasons grouped), the"
                + " others are stored in batches. Rows that cannot be read (wrong number of fields, a bad validity"
                + " or groups value) are reported as failed. Group links (CSV column 'groups') are stored after the"
                + " import, for the rows that were added or updated. Imported customers have no password (use"
                + " 'customer set-password').",
            "CSV: a header row, then one customer per row, RFC 4180 quoting, UTF-8 unless --encoding. Columns:"
                + " login, email, customerId, title, firstName, lastName, phone, fax, mobile, street, zip, city,"
                + " country, comment, validity, additionalCustomerIds (a;b), groups (support:rw;billing:ro),"
                + " attribute.NAME. LDIF is always UTF-8.",
            "Progress goes to stderr: a bar on a terminal, a line every 10,000 records or 5 seconds otherwise (the first"
                + " after the first of them); with --json none, unless --progress lines (JSON lines then).",
            "Exit code 0 when every row was added (or updated or skipped as asked), 4 when some were refused or"
                + " failed, 1 when the file was refused before anything was written."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele import customers.csv", "  ./clientele import people.ldif",
            "  ./clientele import customers.csv --dry-run",
            "  ./clientele import export-from-excel.csv --encoding windows-1252 --on-existing update",
            "  ./clientele import customers.csv --stop-on-error --json > report.json",
            "  some-export | ./clientele import - --format csv --progress lines"})
final class ImportCommand extends Base {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import; - for stdin.")
    String file;
    @Option(names = "--format", paramLabel = "csv|ldif", description = "Default: ldif for *.ldif, else csv.")
    String format;
    @Option(names = "--encoding", paramLabel = "CHARSET", description = "The CSV file's encoding (default UTF-8),"
            + " e.g. windows-1252 or iso-8859-1 for files saved by a spreadsheet.")
    String encoding;
    @Option(names = "--dry-run", description = "Check every row as a real import would and report, but write"
            + " nothing.")
    boolean dryRun;
    @Option(names = "--on-existing", paramLabel = "fail|skip|update", defaultValue = "fail",
            description = "A row whose login exists: refused (fail, the default), left out (skip), or the stored"
                    + " customer takes the row's fields (update; it keeps its password).")
    ImportOptions.OnExisting onExisting;
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
            description = "auto (bar on a terminal, else lines; none with --json), bar, lines or none.")
    Progress.Mode progressMode;

    @Override
    public Integer call() throws IOException {
        ImportOptions options;
        try {
            options = ImportOptions.defaults().withBatchSize(batchSize).withStopOnError(stopOnError)
                    .withOnExisting(onExisting).withDryRun(dryRun);
        } catch (dev.clientele.ValidationException e) {
            throw CliException.user("--batch-size: " + e.getMessage());
        }
        boolean ldif = format == null ? file.toLowerCase(Locale.ROOT).endsWith(".ldif")
                : switch (format.toLowerCase(Locale.ROOT)) {
                    case "ldif" -> true;
                    case "csv" -> false;
                    default -> throw CliException.user("--format must be csv or ldif, not '" + format + "'");
                };
        Charset charset = charset(ldif);
        Path spooled = file.equals("-") ? spool(cli().in) : null;
        try {
            Path path = spooled != null ? spooled : Path.of(file);
            long size = sizeOf(path);
            long started = System.nanoTime();
            Map<String, List<String>> groupsUsed = check(path, ldif, charset);
            try (CustomerDirectory d = dryRun ? open() : openForWriting()) {
                refuseMissingGroups(d, groupsUsed);
                try (InputStream in = Files.newInputStream(path); ImportSource source = source(in, ldif, charset)) {
                    Progress.Mode mode = progressMode != Progress.Mode.AUTO ? progressMode
                            : json() ? Progress.Mode.NONE   // stdout is the report; stderr stays quiet unless asked
                            : cli().console() != null ? Progress.Mode.BAR : Progress.Mode.LINES;
                    Progress progress = new Progress(cli().err, mode, size, json());
                    source.progress(progress);
                    ImportResult result = d.importCustomers(source, options);
                    progress.done(source.recordsRead(), size);
                    int[] linksStored = {0};
                    List<ImportSource.Problem> linkFailures = dryRun ? List.of()
                            : storeLinks(d, source, result, linksStored);
                    double secs = (System.nanoTime() - started) / 1e9;
                    return new ImportReport(this, file, ldif).print(source, result, linksStored[0], linkFailures,
                            secs);
                }
            }
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    private ImportSource source(InputStream in, boolean ldif, Charset charset) throws IOException {
        try {
            return ldif ? new LdifFormat.Source(in)
                    : new CsvSource(in, charset, !noMemberships).formulaGuard(!noFormulaGuard);
        } catch (StrictReader.Undecodable e) {
            throw e.refusal();
        }
    }

    private Charset charset(boolean ldif) {
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        Charset c;
        try {
            c = Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw CliException.user("--encoding: unknown encoding '" + encoding + "' (for example UTF-8,"
                    + " windows-1252, ISO-8859-1, ISO-8859-15)");
        }
        if (ldif && !c.equals(StandardCharsets.UTF_8)) {
            throw CliException.user("--encoding: LDIF is always UTF-8 (RFC 2849); convert the file, or export CSV");
        }
        return c;
    }

    /**
     * The first pass: reads every row without writing, so undecodable bytes stop the import before anything is
     * written (the reader throws); returns each linked group with where it is used.
     */
    private Map<String, List<String>> check(Path path, boolean ldif, Charset charset) throws IOException {
        Map<String, List<String>> used = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (InputStream in = Files.newInputStream(path); ImportSource source = source(in, ldif, charset)) {
            source.forEach(c -> { });
            for (ImportSource.Links l : source.links) {
                for (String g : l.groups().keySet()) {
                    used.computeIfAbsent(g, k -> new ArrayList<>()).add(source.whereOfRow(l.row()));
                }
            }
        }
        return used;
    }

    /** Refuses the whole import, before a row is written, when it links to groups that do not exist. */
    private static void refuseMissingGroups(CustomerDirectory d, Map<String, List<String>> used) {
        List<String> missing = new ArrayList<>();
        used.forEach((group, where) -> {
            if (d.findGroup(group).isEmpty()) {
                missing.add("group '" + group + "' does not exist: linked by " + where.size() + " row(s), first at "
                        + String.join(", ", where.subList(0, Math.min(3, where.size()))));
            }
        });
        if (!missing.isEmpty()) {
            String first = missing.get(0).substring("group '".length()).split("'", 2)[0];
            throw new CliException(Exit.USER_ERROR, missing.size() + " group(s) the file links to do not exist;"
                    + " nothing was imported. Create them first (./clientele group add " + first + ") or import"
                    + " without links (--no-memberships)", missing);
        }
    }

    /** Stores the group links of the rows that were added or updated. */
    private static List<ImportSource.Problem> storeLinks(CustomerDirectory d, ImportSource source,
            ImportResult result, int[] stored) {
        Set<Integer> leftOut = new HashSet<>(result.skipped());
        result.refused().forEach(r -> leftOut.add(r.row()));
        List<ImportSource.Problem> failures = new ArrayList<>();
        for (ImportSource.Links l : source.links) {
            // rows after a stop were read ahead but not imported: their links are dropped too
            if (leftOut.contains(l.row()) || l.row() >= source.rowsYielded()) {
                continue;
            }
            for (Map.Entry<String, Permission> g : l.groups().entrySet()) {
                try {
                    d.link(l.login(), g.getKey(), g.getValue());
                    stored[0]++;
                } catch (ClienteleException e) {
                    failures.add(new ImportSource.Problem(source.whereOfRow(l.row()), l.login(),
                            "link to group '" + g.getKey() + "' not stored: " + e.getMessage()));
                }
            }
        }
        return failures;
    }

    /** Standard input in a temporary file, so it can be read twice. */
    private static Path spool(InputStream in) throws IOException {
        Path tmp = Files.createTempFile("clientele-import-", ".tmp");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    private static long sizeOf(Path p) {
        if (Files.isDirectory(p)) {
            throw CliException.user("cannot read " + p + ": it is a folder, not a file");
        }
        try {
            return Files.size(p);
        } catch (NoSuchFileException e) {
            throw CliException.user("cannot read " + p + ": no such file");
        } catch (IOException e) {
            throw CliException.user("cannot read " + p + ": " + e.getMessage());
        }
    }
}
