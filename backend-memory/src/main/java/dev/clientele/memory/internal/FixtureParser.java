package dev.clientele.memory.internal;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Group;
import dev.clientele.GroupGrants;
import dev.clientele.Membership;
import dev.clientele.Validity;
import dev.clientele.spi.Keys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a fixture file (format: see {@code dev.clientele.memory.Fixtures}) into model objects, collecting every
 * problem with its line number instead of stopping at the first. Touches no directory.
 */
public final class FixtureParser {

    /** A problem found: line number (1-based; 0 when not tied to a line), the key concerned or null, a message. */
    public record Problem(int line, String key, String message) {
    }

    /**
     * One parsed block.
     *
     * @param line     line of its header
     * @param value    the group, company or customer
     * @param keyLines line of each key given (canonical key names: CustomerField keys, {@code attribute.x}, ...)
     */
    public record Entry<T>(int line, T value, Map<String, Integer> keyLines) {
        public Entry {
            keyLines = Collections.unmodifiableMap(new HashMap<>(keyLines));
        }

        /** The line of a key if the block gave it, else the header's. */
        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    /** A customer block: the customer and its password, if one was given (never printed). */
    public record CustomerEntry(Entry<Customer> entry, String password) {
        @Override
        public String toString() {
            return "CustomerEntry[" + entry.value() + (password == null ? "" : ", password=****") + "]";
        }
    }

    /** A link to a group, from a {@code groups:} line. */
    public record Link(int line, Membership membership) {
    }

    /** A whole fixture, in file order per kind. */
    public record Fixture(List<Entry<Group>> groups, List<Entry<Company>> companies, List<CustomerEntry> customers,
            List<Link> links) {
        public Fixture {
            groups = List.copyOf(groups);
            companies = List.copyOf(companies);
            customers = List.copyOf(customers);
            links = List.copyOf(links);
        }
    }

    /** The outcome: the fixture, meaningful only when {@code problems} is empty. */
    public record Result(Fixture fixture, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private static final Set<String> GROUP_KEYS = Set.of("comment", "validity");
    private static final Set<String> COMPANY_KEYS = Set.of("name", "street", "zip", "city", "country", "url",
            "comment", "validity", "groups");
    private static final String CUSTOMER_KEYS_TEXT;

    static {
        List<String> keys = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            if (f != CustomerField.LOGIN) {
                keys.add(f.key());
            }
        }
        keys.addAll(List.of("validity", "additionalCustomerIds", "password", "groups", "attribute.<name>"));
        CUSTOMER_KEYS_TEXT = String.join(", ", keys);
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<Entry<Group>> groups = new ArrayList<>();
    private final List<Entry<Company>> companies = new ArrayList<>();
    private final List<CustomerEntry> customers = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Integer> seenBlocks = new HashMap<>();

    private FixtureParser() {
    }

    /** Parses the whole text. Does not close the reader. */
    public static Result parse(Reader reader) throws IOException {
        FixtureParser p = new FixtureParser();
        p.run(new BufferedReader(reader));
        return new Result(new Fixture(p.groups, p.companies, p.customers, p.links), p.problems);
    }

    // ----- lines to blocks ---------------------------------------------------------------------------------------

    private static final class Block {
        final int line;
        final String kind;
        final String id;
        final boolean broken;
        final Map<String, Line> values = new LinkedHashMap<>();

        Block(int line, String kind, String id, boolean broken) {
            this.line = line;
            this.kind = kind;
            this.id = id;
            this.broken = broken;
        }
    }

    private record Line(int number, String key, String value) {
    }

    private void run(BufferedReader in) throws IOException {
        Block block = null;
        int number = 0;
        String raw;
        while ((raw = in.readLine()) != null) {
            number++;
            if (number == 1 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String line = raw.strip();
            if (line.isEmpty()) {
                if (block != null) {
                    finish(block);
                    block = null;
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (block == null) {
                block = header(number, line);
                continue;
            }
            keyValue(block, number, line);
        }
        if (block != null) {
            finish(block);
        }
    }

    private Block header(int number, String line) {
        String[] parts = line.split("\\s+", 2);
        String kind = parts[0].toLowerCase(Locale.ROOT);
        String id = parts.length > 1 ? parts[1].strip() : "";
        if (!kind.equals("group") && !kind.equals("company") && !kind.equals("customer")) {
            String hint = line.contains(":") ? " (a 'key: value' line must follow a block header; is a blank line"
                    + " or the header missing?)" : "";
            problem(number, null, "expected a block header 'group <name>', 'company <customerId>' or"
                    + " 'customer <login>', found '" + line + "'" + hint);
            return new Block(number, kind, id, true);
        }
        if (id.isEmpty()) {
            problem(number, null, "'" + kind + "' needs its " + idName(kind) + " on the same line");
            return new Block(number, kind, id, true);
        }
        Integer first = seenBlocks.putIfAbsent(kind + "\u0000" + Keys.of(id), number);
        if (first != null) {
            problem(number, null, kind + " '" + id + "' is defined twice (first at line " + first + ")");
            return new Block(number, kind, id, true);
        }
        return new Block(number, kind, id, false);
    }

    private static String idName(String kind) {
        switch (kind) {
            case "group": return "name";
            case "company": return "customer ID";
            default: return "login";
        }
    }

    private void keyValue(Block block, int number, String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            problem(number, null, "expected 'key: value', found '" + line + "'");
            return;
        }
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (key.isEmpty()) {
            problem(number, null, "a key is missing before ':'");
            return;
        }
        if (block.broken) {
            return;
        }
        String canonical = canonicalKey(block.kind, key);
        if (canonical == null) {
            problem(number, key, "is not a key of a " + block.kind + " block; keys are: " + keysOf(block.kind));
            return;
        }
        Line previous = block.values.putIfAbsent(canonical, new Line(number, key, value));
        if (previous != null) {
            problem(number, key, "is given twice in " + block.kind + " '" + block.id + "' (first at line "
                    + previous.number + ")");
        }
    }

    private static String keysOf(String kind) {
        switch (kind) {
            case "group": return String.join(", ", new TreeSet<>(GROUP_KEYS));
            case "company": return "name, street, zip, city, country, url, comment, validity, groups";
            default: return CUSTOMER_KEYS_TEXT;
        }
    }

    /** The canonical name of a key of this kind of block, or null if it is not one. */
    private static String canonicalKey(String kind, String key) {
        switch (kind) {
            case "group":
                return GROUP_KEYS.contains(key) ? key : null;
            case "company":
                return COMPANY_KEYS.contains(key) ? key : null;
            default:
                if (key.startsWith("attribute.")) {
                    return key.length() > "attribute.".length() ? key : null;
                }
                switch (key) {
                    case "validity": case "additionalCustomerIds": case "password": case "groups":
                        return key;
                    default:
                        break;
                }
                try {
                    CustomerField f = CustomerField.parse(key);
                    return f == CustomerField.LOGIN ? null : f.key();
                } catch (dev.clientele.ValidationException e) {
                    return null;
                }
        }
    }

    // ----- blocks to model -----------------------------------------------------------------------------------------

    private void finish(Block block) {
        if (block.broken) {
            return;
        }
        Map<String, Integer> keyLines = new HashMap<>();
        block.values.forEach((k, l) -> keyLines.put(k, l.number));
        try {
            switch (block.kind) {
                case "group":
                    finishGroup(block, keyLines);
                    break;
                case "company":
                    finishCompany(block, keyLines);
                    break;
                default:
                    finishCustomer(block, keyLines);
                    break;
            }
        } catch (RuntimeException e) {
            // a model constructor refused a value: report it at the header
            problem(block.line, null, block.kind + " '" + block.id + "': " + e.getMessage());
        }
    }

    private void finishGroup(Block b, Map<String, Integer> keyLines) {
        Validity validity = validity(b);
        groups.add(new Entry<>(b.line, new Group(b.id, text(b, "comment"), validity), keyLines));
    }

    private void finishCompany(Block b, Map<String, Integer> keyLines) {
        Company company = Company.builder(b.id).name(text(b, "name")).street(text(b, "street")).zip(text(b, "zip"))
                .city(text(b, "city")).country(text(b, "country")).url(text(b, "url")).comment(text(b, "comment"))
                .validity(validity(b)).build();
        companies.add(new Entry<>(b.line, company, keyLines));
        links(b, Membership.Kind.COMPANY);
    }

    private void finishCustomer(Block b, Map<String, Integer> keyLines) {
        Customer.Builder c = Customer.builder(b.id).validity(validity(b));
        String password = null;
        for (Map.Entry<String, Line> e : b.values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().value;
            if (key.startsWith("attribute.")) {
                c.attribute(key.substring("attribute.".length()), value);
            } else if (key.equals("additionalCustomerIds")) {
                c.additionalCustomerIds(Arrays.asList(value.split(",")));
            } else if (key.equals("password")) {
                password = value.isEmpty() ? null : value;
            } else if (!key.equals("validity") && !key.equals("groups")) {
                c.set(CustomerField.parse(key), value);
            }
        }
        customers.add(new CustomerEntry(new Entry<>(b.line, c.build(), keyLines), password));
        links(b, Membership.Kind.CUSTOMER);
    }

    private static String text(Block b, String key) {
        Line l = b.values.get(key);
        return l == null || l.value.isEmpty() ? null : l.value;
    }

    private Validity validity(Block b) {
        Line l = b.values.get("validity");
        if (l == null || l.value.isEmpty()) {
            return Validity.VALID;
        }
        try {
            return Validity.parse(l.value);
        } catch (dev.clientele.ValidationException e) {
            problem(l.number, l.key, e.getMessage());
            return Validity.VALID;
        }
    }

    private void links(Block b, Membership.Kind kind) {
        Line l = b.values.get("groups");
        if (l == null) {
            return;
        }
        GroupGrants.parse(l.value, true, bad -> problem(l.number, l.key, bad.getMessage())).forEach((group, permission) ->
                links.add(new Link(l.number, kind == Membership.Kind.CUSTOMER
                        ? Membership.customer(b.id, group, permission)
                        : Membership.company(b.id, group, permission))));
    }

    private void problem(int line, String key, String message) {
        problems.add(new Problem(line, key, message));
    }
}
