package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.GroupGrants;
import dev.clientele.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * The CSV layout of customers: a header row naming the columns, then one customer per row (RFC 4180: fields with
 * commas, quotes or line breaks are quoted, quotes doubled), UTF-8.
 *
 * <p>Columns, in any order: every customer field ({@code login}, {@code email}, {@code customerId}, {@code title},
 * {@code firstName}, {@code lastName}, {@code phone}, {@code fax}, {@code mobile}, {@code street}, {@code zip},
 * {@code city}, {@code country}, {@code comment}; {@code first_name} and {@code first-name} are accepted too),
 * {@code validity} ({@code valid}, {@code invalid}, {@code invalid-temporarily}; empty means valid),
 * {@code additionalCustomerIds} (separated by {@code ;}), {@code groups} (the customer's group links:
 * {@code support:rw;billing:ro}) and {@code attribute.NAME} for an extra attribute. Only {@code login} is required
 * as a column; the directory checks the mandatory fields of each row.
 */
final class CsvFormat {
    static final String VALIDITY = "validity";
    static final String ADDITIONAL = "additionalCustomerIds";
    static final String GROUPS = "groups";
    static final String ATTRIBUTE = "attribute.";
    static final String LIST_SEPARATOR = ";";

    /** How files are read: the header is the first record; blank lines are skipped. */
    static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();
    /** How files are written: RFC 4180 with a header, {@code \n} line ends. */
    static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvFormat() {
    }

    /**
     * The formula guard of an export (OWASP CSV-injection advice): a value that starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return — or with single quotes followed by one of them — gets one
     * more leading single quote, so a spreadsheet shows it as text instead of running it. {@link #unguard(String)}
     * undoes exactly this, so an export imports back as it was.
     */
    static String guard(String value) {
        return needsGuard(value, 0) ? "'" + value : value;
    }

    /** Undoes {@link #guard(String)}: drops one leading single quote before quotes and a formula character. */
    static String unguard(String value) {
        return value != null && value.startsWith("'") && needsGuard(value, 1) ? value.substring(1) : value;
    }

    /** True if the value, from {@code from} on, is single quotes (maybe none) followed by a formula character. */
    private static boolean needsGuard(String value, int from) {
        if (value == null) {
            return false;
        }
        int i = from;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0;
    }

    /** What a header column means. */
    record Column(String name, CustomerField field, String special, String attribute) {
    }

    /** Maps a header; throws a user error naming every unknown or repeated column. */
    static List<Column> columns(List<String> header) {
        List<Column> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String raw : header) {
            String name = raw == null ? "" : raw.strip();
            Column c = column(name);
            if (c == null) {
                problems.add("unknown column '" + name + "'");
            } else {
                String key = c.field() != null ? c.field().key() : c.special() != null ? c.special()
                        : ATTRIBUTE + c.attribute();
                if (seen.put(key, name) != null) {
                    problems.add("column '" + key + "' appears twice");
                }
            }
            out.add(c);
        }
        if (!seen.containsKey(CustomerField.LOGIN.key())) {
            problems.add("the header has no 'login' column");
        }
        if (!problems.isEmpty()) {
            problems.add("known columns: " + String.join(", ", known()) + ", attribute.NAME");
            throw new CliException(Exit.USER_ERROR, "the CSV header is not usable (nothing was imported):",
                    problems);
        }
        return out;
    }

    private static Column column(String name) {
        if (name.regionMatches(true, 0, ATTRIBUTE, 0, ATTRIBUTE.length()) && name.length() > ATTRIBUTE.length()) {
            return new Column(name, null, null, name.substring(ATTRIBUTE.length()));
        }
        String flat = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        if (flat.equals(VALIDITY.toLowerCase(Locale.ROOT))) {
            return new Column(name, null, VALIDITY, null);
        }
        if (flat.equals(ADDITIONAL.toLowerCase(Locale.ROOT))) {
            return new Column(name, null, ADDITIONAL, null);
        }
        if (flat.equals(GROUPS)) {
            return new Column(name, null, GROUPS, null);
        }
        try {
            return new Column(name, CustomerField.parse(name), null, null);
        } catch (dev.clientele.ValidationException e) {
            return null;
        }
    }

    static List<String> known() {
        List<String> k = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            k.add(f.key());
        }
        k.add(VALIDITY);
        k.add(ADDITIONAL);
        k.add(GROUPS);
        return k;
    }

    /** The header of an export. */
    static List<String> header(List<String> attributeNames, boolean withGroups) {
        List<String> h = known();
        if (!withGroups) {
            h.remove(GROUPS);
        }
        attributeNames.forEach(a -> h.add(ATTRIBUTE + a));
        return h;
    }

    /** One exported row, in the order of {@link #header(List, boolean)}. */
    static List<String> row(Customer c, List<String> attributeNames, Map<String, Permission> groups) {
        List<String> r = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            r.add(f.get(c));
        }
        r.add(c.validity().key());
        r.add(String.join(LIST_SEPARATOR, c.additionalCustomerIds()));
        if (groups != null) {
            List<String> g = new ArrayList<>();
            Views.permissions(groups).forEach((name, p) -> g.add(name + ":" + p));
            r.add(String.join(LIST_SEPARATOR, g));
        }
        attributeNames.forEach(a -> r.add(c.attributes().get(a)));
        return r;
    }

    /** Parses {@code support:rw;billing:ro} with {@link GroupGrants#parse(String)} (no permission means rw). */
    static Map<String, Permission> parseGroups(String text) {
        try {
            return GroupGrants.parse(text);
        } catch (GroupGrants.BadEntryException e) {
            throw new IllegalArgumentException("groups: " + e.reason() + " in '" + e.entry()
                    + "' (write group:ro;group:rw)", e);
        }
    }
}
