package dev.clientele.jdbc.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Validity;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The customer store's reads: a customer by login, customers by email or customer ID, a search (one statement, or on
 * H2 {@link IndexedSearch}'s plan), a keyset page, the count, and which of some logins or emails are stored. Each
 * builds its statement over the columns of {@link CustomerColumns}, runs it through {@link Database#read} (a search
 * through {@link Database#search}: bounded, with the search timeout) and reads each row with
 * {@link CustomerColumns#read}.
 */
final class CustomerReads {
    private static final char ESCAPE = '\\';

    private final Database db;
    private final Mapping m;
    private final String selectColumns;
    private final String byLoginSql;

    CustomerReads(Database db, CustomerColumns columns) {
        this.db = db;
        this.m = db.mapping();
        this.selectColumns = columns.selectColumns();
        this.byLoginSql = "SELECT " + selectColumns + " FROM " + m.customers() + " WHERE " + m.loginKey() + " = ?";
    }

    Optional<Customer> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        Map.Entry<String, List<Object>> q = findByLoginQuery(login);
        List<Customer> found = query("find customer '" + login + "'", q.getKey(), q.getValue());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The statement of {@link #findByLogin} and its parameter. */
    Map.Entry<String, List<Object>> findByLoginQuery(String login) {
        return Map.entry(byLoginSql, List.of(Keys.of(login)));
    }

    List<Customer> findByEmail(String email) {
        if (email == null) {
            return List.of();
        }
        String sql = "SELECT " + selectColumns + " FROM " + m.customers() + " WHERE " + m.emailKey() + " = ? ORDER BY "
                + m.loginKey();
        return query("find customers by email", sql, List.of(Keys.of(email)));
    }

    List<Customer> findByCustomerId(String customerId, int limit) {
        if (customerId == null || limit < 1) {
            return List.of();
        }
        String sql = "SELECT " + selectColumns + " FROM " + m.customers() + " WHERE " + m.customerIdKey()
                + " = ? ORDER BY " + m.loginKey() + " LIMIT ?";
        return query("find customers by customer ID", sql, List.of(Keys.of(customerId), limit));
    }

    List<Customer> search(CustomerSearch search) {
        Objects.requireNonNull(search, "search");
        Map.Entry<String, List<Object>> q = searchQuery(search);
        Optional<SearchTerm> seed = db.dialect() == Dialect.H2 ? IndexedSearch.seed(search) : Optional.empty();
        return db.search("search customers", c -> seed.isPresent() ? searchByCandidates(c, search, seed.get(), q)
                : rows(c, q.getKey(), q.getValue(), true));
    }

    /** {@link IndexedSearch}'s plan: the seed term's candidates by index seeks, then their rows in chunks. */
    private List<Customer> searchByCandidates(Connection c, CustomerSearch search, SearchTerm seed,
            Map.Entry<String, List<Object>> plain) throws SQLException {
        Map.Entry<String, List<Object>> cq = candidatesQuery(search, seed);
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(cq.getKey())) {
            db.searchTimeout(ps);
            for (int i = 0; i < cq.getValue().size(); i++) {
                Jdbc.bind(ps, i + 1, cq.getValue().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        if (keys.size() > IndexedSearch.MAX_CANDIDATES) {
            return rows(c, plain.getKey(), plain.getValue(), true);
        }
        List<Customer> out = new ArrayList<>();
        for (int from = 0; from < keys.size() && out.size() < search.fetchLimit(); from += IndexedSearch.CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IndexedSearch.CHUNK));
            Map.Entry<String, List<Object>> q = searchQuery(search, chunk, search.fetchLimit() - out.size());
            out.addAll(rows(c, q.getKey(), q.getValue(), true));
        }
        return Collections.unmodifiableList(out);
    }

    /** The first statement of {@link IndexedSearch}'s plan. */
    Map.Entry<String, List<Object>> candidatesQuery(CustomerSearch search, SearchTerm seed) {
        return IndexedSearch.candidatesQuery(m, search, seed, ESCAPE);
    }

    /** The SQL and parameters of a search: one statement. */
    Map.Entry<String, List<Object>> searchQuery(CustomerSearch search) {
        return searchQuery(search, null, search.fetchLimit());
    }

    /** A search's statement, restricted to these login keys if given, at most {@code limit} rows. */
    private Map.Entry<String, List<Object>> searchQuery(CustomerSearch search, @Nullable List<String> keys,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(selectColumns).append(" FROM ").append(m.customers());
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (search.validOnly()) {
            where.add(m.validity() + " = ?");
            params.add(Validity.VALID.name());
        }
        List<CustomerField> fields = new ArrayList<>(new TreeSet<>(search.fields()));
        for (SearchTerm term : search.terms()) {
            String pattern = term.toLikePattern(ESCAPE);
            List<String> any = new ArrayList<>();
            for (CustomerField f : fields) {
                any.add(m.searchColumn(f) + " LIKE ? ESCAPE '" + ESCAPE + "'");
                params.add(pattern);
            }
            where.add(any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")");
        }
        if (keys != null) {
            where.add(m.loginKey() + " IN (" + String.join(", ", Collections.nCopies(keys.size(), "?"))
                    + ")");
            params.addAll(keys);
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(m.loginKey()).append(" LIMIT ?");
        params.add(limit);
        return Map.entry(sql.toString(), params);
    }

    List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        Map.Entry<String, List<Object>> q = pageQuery(afterLoginKey, size, includeInvalid);
        return query("read a page of customers", q.getKey(), q.getValue());
    }

    /**
     * The SQL and parameters of a page: a keyset range of the primary key, {@code WHERE login_key > ? ORDER BY
     * login_key LIMIT ?}, no offset.
     */
    Map.Entry<String, List<Object>> pageQuery(String afterLoginKey, int size, boolean includeInvalid) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (afterLoginKey != null) {
            where.add(m.loginKey() + " > ?");
            params.add(afterLoginKey);
        }
        if (!includeInvalid) {
            where.add(m.validity() + " = ?");
            params.add(Validity.VALID.name());
        }
        params.add(size);
        String sql = "SELECT " + selectColumns + " FROM " + m.customers()
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + m.loginKey() + " LIMIT ?";
        return Map.entry(sql, params);
    }

    long count() {
        return db.read("count customers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + m.customers());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Set<String> existingLogins(Collection<String> logins) {
        return existing("look up logins", m.loginKey(), logins);
    }

    Set<String> existingEmails(Collection<String> emails) {
        return existing("look up emails", m.emailKey(), emails);
    }

    private Set<String> existing(String what, String keyColumn, Collection<String> values) {
        List<String> keys = keys(values);
        if (keys.isEmpty()) {
            return Set.of();
        }
        return db.read(what, c -> existingKeys(c, keyColumn, keys));
    }

    private static List<String> keys(Collection<String> values) {
        Set<String> keys = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null) {
                keys.add(Keys.of(v));
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * Which of these keys the column holds: one query per {@value JdbcCustomerStore#CHUNK} keys. On PostgreSQL the
     * keys are one array parameter ({@code = ANY(?)}: planned once, served by the key's index; 500 separate parameters
     * cost far more); on H2 an {@code IN (?, ...)} list, which H2 serves from the index (it does not for an array).
     */
    Set<String> existingKeys(Connection c, String keyColumn, List<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        boolean array = db.dialect().arrayParameters();
        for (int from = 0; from < keys.size(); from += JdbcCustomerStore.CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + JdbcCustomerStore.CHUNK));
            String sql = "SELECT DISTINCT " + keyColumn + " FROM " + m.customers() + " WHERE " + keyColumn
                    + (array ? " = ANY(?)" : " IN (" + JdbcCustomerStore.placeholders(chunk.size()) + ")");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                java.sql.Array values = array ? c.createArrayOf("varchar", chunk.toArray()) : null;
                try {
                    if (array) {
                        ps.setArray(1, values);
                    } else {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 1, chunk.get(i));
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                } finally {
                    if (values != null) {
                        values.free();
                    }
                }
            }
        }
        return out;
    }

    private List<Customer> query(String what, String sql, List<Object> params) {
        return db.read(what, c -> rows(c, sql, params, false));
    }

    /** The customers a statement selects; a search's statement gets the search timeout. */
    private List<Customer> rows(Connection c, String sql, List<Object> params, boolean search) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (search) {
                db.searchTimeout(ps);
            }
            for (int i = 0; i < params.size(); i++) {
                Jdbc.bind(ps, i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Customer> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(CustomerColumns.read(rs));
                }
                return Collections.unmodifiableList(out);
            }
        }
    }
}
