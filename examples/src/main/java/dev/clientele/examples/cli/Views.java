package dev.clientele.examples.cli;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Group;
import dev.clientele.LoginStatus;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How customers, companies and groups are shown: as maps (for JSON) and as text. */
final class Views {
    private Views() {
    }

    static PermissionContext parseContext(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return PermissionContext.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context must be own or other-customer-ids, not '" + text + "'", e);
        }
    }

    static Map<String, Object> customer(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (CustomerField f : CustomerField.values()) {
            m.put(f.key(), f.get(c));
        }
        m.put("validity", c.validity().key());
        m.put("additionalCustomerIds", new ArrayList<>(c.additionalCustomerIds()));
        m.put("attributes", c.attributes());
        m.put("created", c.created() == null ? null : c.created().toString());
        m.put("changed", c.changed() == null ? null : c.changed().toString());
        m.put("version", c.version());
        return m;
    }

    static Map<String, Object> company(Company c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", c.customerId());
        m.put("name", c.name());
        m.put("street", c.street());
        m.put("zip", c.zip());
        m.put("city", c.city());
        m.put("country", c.country());
        m.put("url", c.url());
        m.put("comment", c.comment());
        m.put("validity", c.validity().key());
        return m;
    }

    static Map<String, Object> group(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("comment", g.comment());
        m.put("validity", g.validity().key());
        return m;
    }

    /** Last login, failed logins and the lock of a customer; absent values as null (JSON) and left out (text). */
    static Map<String, Object> loginStatus(LoginStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastLogin", s.lastLogin().map(Object::toString).orElse(null));
        m.put("failedLogins", s.failedLogins());
        m.put("lockedUntil", s.lockedUntil().map(Object::toString).orElse(null));
        m.put("locked", s.locked());
        return m;
    }

    /** Group (or subject) to {@code ro}/{@code rw}, sorted. */
    static Map<String, String> permissions(Map<String, Permission> links) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        links.forEach((k, p) -> m.put(k, p.key()));
        return m;
    }

    /** {@code support:rw, billing:ro}, or {@code (none)}. */
    static String linkList(Map<String, Permission> links) {
        if (links.isEmpty()) {
            return "(none)";
        }
        List<String> out = new ArrayList<>();
        permissions(links).forEach((k, p) -> out.add(k + ":" + p));
        return String.join(", ", out);
    }

    /** Prints {@code key: value} lines, keys aligned; null values are left out. */
    static void printFields(PrintStream out, Map<String, ?> fields) {
        int w = 0;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (present(e.getValue())) {
                w = Math.max(w, e.getKey().length());
            }
        }
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (present(e.getValue())) {
                out.println(e.getKey() + ":" + " ".repeat(w - e.getKey().length() + 1) + text(e.getValue()));
            }
        }
    }

    private static boolean present(Object v) {
        return v != null && !(v instanceof java.util.Collection<?> && ((java.util.Collection<?>) v).isEmpty())
                && !(v instanceof Map<?, ?> && ((Map<?, ?>) v).isEmpty());
    }

    private static String text(Object v) {
        if (v instanceof java.util.Collection<?>) {
            List<String> s = new ArrayList<>();
            ((java.util.Collection<?>) v).forEach(x -> s.add(String.valueOf(x)));
            return String.join(", ", s);
        }
        if (v instanceof Map<?, ?>) {
            List<String> s = new ArrayList<>();
            ((Map<?, ?>) v).forEach((k, x) -> s.add(k + "=" + x));
            return String.join(", ", s);
        }
        return String.valueOf(v);
    }
}
