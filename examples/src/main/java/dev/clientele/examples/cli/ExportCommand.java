package dev.clientele.examples.cli;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFWriter;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele export FILE}: every customer (and its group links) as CSV, or as LDIF for a directory. */
@Command(name = "export", header = "Export every customer (and its group links) as CSV or LDIF.",
        description = {"CSV has the columns 'import' reads (so an export imports back as it was, passwords aside:"
                + " they are never exported), including invalid customers (column validity), additional customer"
                + " IDs, the customer's group links (column groups) and extra attributes (attribute.NAME).",
            "LDIF writes inetOrgPerson entries (uid, mail, o = customerId, givenName, sn, cn, ...) under --base-dn,"
                + " for ldapadd or an LDAP back-end in writable mode; it has no validity, country, links or extra"
                + " attributes.",
            "The format comes from the file's extension (.csv or .ldif; CSV for -), else from --format, which"
                + " wins over the extension. An existing file is kept (exit 1) unless --force is given; the export"
                + " is written to a temporary file next to it and moved in place when complete, so a failed export"
                + " leaves nothing behind.",
            "Formula guard (CSV, OWASP CSV-injection advice): a cell that starts with = + - @, a tab or a carriage"
                + " return gets a leading ' so a spreadsheet shows it as text instead of running it ('import'"
                + " drops that ' again, so +49 30 1234 comes back as it was). --no-formula-guard turns it off."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele export customers.csv", "  ./clientele export customers.csv --force",
            "  ./clientele export - | gzip > customers.csv.gz",
            "  ./clientele export people.ldif --base-dn ou=customers,dc=acme,dc=example",
            "  ./clientele export customers.txt --format csv --no-formula-guard"})
final class ExportCommand extends Base {
    /** The formats, by the extension that selects them. */
    private static final Map<String, String> EXTENSIONS = Map.of(".csv", "csv", ".ldif", "ldif");

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write; - for stdout.")
    String file;
    @Option(names = "--format", paramLabel = "csv|ldif",
            description = "Default: from the extension (.csv, .ldif; csv for -); given, it wins over the extension.")
    String format;
    @Option(names = "--force", negatable = false, description = "Overwrite FILE if it exists.")
    boolean force;
    @Option(names = "--no-formula-guard", negatable = false, description = "CSV: write cells starting with"
            + " = + - @, tab or CR as they are (default: with a leading ', against formula injection).")
    boolean noFormulaGuard;
    @Option(names = "--no-memberships", negatable = false, description = "Leave out the 'groups' column.")
    boolean noMemberships;
    @Option(names = "--base-dn", paramLabel = "DN", defaultValue = LdifFormat.DEFAULT_BASE,
            description = "LDIF: the entries' parent (default: ${DEFAULT-VALUE}).")
    String baseDn;

    @Override
    public Integer call() throws IOException {
        boolean stdout = file.equals("-");
        boolean ldif = "ldif".equals(format(format, file, stdout));
        DN base;
        try {
            base = new DN(baseDn);
        } catch (LDAPException e) {
            throw CliException.user("--base-dn '" + baseDn + "' is not a DN: " + e.getExceptionMessage());
        }
        Path target = stdout ? null : Path.of(file);
        if (target != null) {
            checkWritable(target);
        }
        int count;
        try (CustomerDirectory d = open()) {
            if (stdout) {
                try (OutputStream os = new NonClosing(cli().out)) {
                    count = ldif ? writeLdif(d, base, os) : writeCsv(d, os);
                }
            } else {
                count = writeFile(d, target, ldif, base);
            }
        }
        if (!stdout) {
            if (json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file);
                m.put("format", ldif ? "ldif" : "csv");
                m.put("customers", count);
                cli().printJson(m);
            } else {
                out().println("exported " + count + " customer(s) to " + file + (ldif ? " (LDIF)" : " (CSV)") + ".");
            }
        }
        return Exit.OK;
    }

    /** The format: --format if given (csv or ldif), else by the file's extension; unknown ones are refused. */
    static String format(String format, String file, boolean stdout) {
        if (format != null) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!EXTENSIONS.containsValue(f)) {
                throw CliException.user("--format must be csv or ldif, not '" + format + "'");
            }
            return f;
        }
        if (stdout) {
            return "csv";
        }
        String name = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : EXTENSIONS.entrySet()) {
            if (lower.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        throw CliException.user("cannot tell the format of '" + file + "' from its extension (nothing was written)",
                "known extensions: .csv (CSV), .ldif (LDIF)", "or name the format: --format csv|ldif");
    }

    /** Refuses (exit 1, nothing written) an existing file without --force, a folder, a missing parent folder. */
    private void checkWritable(Path target) {
        if (Files.isDirectory(target)) {
            throw CliException.user("cannot write " + target + ": it is a folder (nothing was written)");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw CliException.user(target + " exists already (nothing was written)",
                    "give --force to overwrite it, or export to another file");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw CliException.user("cannot write " + target + ": the folder " + parent
                    + " does not exist (nothing was written)");
        }
    }

    /**
     * Writes to a temporary file in the target's folder (readable by its owner only: an export holds personal data),
     * then moves it in place: an export that fails half-way leaves the target as it was.
     */
    private int writeFile(CustomerDirectory d, Path target, boolean ldif, DN base) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw CliException.user("cannot write in " + parent + ": " + e.getMessage() + " (nothing was written)");
        }
        boolean moved = false;
        try {
            int count;
            try (OutputStream os = Files.newOutputStream(tmp)) {
                count = ldif ? writeLdif(d, base, os) : writeCsv(d, os);
            }
            try {
                if (force) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, target);
                }
            } catch (FileAlreadyExistsException e) {
                throw CliException.user(target + " exists already (nothing was written)",
                        "give --force to overwrite it, or export to another file");
            }
            moved = true;
            return count;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Two walks over every customer, valid or not, a page at a time (memory stays bounded): one for the names of
     * the extra attributes (the header), one for the rows.
     */
    private int writeCsv(CustomerDirectory d, OutputStream os) throws IOException {
        TreeSet<String> attributeNames = new TreeSet<>();
        try (Stream<Customer> all = d.customers(true)) {
            all.forEach(c -> attributeNames.addAll(c.attributes().keySet()));
        }
        List<String> attrs = new ArrayList<>(attributeNames);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(w, CsvFormat.WRITE);
        printer.printRecord(CsvFormat.header(attrs, !noMemberships));
        int n = 0;
        try (Stream<Customer> all = d.customers(true)) {
            for (Iterator<Customer> it = all.iterator(); it.hasNext(); n++) {
                Customer c = it.next();
                List<String> row = CsvFormat.row(c, attrs, noMemberships ? null : d.groupsOf(c.login()));
                if (!noFormulaGuard) {
                    row.replaceAll(CsvFormat::guard);
                }
                printer.printRecord(row);
            }
        }
        printer.flush();
        return n;
    }

    /** One walk over every customer, valid or not, a page at a time. */
    private static int writeLdif(CustomerDirectory d, DN base, OutputStream os) throws IOException {
        LDIFWriter w = new LDIFWriter(os);
        int n = 0;
        try (Stream<Customer> all = d.customers(true)) {
            for (Iterator<Customer> it = all.iterator(); it.hasNext(); n++) {
                w.writeEntry(LdifFormat.entry(it.next(), base));
            }
        }
        w.flush();
        return n;
    }

    /** Stdout must stay open after the export. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
