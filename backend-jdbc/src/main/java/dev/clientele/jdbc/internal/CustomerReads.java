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
    private volatile @Nullable HeadBound headBound;

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
        if (seed.isEmpty()) {
            return db.search("search customers", c -> rows(c, q.getKey(), q.getValue(), true));
        }
        return db.search("search customers", c -> search.terms().size() == 1
                ? searchOneTerm(c, search, seed.get(), q)
                : searchByCandidates(c, search, seed.get(), q, null, search.fetchLimit()));
    }

    /**
     * {@link IndexedSearch}'s plan for one term: the one statement over the head of the table (the first
     * {@link IndexedSearch#window} rows in login order, up to {@link #headBound}); a term that fills the limit there
     * (a common one) costs what the one statement costs. Otherwise the rest, after the head: walked on as before
     * when the head held at least a quarter of the limit (a dense term: the walk ends soon), else read by the seed's
     * candidates (a rare term: index seeks, where the walk would read the whole table).
     */
    private List<Customer> searchOneTerm(Connection c, CustomerSearch search, SearchTerm seed,
            Map.Entry<String, List<Object>> plain) throws SQLException {
        int limit = search.fetchLimit();
        Optional<String> bound = headBound(c, IndexedSearch.window(limit));
        if (bound.isEmpty()) {
            return rows(c, plain.getKey(), plain.getValue(), true);
        }
        Map.Entry<String, List<Object>> hq = searchQuery(search, Restriction.upTo(bound.get()), limit);
        List<Customer> head = rows(c, hq.getKey(), hq.getValue(), true);
        if (head.size() >= limit) {
            return head;
        }
        int left = limit - head.size();
        Map.Entry<String, List<Object>> walk = searchQuery(search, Restriction.after(bound.get()), left);
        List<Customer> rest = head.size() * 4 >= limit ? rows(c, walk.getKey(), walk.getValue(), true)
                : searchByCandidates(c, search, seed, walk, bound.get(), left);
        if (head.isEmpty()) {
            return rest;
        }
        List<Customer> out = new ArrayList<>(head);
        out.addAll(rest);
        return Collections.unmodifiableList(out);
    }

    /**
     * The login key at position {@code window} in login order — the last key of the head of the table — or empty
     * when the table holds no more rows than that. Kept for a minute ({@link IndexedSearch#BOUND_TTL_NANOS}): it only
     * splits a search in two, so a stale bound changes what a search costs, never what it finds.
     */
    private Optional<String> headBound(Connection c, int window) throws SQLException {
        HeadBound b = headBound;
        long now = System.nanoTime();
        if (b != null && b.window() == window && now - b.at() < IndexedSearch.BOUND_TTL_NANOS) {
            return b.key();
        }
        Map.Entry<String, List<Object>> q = headBoundQuery(window);
        Optional<String> key;
        try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
            db.searchTimeout(ps);
            Jdbc.bind(ps, 1, q.getValue().get(0));
            try (ResultSet rs = ps.executeQuery()) {
                key = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
        headBound = new HeadBound(window, key, now);
        return key;
    }

    /** The statement of {@link #headBound}: a walk of {@code window} entries of the primary key's index. */
    Map.Entry<String, List<Object>> headBoundQuery(int window) {
        return Map.entry("SELECT " + m.loginKey() + " FROM " + m.customers() + " ORDER BY " + m.loginKey()
                + " OFFSET ? ROWS FETCH NEXT 1 ROW ONLY", List.of(window - 1));
    }

    /** The statement of a one-term search over the head of the table, up to {@code bound} (for the EXPLAIN tests). */
    Map.Entry<String, List<Object>> headQuery(CustomerSearch search, String bound) {
        return searchQuery(search, Restriction.upTo(bound), search.fetchLimit());
    }

    private record HeadBound(int window, Optional<String> key, long at) {
    }

    /**
     * {@link IndexedSearch}'s plan: the seed term's candidates by index seeks, then their rows in chunks; only the
     * candidates after {@code after}, if given, and at most {@code limit} rows; {@code fallback} (the one statement
     * over the same rows) when there are too many candidates.
     */
    private List<Customer> searchByCandidates(Connection c, CustomerSearch search, SearchTerm seed,
            Map.Entry<String, List<Object>> fallback, @Nullable String after, int limit) throws SQLException {
        Set<String> found = new HashSet<>();
        for (Map.Entry<String, List<Object>> cq : candidatesQueries(search, seed)) {
            try (PreparedStatement ps = c.prepareStatement(cq.getKey())) {
                db.searchTimeout(ps);
                for (int i = 0; i < cq.getValue().size(); i++) {
                    Jdbc.bind(ps, i + 1, cq.getValue().get(i));
                }
                int read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        String k = rs.getString(1);
                        if (after == null || k.compareTo(after) > 0) {
                            found.add(k);
                        }
                    }
                }
                // a statement at its limit may have left some out: too many either way
                if (read > IndexedSearch.MAX_CANDIDATES) {
                    return rows(c, fallback.getKey(), fallback.getValue(), true);
                }
            }
            if (found.size() > IndexedSearch.MAX_CANDIDATES) {
                return rows(c, fallback.getKey(), fallback.getValue(), true);
            }
        }
        List<String> keys = new ArrayList<>(found);
        Collections.sort(keys);
        List<Customer> out = new ArrayList<>();
        for (int from = 0; from < keys.size() && out.size() < limit; from += IndexedSearch.CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IndexedSearch.CHUNK));
            Map.Entry<String, List<Object>> q = searchQuery(search, Restriction.among(chunk), limit - out.size());
            out.addAll(rows(c, q.getKey(), q.getValue(), true));
        }
        return Collections.unmodifiableList(out);
    }

    /** The first statements of {@link IndexedSearch}'s plan, one per searched column. */
    List<Map.Entry<String, List<Object>>> candidatesQueries(CustomerSearch search, SearchTerm seed) {
        return IndexedSearch.candidatesQueries(m, search, seed, ESCAPE);
    }

    /** The SQL and parameters of a search: one statement. */
    Map.Entry<String, List<Object>> searchQuery(CustomerSearch search) {
        return searchQuery(search, null, search.fetchLimit());
    }

    /** Which rows of the table a search's statement is restricted to: some keys, or a range of the primary key. */
    private record Restriction(String condition, List<String> params) {
        static Restriction among(List<String> keys) {
            return new Restriction(" IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")", keys);
        }

        static Restriction upTo(String key) {
            return new Restriction(" <= ?", List.of(key));
        }

        static Restriction after(String key) {
            return new Restriction(" > ?", List.of(key));
        }
    }

    /** A search's statement, restricted to some rows if given, at most {@code limit} rows. */
    private Map.Entry<String, List<Object>> searchQuery(CustomerSearch search, @Nullable Restriction restriction,
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
        if (restriction != null) {
            where.add(m.loginKey() + restriction.condition());
            params.addAll(restriction.params());
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
        for (int from = 0; from < keys.size(); from += JdbcCustomerStore.CHUNK) {
            Map.Entry<String, List<Object>> q = existingKeysQuery(keyColumn,
                    keys.subList(from, Math.min(keys.size(), from + JdbcCustomerStore.CHUNK)));
            try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
                for (int i = 0; i < q.getValue().size(); i++) {
                    Jdbc.bind(ps, i + 1, q.getValue().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** The statement of {@link #existingKeys} for one chunk of keys and its parameters. */
    Map.Entry<String, List<Object>> existingKeysQuery(String keyColumn, List<String> chunk) {
        boolean array = db.dialect().arrayParameters();
        String sql = "SELECT DISTINCT " + keyColumn + " FROM " + m.customers() + " WHERE " + keyColumn
                + (array ? " = ANY(?)" : " IN (" + JdbcCustomerStore.placeholders(chunk.size()) + ")");
        return Map.entry(sql, array ? List.of((Object) chunk.toArray(new String[0])) : List.copyOf(chunk));
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
