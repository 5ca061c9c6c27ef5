package dev.clientele.jdbc.internal.mapped;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerValidationException;
import dev.clientele.jdbc.internal.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a customer in the mapped tables: its {@code customer_user} row (the mapped columns, {@code valid_id},
 * the four {@code create_*}/{@code change_*} columns), its additional customer IDs in {@code customer_user_customer},
 * and its version.
 *
 * <p>Versions, without a version column: Clientele keeps a counter in the preference {@value #VERSION_KEY} as
 * {@code "N T"}, T being the {@code change_time} (epoch seconds) it wrote with version N. A row whose
 * {@code change_time} is no longer T was changed by someone else (Znuny) since: its version is N + 1. A row without
 * the preference has version 1 while {@code change_time} equals {@code create_time}, else 2. So an update based on a
 * read from before a Znuny edit is refused as stale; two Znuny edits between one read and write look like one (the
 * write is still refused when the read came before the first).
 *
 * <p>Attributes: those with a column of their own ({@code mapping.attribute.NAME}) live there; the others are
 * preferences {@code ClienteleAttribute:NAME} (at most 250 characters, as Znuny's preference values), which Znuny
 * shows nowhere.
 */
final class CustomerRows {
    /** The preference holding Clientele's version counter. */
    static final String VERSION_KEY = "ClienteleVersion";
    /** The prefix of the preferences holding attributes without a column. */
    static final String ATTRIBUTE = "ClienteleAttribute:";
    static final int CHUNK = 500;
    /** The longest key of Znuny's {@code preferences_key VARCHAR(150)}. */
    static final int MAX_KEY = 150;

    private final FieldMap map;
    private final String table;
    private final String ids;
    private final String prefs;
    private final List<CustomerField> fields;
    private final String select;

    CustomerRows(FieldMap map) {
        this.map = map;
        this.table = map.table(FieldMap.Table.CUSTOMERS);
        this.ids = map.table(FieldMap.Table.CUSTOMER_IDS);
        this.prefs = map.table(FieldMap.Table.PREFERENCES);
        this.fields = new ArrayList<>(map.columns().keySet());
        List<String> cols = new ArrayList<>();
        for (CustomerField f : fields) {
            cols.add("cu." + map.columns().get(f).name());
        }
        map.attributeColumns().values().forEach(c -> cols.add("cu." + c));
        this.select = "SELECT " + String.join(", ", cols) + ", cu.valid_id, cu.create_time, cu.change_time,"
                + " v.preferences_value AS clientele_version FROM " + table + " cu LEFT JOIN " + prefs
                + " v ON v.user_id = cu." + map.loginColumn() + " AND v.preferences_key = '" + VERSION_KEY + "'";
    }

    /** {@code SELECT ... FROM customer_user cu LEFT JOIN (version)}: add a WHERE on {@code cu.} columns. */
    String select() {
        return select;
    }

    String loginMatch() {
        return Rows.match("cu." + map.loginColumn(), map.caseSensitiveLogin());
    }

    /** Reads the customers of a query, with their additional customer IDs (one more query per 500). */
    List<Customer> query(Connection c, String sql, List<Object> params) throws SQLException {
        return query(c, sql, params, null);
    }

    /**
     * Like {@link #query(Connection, String, List)}; when nothing is found and {@code probe} is given, the reads of a
     * found customer's additional IDs and attributes still run, for that login (they find nothing): a login lookup
     * costs the same statements whether the login exists or not, so that its time does not tell (issue 9's
     * timing rule: an unknown login costs what a wrong password does).
     */
    List<Customer> query(Connection c, String sql, List<Object> params, @Nullable String probe) throws SQLException {
        return query(c, sql, params, probe, null);
    }

    /** Like {@link #query(Connection, String, List, String)}, a search of {@code search}: with its timeout. */
    List<Customer> query(Connection c, String sql, List<Object> params, @Nullable String probe,
            @Nullable Database search) throws SQLException {
        List<Customer.Builder> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (search != null) {
                search.searchTimeout(ps);
            }
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Integer) {
                    ps.setInt(i + 1, (Integer) p);
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        List<String> logins = rows.stream().map(b -> b.build().login()).toList();
        if (logins.isEmpty() && probe != null) {
            additionalIds(c, List.of(probe));
            attributes(c, List.of(probe));
            return List.of();
        }
        Map<String, Set<String>> additional = additionalIds(c, logins);
        Map<String, Map<String, String>> attributes = attributes(c, logins);
        List<Customer> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            attributes.getOrDefault(logins.get(i), Map.of()).forEach(rows.get(i)::attribute);
            out.add(rows.get(i).additionalCustomerIds(additional.getOrDefault(logins.get(i), Set.of())).build());
        }
        return List.copyOf(out);
    }

    private Customer.Builder read(ResultSet rs) throws SQLException {
        Customer.Builder b = Customer.builder(rs.getString(map.loginColumn()));
        for (CustomerField f : fields) {
            if (f != CustomerField.LOGIN) {
                b.set(f, rs.getString(map.columns().get(f).name()));
            }
        }
        map.attributeColumns().forEach((a, col) -> {
            try {
                b.attribute(a, rs.getString(col));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Instant created = Rows.time(rs, "create_time");
        Instant changed = Rows.time(rs, "change_time");
        return b.validity(Rows.validity(rs.getInt("valid_id"))).created(created).changed(changed)
                .version(version(rs.getString("clientele_version"), created, changed));
    }

    /** The version of a row: see the class comment. */
    static long version(@Nullable String stored, @Nullable Instant created, @Nullable Instant changed) {
        long changedSec = changed == null ? 0 : changed.getEpochSecond();
        if (stored == null) {
            return Objects.equals(created, changed) ? 1 : 2;
        }
        String[] parts = stored.strip().split(" ");
        try {
            long n = Long.parseLong(parts[0]);
            long at = parts.length > 1 ? Long.parseLong(parts[1]) : -1;
            return at == changedSec ? n : n + 1;
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** The additional customer IDs of these stored logins, in the order Znuny lists them (by customer ID). */
    Map<String, Set<String>> additionalIds(Connection c, List<String> logins) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(logins));
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = Rows.chunk(distinct, from, CHUNK);
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, customer_id FROM " + ids
                    + " WHERE user_id IN (" + Rows.placeholders(chunk.size()) + ") ORDER BY user_id, customer_id")) {
                Rows.bindAll(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** The attributes kept as preferences of these stored logins. */
    private Map<String, Map<String, String>> attributes(Connection c, List<String> logins) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(logins));
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = Rows.chunk(distinct, from, CHUNK);
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, preferences_key, preferences_value FROM "
                    + prefs + " WHERE user_id IN (" + Rows.placeholders(chunk.size()) + ") AND preferences_key LIKE '"
                    + ATTRIBUTE + "%'")) {
                Rows.bindAll(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .put(rs.getString(2).substring(ATTRIBUTE.length()), rs.getString(3));
                    }
                }
            }
        }
        return out;
    }

    /** Replaces the attributes kept as preferences of a stored login with those of the customer without a column. */
    void writeAttributes(Connection c, String storedLogin, Customer customer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefs + " WHERE user_id = ? AND"
                + " preferences_key LIKE '" + ATTRIBUTE + "%'")) {
            ps.setString(1, storedLogin);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefs
                + " (user_id, preferences_key, preferences_value) VALUES (?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<String, String> a : customer.attributes().entrySet()) {
                if (!map.attributeColumns().containsKey(a.getKey()) && a.getValue() != null) {
                    ps.setString(1, storedLogin);
                    ps.setString(2, ATTRIBUTE + a.getKey());
                    ps.setString(3, a.getValue());
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The values written for a customer: column name to value, in a stable order (login first). */
    Map<String, @Nullable String> values(Customer customer, boolean update) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, @Nullable String> out = new LinkedHashMap<>();
        for (CustomerField f : fields) {
            FieldMap.Column col = map.columns().get(f);
            String v = f.get(customer);
            if (!(update && (col.has(FieldMap.Flag.READ_ONLY) || f == CustomerField.LOGIN))) {
                out.put(col.name(), v);
            }
        }
        customer.attributes().forEach((a, v) -> {
            if (map.attributeColumns().containsKey(a)) {
                return;
            }
            if (ATTRIBUTE.length() + a.length() > MAX_KEY) {
                problems.put("attributes." + a, "is too long a name to keep without a column (at most "
                        + (MAX_KEY - ATTRIBUTE.length()) + " characters; or map it: mapping.attribute." + a + ")");
            } else if (v != null && v.length() > MappedStateStore.MAX_VALUE) {
                problems.put("attributes." + a, "must be at most " + MappedStateStore.MAX_VALUE + " characters"
                        + " without a column of its own (mapping.attribute." + a + ")");
            }
        });
        map.attributeColumns().forEach((a, col) -> out.put(col, customer.attributes().get(a)));
        if (!problems.isEmpty()) {
            throw new CustomerValidationException(problems);
        }
        return out;
    }

    /** Replaces the additional customer IDs of a stored login. */
    void writeAdditionalIds(Connection c, String storedLogin, Collection<String> customerIds, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ids + " WHERE user_id = ?")) {
            ps.setString(1, storedLogin);
            ps.executeUpdate();
        }
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ids + " (user_id, customer_id, create_time,"
                + " create_by, change_time, change_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String id : customerIds) {
                ps.setString(1, storedLogin);
                ps.setString(2, id);
                Rows.bindTime(ps, 3, now);
                ps.setInt(4, map.userId());
                Rows.bindTime(ps, 5, now);
                ps.setInt(6, map.userId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stores version {@code n} as written with {@code changed}. */
    void writeVersion(Connection c, String storedLogin, long n, Instant changed) throws SQLException {
        deleteVersion(c, storedLogin);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefs
                + " (user_id, preferences_key, preferences_value) VALUES (?, ?, ?)")) {
            ps.setString(1, storedLogin);
            ps.setString(2, VERSION_KEY);
            ps.setString(3, n + " " + Rows.seconds(changed).getEpochSecond());
            ps.executeUpdate();
        }
    }

    void deleteVersion(Connection c, String storedLogin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefs + " WHERE user_id = ? AND"
                + " preferences_key = ?")) {
            ps.setString(1, storedLogin);
            ps.setString(2, VERSION_KEY);
            ps.executeUpdate();
        }
    }

    /** The stored version preference of a login, or null. */
    @Nullable String storedVersion(Connection c, String storedLogin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT preferences_value FROM " + prefs
                + " WHERE user_id = ? AND preferences_key = ?")) {
            ps.setString(1, storedLogin);
            ps.setString(2, VERSION_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
