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
import java.nio.file.Files;
import java.nio.file.Path;
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
                + " attributes."},
        footerHeading = "%nExamples:%n",
        footer = {"  clientele export customers.csv", "  clientele export - | gzip > customers.csv.gz",
            "  clientele export people.ldif --base-dn ou=customers,dc=acme,dc=example"})
final class ExportCommand extends Base {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write; - for stdout.")
    String file;
    @Option(names = "--format", paramLabel = "csv|ldif", description = "Default: ldif for *.ldif, else csv.")
    String format;
    @Option(names = "--no-memberships", negatable = false, description = "Leave out the 'groups' column.")
    boolean noMemberships;
    @Option(names = "--base-dn", paramLabel = "DN", defaultValue = LdifFormat.DEFAULT_BASE,
            description = "LDIF: the entries' parent (default: ${DEFAULT-VALUE}).")
    String baseDn;

    @Override
    public Integer call() throws IOException {
        boolean ldif = format == null ? file.toLowerCase(Locale.ROOT).endsWith(".ldif")
                : switch (format.toLowerCase(Locale.ROOT)) {
                    case "ldif" -> true;
                    case "csv" -> false;
                    default -> throw CliException.user("--format must be csv or ldif, not '" + format + "'");
                };
        DN base;
        try {
            base = new DN(baseDn);
        } catch (LDAPException e) {
            throw CliException.user("--base-dn '" + baseDn + "' is not a DN: " + e.getExceptionMessage());
        }
        boolean stdout = file.equals("-");
        int count;
        try (CustomerDirectory d = open()) {
            try (OutputStream os = stdout ? new NonClosing(cli().out) : Files.newOutputStream(Path.of(file))) {
                count = ldif ? writeLdif(d, base, os) : writeCsv(d, os);
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
                printer.printRecord(CsvFormat.row(c, attrs, noMemberships ? null : d.groupsOf(c.login())));
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
