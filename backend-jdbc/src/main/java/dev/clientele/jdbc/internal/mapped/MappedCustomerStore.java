package dev.clientele.jdbc.internal.mapped;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Customers in a mapped table ({@code customer_user}). Lookups compare {@code LOWER(col)} with the key (or the login
 * exactly, with {@code login-case-sensitive}); on PostgreSQL an expression index {@code (LOWER(login))} serves them
 * (see the README). Versions: see {@link CustomerRows}.
 *
 * <p>Uniqueness: Znuny's {@code UNIQUE (login)} refuses the same login twice. What it does not cover — a login
 * differing only in case, a taken email — is checked inside the write's transaction after locking Znuny's
 * {@code valid} row 1 ({@code SELECT ... FOR UPDATE}, nothing written): Clientele's creates and email changes on one
 * database run one after the other, readers are not blocked.
 */
public final class MappedCustomerStore implements CustomerStore {

    private final Database db;
    private final FieldMap map;
    private final CustomerRows rows;
    private final String table;
    private final String login;

    public MappedCustomerStore(Database db, FieldMap map) {
        this.db = Objects.requireNonNull(db, "db");
        this.map = Objects.requireNonNull(map, "map");
        this.rows = new CustomerRows(map);
        this.table = map.table(FieldMap.Table.CUSTOMERS);
        this.login = map.loginColumn();
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    /** The fields flagged {@code required} in the mapping; the directory enforces them with its other rules. */
    @Override
    public Set<CustomerField> requiredFields() {
        Set<CustomerField> out = EnumSet.noneOf(CustomerField.class);
        map.columns().forEach((f, col) -> {
            if (col.has(FieldMap.Flag.REQUIRED)) {
                out.add(f);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** Timestamps are Znuny's {@code timestamp(0)}: whole seconds, not the directory's milliseconds. */
    @Override
    public boolean keepsTimestamps() {
        return false;
    }

    private List<Customer> query(String what, String where, List<Object> params) {
        return db.read(what, c -> rows.query(c, rows.select() + where, params));
    }

    @Override
    public Optional<Customer> findByLogin(String l) {
        if (l == null) {
            return Optional.empty();
        }
        String key = Rows.key(l, map.caseSensitiveLogin());
        List<Customer> found = db.read("find customer '" + l + "'", c -> rows.query(c, rows.select() + " WHERE "
                + rows.loginMatch(), List.of(key), key));
        return found.stream().findFirst();
    }

    @Override
    public List<Customer> findByEmail(String email) {
        return byKey("find customers by email", CustomerField.EMAIL, email, Integer.MAX_VALUE);
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        return byKey("find customers by customer ID", CustomerField.CUSTOMER_ID, customerId, limit);
    }

    private List<Customer> byKey(String what, CustomerField f, @Nullable String value, int limit) {
        Optional<FieldMap.Column> col = map.column(f);
        if (value == null || limit < 1 || col.isEmpty()) {
            return List.of();
        }
        return query(what, " WHERE LOWER(cu." + col.get().name() + ") = ? ORDER BY LOWER(cu." + login + ") LIMIT ?",
                List.of(Keys.of(value), limit));
    }

    @Override
    public List<Customer> search(CustomerSearch search) {
        MappedSearch q = MappedSearch.of(Objects.requireNonNull(search, "search"), map, rows.select(), login);
        List<Customer> found = db.search("search customers", c -> rows.query(c, q.sql(), q.params(), null, db));
        return q.widened() ? found.stream().filter(search::matches).toList() : found;
    }

    @Override
    public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (afterLoginKey != null) {
            where.add("LOWER(cu." + login + ") > ?");
            params.add(afterLoginKey);
        }
        if (!includeInvalid) {
            where.add("cu.valid_id = 1");
        }
        params.add(size);
        return query("read a page of customers", (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY LOWER(cu." + login + ") LIMIT ?", params);
    }

    @Override
    public long count() {
        return db.read("count customers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Set<String> existingLogins(Collection<String> logins) {
        return existing("look up logins", login, logins);
    }

    @Override
    public Set<String> existingEmails(Collection<String> emails) {
        Optional<FieldMap.Column> email = map.column(CustomerField.EMAIL);
        return email.isEmpty() ? Set.of() : existing("look up emails", email.get().name(), emails);
    }

    private Set<String> existing(String what, String column, Collection<String> values) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(values.stream().filter(Objects::nonNull)
                .map(Keys::of).toList()));
        if (keys.isEmpty()) {
            return Set.of();
        }
        return db.read(what, c -> {
            Set<String> out = new HashSet<>();
            for (int from = 0; from < keys.size(); from += CustomerRows.CHUNK) {
                List<String> chunk = Rows.chunk(keys, from, CustomerRows.CHUNK);
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT LOWER(" + column + ") FROM " + table
                        + " WHERE LOWER(" + column + ") IN (" + Rows.placeholders(chunk.size()) + ")")) {
                    Rows.bindAll(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    // ----- writes --------------------------------------------------------------------------------------------------

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        db.checkWritable("create customer '" + customer.login() + "'");
        db.write("create customer '" + customer.login() + "'", c -> {
            insertRow(c, customer, uniqueEmail);
            return null;
        });
    }

    private void insertRow(Connection c, Customer customer, boolean uniqueEmail) throws SQLException {
        Map<String, @Nullable String> values = rows.values(customer, false);
        lockWriters(c);
        if (storedLogin(c, customer.login()) != null) {
            throw new DuplicateCustomerException("login", customer.login());
        }
        if (uniqueEmail && emailTaken(c, customer.email(), null)) {
            throw new DuplicateCustomerException("email", customer.email());
        }
        Instant created = customer.created() == null ? Instant.now() : customer.created();
        Instant changed = customer.changed() == null ? created : customer.changed();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", values.keySet())
                + ", valid_id, create_time, create_by, change_time, change_by) VALUES ("
                + Rows.placeholders(values.size() + 5) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindValues(ps, values);
            ps.setInt(i++, Rows.validId(customer.validity()));
            Rows.bindTime(ps, i++, created);
            ps.setInt(i++, map.userId());
            Rows.bindTime(ps, i++, changed);
            ps.setInt(i, map.userId());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new DuplicateCustomerException("login", customer.login());
            }
            throw e;
        }
        rows.writeAdditionalIds(c, customer.login(), customer.additionalCustomerIds(), changed);
        rows.writeAttributes(c, customer.login(), customer);
        if (customer.version() > 1 || !Rows.seconds(created).equals(Rows.seconds(changed))) {
            rows.writeVersion(c, customer.login(), Math.max(1, customer.version()), changed);
        }
    }

    private static int bindValues(PreparedStatement ps, Map<String, @Nullable String> values) throws SQLException {
        int i = 1;
        for (String v : values.values()) {
            ps.setString(i++, v);
        }
        return i;
    }

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        db.checkWritable("change customer '" + customer.login() + "'");
        Map<String, @Nullable String> values = rows.values(customer, true);
        db.write("update customer '" + customer.login() + "'", c -> {
            if (uniqueEmail) {
                lockWriters(c);
            }
            String stored;
            long version;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + login + ", create_time, change_time FROM "
                    + table + " cu WHERE " + rows.loginMatch() + " FOR UPDATE")) {
                ps.setString(1, Rows.key(customer.login(), map.caseSensitiveLogin()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new CustomerNotFoundException(customer.login());
                    }
                    stored = rs.getString(1);
                    Instant created = Rows.time(rs, "create_time");
                    Instant changed = Rows.time(rs, "change_time");
                    version = CustomerRows.version(rows.storedVersion(c, stored), created, changed);
                }
            }
            if (version != expectedVersion) {
                throw new ConcurrentUpdateException("customer", customer.login(), expectedVersion, version);
            }
            if (uniqueEmail && emailTaken(c, customer.email(), stored)) {
                throw new DuplicateCustomerException("email", customer.email());
            }
            Instant changed = customer.changed() == null ? Instant.now() : customer.changed();
            String set = String.join(" = ?, ", values.keySet());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set
                    + (values.isEmpty() ? "" : " = ?, ") + "valid_id = ?, change_time = ?, change_by = ? WHERE "
                    + login + " = ?")) {
                int i = bindValues(ps, values);
                ps.setInt(i++, Rows.validId(customer.validity()));
                Rows.bindTime(ps, i++, changed);
                ps.setInt(i++, map.userId());
                ps.setString(i, stored);
                ps.executeUpdate();
            }
            rows.writeAdditionalIds(c, stored, customer.additionalCustomerIds(), changed);
            rows.writeAttributes(c, stored, customer);
            rows.writeVersion(c, stored, customer.version() > 0 ? customer.version() : expectedVersion + 1, changed);
            return null;
        });
    }

    /** Locks the customer's row ({@code SELECT ... FOR UPDATE}) against a concurrent erasure; see the SPI. */
    @Override
    public boolean lockExisting(String l) {
        return db.write("lock customer", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + login + " FROM " + table + " cu WHERE "
                    + rows.loginMatch() + " FOR UPDATE")) {
                ps.setString(1, Rows.key(l, map.caseSensitiveLogin()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean delete(String l) {
        db.checkWritable("delete customer '" + l + "'");
        if (l == null) {
            return false;
        }
        return db.write("delete customer '" + l + "'", c -> {
            String stored = storedLogin(c, l);
            if (stored == null) {
                return false;
            }
            rows.writeAdditionalIds(c, stored, List.of(), Instant.now());
            rows.writeAttributes(c, stored, Customer.builder(stored).build());
            rows.deleteVersion(c, stored);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + login + " = ?")) {
                ps.setString(1, stored);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Each customer in a savepoint of one transaction, so that a duplicate refuses only its row. */
    @Override
    public Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        Objects.requireNonNull(customers, "customers");
        db.checkWritable("import customers");
        if (customers.isEmpty()) {
            return Map.of();
        }
        return db.write("import " + customers.size() + " customers", c -> {
            Map<Integer, DuplicateCustomerException> refused = new LinkedHashMap<>();
            for (int i = 0; i < customers.size(); i++) {
                Customer cu = customers.get(i);
                try {
                    Database.inSavepoint(c, x -> {
                        insertRow(x, cu, uniqueEmail);
                        return null;
                    });
                } catch (DuplicateCustomerException e) {
                    refused.put(i, e);
                }
            }
            return refused;
        });
    }

    // ----- helpers -------------------------------------------------------------------------------------------------

    /** The login as stored for a given one (by key, or exactly when case-sensitive), or null. */
    @Nullable String storedLogin(Connection c, String given) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + login + " FROM " + table + " cu WHERE "
                + rows.loginMatch())) {
            ps.setString(1, Rows.key(given, map.caseSensitiveLogin()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean emailTaken(Connection c, @Nullable String email, @Nullable String exceptStoredLogin)
            throws SQLException {
        Optional<FieldMap.Column> col = map.column(CustomerField.EMAIL);
        if (email == null || col.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE LOWER(" + col.get().name()
                + ") = ?" + (exceptStoredLogin == null ? "" : " AND " + login + " <> ?"))) {
            ps.setString(1, Keys.of(email));
            if (exceptStoredLogin != null) {
                ps.setString(2, exceptStoredLogin);
            }
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Serialises Clientele's creates and email changes: a row lock on Znuny's valid row 1 (nothing written). */
    private void lockWriters(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + map.table(FieldMap.Table.VALID)
                + " WHERE id = 1 FOR UPDATE"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // the lock is the point
            }
        }
    }
}
