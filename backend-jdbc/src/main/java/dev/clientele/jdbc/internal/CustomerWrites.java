package dev.clientele.jdbc.internal;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.Keys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer store's writes of one customer — insert, update (compare-and-set on the version, under a row lock),
 * lock and delete — each refused on a read-only back-end, and the unique-email guard that they and
 * {@link CustomerImport} share: the {@value #EMAIL_STRIPES} stripes of the {@code email_locks} table, locked in
 * ascending order with {@code SELECT ... FOR UPDATE} before an email key is checked and written (see
 * {@link JdbcCustomerStore} for why that makes exactly one of two writers of an email win).
 */
final class CustomerWrites {
    /** Stripes of the unique-email guard (rows 0..255 of the email_locks table, made by the migrations). */
    static final int EMAIL_STRIPES = 256;

    private final Database db;
    private final Mapping m;
    private final CustomerColumns columns;

    CustomerWrites(Database db, CustomerColumns columns) {
        this.db = db;
        this.m = db.mapping();
        this.columns = columns;
    }

    void insert(Customer customer, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        db.checkWritable("create customer '" + customer.login() + "'");
        db.write("create customer '" + customer.login() + "'", c -> {
            String emailKey = Keys.of(customer.email());
            if (uniqueEmail && emailKey != null) {
                lockEmails(c, List.of(emailKey));
                if (emailTaken(c, emailKey, null)) {
                    // the login is checked first, as everywhere: report it if it is taken too
                    boolean login = loginExists(c, customer.login());
                    throw new DuplicateCustomerException(login ? "login" : "email",
                            login ? customer.login() : customer.email());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(columns.insertSql())) {
                columns.bindAll(ps, customer);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new DuplicateCustomerException("login", customer.login());
                }
                throw e;
            }
            return null;
        });
    }

    void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        db.checkWritable("update customer '" + customer.login() + "'");
        String loginKey = Keys.of(customer.login());
        db.write("update customer '" + customer.login() + "'", c -> {
            String emailKey = Keys.of(customer.email());
            if (uniqueEmail && emailKey != null) {
                lockEmails(c, List.of(emailKey));
            }
            long stored;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + m.version() + " FROM " + m.customers()
                    + " WHERE " + m.loginKey() + " = ? FOR UPDATE")) {
                ps.setString(1, loginKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new CustomerNotFoundException(customer.login());
                    }
                    stored = rs.getLong(1);
                }
            }
            if (stored != expectedVersion) {
                throw new ConcurrentUpdateException("customer", customer.login(), expectedVersion, stored);
            }
            if (uniqueEmail && emailKey != null && emailTaken(c, emailKey, loginKey)) {
                throw new DuplicateCustomerException("email", customer.email());
            }
            try (PreparedStatement ps = c.prepareStatement(columns.updateSql())) {
                int i = columns.bindUpdate(ps, customer);
                ps.setString(i++, loginKey);
                ps.setLong(i, expectedVersion);
                if (ps.executeUpdate() != 1) {
                    // cannot happen: the row is locked; says so loudly if a mapping breaks the assumption
                    throw new ConcurrentUpdateException("customer", customer.login(), expectedVersion, -1);
                }
            }
            return null;
        });
    }

    boolean lockExisting(String login) {
        return db.write("lock customer", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + m.loginKey() + " FROM " + m.customers()
                    + " WHERE " + m.loginKey() + " = ? FOR UPDATE")) {
                ps.setString(1, Keys.of(login));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    boolean delete(String login) {
        db.checkWritable("delete customer '" + login + "'");
        if (login == null) {
            return false;
        }
        return db.write("delete customer '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + m.customers() + " WHERE " + m.loginKey()
                    + " = ?")) {
                ps.setString(1, Keys.of(login));
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Locks the guard stripes of these email keys, in ascending order, until the transaction ends. */
    void lockEmails(Connection c, Collection<String> emailKeys) throws SQLException {
        Map.Entry<String, List<Object>> q = lockEmailsQuery(emailKeys);
        try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
            for (int i = 0; i < q.getValue().size(); i++) {
                Jdbc.bind(ps, i + 1, q.getValue().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // locking is the point
                }
            }
        }
    }

    /** The statement of {@link #lockEmails} and its parameters, the stripes in ascending order. */
    Map.Entry<String, List<Object>> lockEmailsQuery(Collection<String> emailKeys) {
        Set<Integer> stripes = new TreeSet<>();
        for (String k : emailKeys) {
            stripes.add(stripe(k));
        }
        String table = m.table("email_locks");
        String sql = stripes.size() == 1
                ? "SELECT stripe FROM " + table + " WHERE stripe = ? FOR UPDATE"
                : "SELECT stripe FROM " + table + " WHERE stripe IN ("
                        + JdbcCustomerStore.placeholders(stripes.size()) + ") ORDER BY stripe FOR UPDATE";
        return Map.entry(sql, List.copyOf(stripes));
    }

    /** The guard stripe of an email key. */
    static int stripe(String emailKey) {
        return Math.floorMod(emailKey.hashCode(), EMAIL_STRIPES);
    }

    /** True if a customer other than {@code exceptLoginKey} has this email key. */
    private boolean emailTaken(Connection c, String emailKey, String exceptLoginKey) throws SQLException {
        String sql = "SELECT 1 FROM " + m.customers() + " WHERE " + m.emailKey() + " = ?"
                + (exceptLoginKey == null ? "" : " AND " + m.loginKey() + " <> ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, emailKey);
            if (exceptLoginKey != null) {
                ps.setString(2, exceptLoginKey);
            }
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean loginExists(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + m.customers() + " WHERE " + m.loginKey()
                + " = ?")) {
            ps.setString(1, Keys.of(login));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
