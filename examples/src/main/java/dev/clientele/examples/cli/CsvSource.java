package dev.clientele.examples.cli;

import dev.clientele.Validity;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Permission;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Customers from a CSV file ({@link CsvFormat}), read one record at a time. */
final class CsvSource extends ImportSource {
    private final StrictReader bytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<CsvFormat.Column> columns;
    private final boolean withLinks;
    private boolean formulaGuard = true;
    private long lineBefore;

    CsvSource(InputStream in, Charset charset, boolean withLinks) throws IOException {
        this.bytes = new StrictReader(in, charset);
        BufferedReader reader = new BufferedReader(bytes);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {   // a byte order mark, as spreadsheets write
            reader.reset();
        }
        try {
            this.parser = CsvFormat.READ.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            StrictReader.Undecodable u = StrictReader.Undecodable.in(e);
            if (u != null) {
                throw u.refusal();
            }
            throw new CliException(Exit.USER_ERROR, "the CSV header cannot be read (nothing was imported): "
                    + e.getMessage(), List.of());
        }
        this.columns = CsvFormat.columns(parser.getHeaderNames());
        this.records = parser.iterator();
        this.withLinks = withLinks;
        this.lineBefore = parser.getCurrentLineNumber();
    }

    /**
     * Whether cells are read as written by an export with the formula guard on (the default): one leading single
     * quote before single quotes and {@code = + - @}, tab or carriage return is dropped ({@link CsvFormat#unguard}).
     * Off: every cell is taken as it is.
     */
    CsvSource formulaGuard(boolean on) {
        this.formulaGuard = on;
        return this;
    }

    private String cell(CSVRecord rec, int i) {
        String v = rec.get(i);
        return formulaGuard ? CsvFormat.unguard(v) : v;
    }

    @Override
    protected Customer readNext() {
        while (true) {
            CSVRecord rec;
            long startLine = lineBefore + 1;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                rec = records.next();
            } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
                StrictReader.Undecodable u = StrictReader.Undecodable.in(e);
                if (u != null) {
                    throw u.refusal();
                }
                stoppedBecause = "line " + startLine + " or after: the CSV cannot be read from here on ("
                        + rootMessage(e) + ")";
                failed.add(new Problem("line " + startLine, null, "unreadable CSV: " + rootMessage(e)
                        + "; reading stopped here"));
                return null;
            }
            lineBefore = parser.getCurrentLineNumber();
            counted();
            Customer c = convert(rec, (int) startLine);
            if (c != null) {
                return c;
            }
        }
    }

    private Customer convert(CSVRecord rec, int line) {
        String where = "line " + line;
        if (rec.size() != columns.size()) {
            failed.add(new Problem(where, null, "has " + rec.size() + " field(s), the header has " + columns.size()));
            return null;
        }
        String login = null;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field() == CustomerField.LOGIN) {
                login = cell(rec, i).strip();
            }
        }
        if (login == null || login.isEmpty()) {
            failed.add(new Problem(where, null, "login: is required"));
            return null;
        }
        Customer.Builder b = Customer.builder(login);
        Map<String, Permission> groups = null;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            CsvFormat.Column col = columns.get(i);
            String v = cell(rec, i);
            try {
                if (col.field() != null) {
                    b.set(col.field(), v);
                } else if (col.attribute() != null) {
                    b.attribute(col.attribute(), v);
                } else if (CsvFormat.VALIDITY.equals(col.special())) {
                    if (!v.isBlank()) {
                        b.validity(Validity.parse(v));
                    }
                } else if (CsvFormat.ADDITIONAL.equals(col.special())) {
                    b.additionalCustomerIds(List.of(v.split(CsvFormat.LIST_SEPARATOR)));
                } else if (CsvFormat.GROUPS.equals(col.special())) {
                    groups = CsvFormat.parseGroups(v);
                }
            } catch (IllegalArgumentException | dev.clientele.ValidationException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            failed.add(new Problem(where, login, String.join("; ", problems)));
            return null;
        }
        if (withLinks && groups != null && !groups.isEmpty()) {
            links.add(new Links(rowsYielded(), login, groups));
        }
        yielded(line);
        return b.build();
    }

    @Override
    protected String where(int position) {
        return "line " + position;
    }

    @Override
    protected long bytesRead() {
        return bytes.bytesRead();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
