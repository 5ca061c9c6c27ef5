package dev.clientele.jdbc.internal;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.Validity;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Customers in one table (see {@link Mapping}). Keys: the login key is the primary key; email and customer-ID keys
 * have plain indexes.
 *
 * <p>Unique emails: the SPI asks per call whether an email must be unique, so the database cannot hold a unique
 * constraint on the email key. A write that must keep emails unique first locks a guard row — one of 256 stripes in
 * the {@code email_locks} table, chosen by the hash of the email key — with {@code SELECT ... FOR UPDATE}, then
 * checks the email key, then writes, all in one transaction (READ COMMITTED). Two writers of one email therefore run
 * one after the other and the second sees the first's committed row: exactly one wins. Logins need no such guard:
 * the primary key refuses the second, and its unique violation becomes {@link DuplicateCustomerException}.
 *
 * <p>Search is one statement: per term, {@code (col1 LIKE ? ESCAPE '\' OR col2 LIKE ? ...)} over the search columns
 * of the searched fields (values lower-cased by Java, as {@link SearchTerm} lower-cases), AND-ed, ordered by login
 * key, limited to the fetch limit.
 *
 * <p>Paging through every customer is keyset paging on the primary key ({@link #page(String, int, boolean)}): each
 * page is a range seek after the last key of the one before, so a walk over a million rows reads each once.
 */
public final class JdbcCustomerStore implements CustomerStore {
    /** Stripes of the unique-email guard (rows 0..255 of the email_locks table, made by the migrations). */
    static final int EMAIL_STRIPES = 256;
    /** Most values in one {@code IN (...)} list, and customers in one insert batch. */
    static final int CHUNK = 500;
    private static final char ESCAPE = '\\';

    /** One column the store writes, with how its value is taken from a customer. */
    private record Column(String name, Function<Customer, Object> value) {
    }

    private final Database db;
    private final Mapping m;
    private final List<Column> columns;
    private final String selectColumns;
    private final String byLoginSql;
    private final String insertSql;
    private final String updateSql;
    /** Imports by COPY on PostgreSQL ({@code null} elsewhere). */
    private final @Nullable PgCopy copy;

    public JdbcCustomerStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.m = db.mapping();
        List<Column> cols = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            cols.add(new Column(m.valueColumn(f), f::get));
        }
        for (CustomerField f : CustomerField.values()) {
            boolean key = f == CustomerField.LOGIN || f == CustomerField.EMAIL || f == CustomerField.CUSTOMER_ID;
            cols.add(new Column(m.searchColumn(f), c -> key ? Keys.of(f.get(c)) : SearchTerm.fold(f.get(c))));
        }
        cols.add(new Column(m.validity(), c -> c.validity().name()));
        cols.add(new Column(m.additionalCustomerIds(), c -> Json.array(c.additionalCustomerIds())));
        cols.add(new Column(m.attributes(), c -> Json.object(c.attributes())));
        cols.add(new Column(m.created(), c -> c.created() == null ? Jdbc.NULL_TIMESTAMP : c.created()));
        cols.add(new Column(m.changed(), c -> c.changed() == null ? Jdbc.NULL_TIMESTAMP : c.changed()));
        cols.add(new Column(m.version(), c -> c.version()));
        this.columns = List.copyOf(cols);

        List<String> read = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            read.add(m.valueColumn(f));
        }
        read.addAll(List.of(m.validity(), m.additionalCustomerIds(), m.attributes(), m.created(), m.changed(),
                m.version()));
        this.selectColumns = String.join(", ", read);
        this.byLoginSql = "SELECT " + selectColumns + " FROM " + m.customers() + " WHERE " + m.loginKey() + " = ?";
        this.insertSql = "INSERT INTO " + m.customers() + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.updateSql = "UPDATE " + m.customers() + " SET "
                + columns.stream().filter(c -> !c.name().equals(m.loginKey())).map(c -> c.name() + " = ?")
                        .collect(Collectors.joining(", "))
                + " WHERE " + m.loginKey() + " = ? AND " + m.version() + " = ?";
        this.copy = db.dialect() == Dialect.POSTGRESQL
                ? new PgCopy(m.customers(), columns.stream().map(Column::name).toList()) : null;
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    @Override
    public boolean versioned() {
        return true;
    }

    // ----- reads ---------------------------------------------------------------------------------------------------

    @Override
    public Optional<Customer> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        Map.Entry<String, List<Object>> q = findByLoginQuery(login);
        List<Customer> found = query("find customer '" + login + "'", q.getKey(), q.getValue());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The statement of {@link #findByLogin} and its parameter (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> findByLoginQuery(String login) {
        return Map.entry(byLoginSql, List.of(Keys.of(login)));
    }

    @Override
    public List<Customer> findByEmail(String email) {
        if (email == null) {
            return List.of();
        }
        String sql = "SELECT " + selectColumns + " FROM " + m.customers() + " WHERE " + m.emailKey() + " = ? ORDER BY "
                + m.loginKey();
        return query("find customers by email", sql, List.of(Keys.of(email)));
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        if (customerId == null || limit < 1) {
            return List.of();
        }
        String sql = "SELECT " + selectColumns + " FROM " + m.customers() + " WHERE " + m.customerIdKey()
                + " = ? ORDER BY " + m.loginKey() + " LIMIT ?";
        return query("find customers by customer ID", sql, List.of(Keys.of(customerId), limit));
    }

    @Override
    public List<Customer> search(CustomerSearch search) {
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

    /** The first statement of {@link IndexedSearch}'s plan (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> candidatesQuery(CustomerSearch search, SearchTerm seed) {
        return IndexedSearch.candidatesQuery(m, search, seed, ESCAPE);
    }

    /** The SQL and parameters of a search: one statement (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> searchQuery(CustomerSearch search) {
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

    @Override
    public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        Map.Entry<String, List<Object>> q = pageQuery(afterLoginKey, size, includeInvalid);
        return query("read a page of customers", q.getKey(), q.getValue());
    }

    /**
     * The SQL and parameters of a page: a keyset range of the primary key, {@code WHERE login_key > ? ORDER BY
     * login_key LIMIT ?}, no offset (public for the EXPLAIN tests).
     */
    public Map.Entry<String, List<Object>> pageQuery(String afterLoginKey, int size, boolean includeInvalid) {
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

    @Override
    public long count() {
        return db.read("count customers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + m.customers());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Set<String> existingLogins(Collection<String> logins) {
        return existing("look up logins", m.loginKey(), logins);
    }

    @Override
    public Set<String> existingEmails(Collection<String> emails) {
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
     * Which of these keys the column holds: one query per {@value #CHUNK} keys. On PostgreSQL the keys are one array
     * parameter ({@code = ANY(?)}: planned once, served by the key's index; 500 separate parameters cost far more);
     * on H2 an {@code IN (?, ...)} list, which H2 serves from the index (it does not for an array).
     */
    private Set<String> existingKeys(Connection c, String keyColumn, List<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        boolean array = db.dialect().arrayParameters();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            String sql = "SELECT DISTINCT " + keyColumn + " FROM " + m.customers() + " WHERE " + keyColumn
                    + (array ? " = ANY(?)" : " IN (" + placeholders(chunk.size()) + ")");
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

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
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
                    out.add(read(rs));
                }
                return Collections.unmodifiableList(out);
            }
        }
    }

    /**
     * The customer in a row of {@link #selectColumns}, read by position (a lookup of each column by name costs more
     * than the rest of the row on H2): the fields in {@link CustomerField} order, then validity, additional customer
     * IDs, attributes, created, changed, version.
     */
    private Customer read(ResultSet rs) throws SQLException {
        CustomerField[] fields = FIELDS;
        int n = fields.length;
        Customer.Builder b = Customer.builder(rs.getString(LOGIN_COLUMN));
        for (int i = 0; i < n; i++) {
            if (fields[i] != CustomerField.LOGIN) {
                b.set(fields[i], rs.getString(i + 1));
            }
        }
        return b.validity(Jdbc.validity(rs.getString(n + 1)))
                .additionalCustomerIds(Json.parseArray(rs.getString(n + 2)))
                .attributes(Json.parseObject(rs.getString(n + 3)))
                .created(Jdbc.instant(rs, n + 4))
                .changed(Jdbc.instant(rs, n + 5))
                .version(rs.getLong(n + 6))
                .build();
    }

    private static final CustomerField[] FIELDS = CustomerField.values();
    private static final int LOGIN_COLUMN = CustomerField.LOGIN.ordinal() + 1;

    // ----- writes --------------------------------------------------------------------------------------------------

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
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
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                bindAll(ps, customer);
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

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
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
            try (PreparedStatement ps = c.prepareStatement(updateSql)) {
                int i = 1;
                for (Column col : columns) {
                    if (!col.name().equals(m.loginKey())) {
                        Jdbc.bind(ps, i++, col.value().apply(customer));
                    }
                }
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

    @Override
    public boolean lockExisting(String login) {
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

    @Override
    public boolean delete(String login) {
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

    /**
     * Inserts in chunks of {@value #CHUNK}, in the current transaction (or one of its own): each chunk is one
     * {@code COPY} on PostgreSQL ({@link PgCopy}; a JDBC batch for a chunk with a value COPY cannot carry, or where the
     * connection is not pgjdbc's), a JDBC batch elsewhere. With unique emails, the stripes of every email of the call
     * are locked first, in stripe order and in one statement (so two imports cannot deadlock), and each chunk's emails
     * already stored are refused up front. A chunk that still hits a unique login is undone to a savepoint and its
     * rows are inserted one by one, each in a savepoint of its own, so that a duplicate refuses only its row.
     */
    @Override
    public Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        Objects.requireNonNull(customers, "customers");
        db.checkWritable("import customers");
        if (customers.isEmpty()) {
            return Map.of();
        }
        return db.write("import " + customers.size() + " customers", c -> {
            Map<Integer, DuplicateCustomerException> refused = new LinkedHashMap<>();
            Set<String> emailsSeen = new HashSet<>();
            if (uniqueEmail) {
                List<String> keys = new ArrayList<>();
                for (Customer cu : customers) {
                    String k = Keys.of(cu.email());
                    if (k != null) {
                        keys.add(k);
                    }
                }
                if (!keys.isEmpty()) {
                    lockEmails(c, keys);
                }
            }
            for (int from = 0; from < customers.size(); from += CHUNK) {
                List<Integer> todo = new ArrayList<>();
                for (int i = from; i < Math.min(customers.size(), from + CHUNK); i++) {
                    todo.add(i);
                }
                if (uniqueEmail) {
                    todo = refuseTakenEmails(c, customers, todo, emailsSeen, refused);
                }
                insertChunk(c, customers, todo, refused);
            }
            return refused;
        });
    }

    private List<Integer> refuseTakenEmails(Connection c, List<Customer> customers, List<Integer> todo,
            Set<String> emailsSeen, Map<Integer, DuplicateCustomerException> refused) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (int i : todo) {
            String k = Keys.of(customers.get(i).email());
            if (k != null) {
                keys.add(k);
            }
        }
        if (keys.isEmpty()) {
            return todo;
        }
        Set<String> taken = existingKeys(c, m.emailKey(), new ArrayList<>(new LinkedHashSet<>(keys)));
        List<Integer> left = new ArrayList<>();
        for (int i : todo) {
            Customer cu = customers.get(i);
            String k = Keys.of(cu.email());
            if (k != null && (taken.contains(k) || !emailsSeen.add(k))) {
                refused.put(i, new DuplicateCustomerException("email", cu.email()));
            } else {
                left.add(i);
            }
        }
        return left;
    }

    private void insertChunk(Connection c, List<Customer> customers, List<Integer> todo,
            Map<Integer, DuplicateCustomerException> refused) throws SQLException {
        if (todo.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insertSql)) {
            try {
                Database.inSavepoint(c, x -> {
                    PgCopy.Encoded rows = copy == null || !PgCopy.available(x) ? null : encode(customers, todo);
                    if (rows != null) {
                        return copy.copy(x, rows);
                    }
                    for (int i : todo) {
                        bindAll(ps, customers.get(i));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
                return;
            } catch (SQLException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                ps.clearBatch();
            }
            for (int i : todo) {
                Customer cu = customers.get(i);
                try {
                    Database.inSavepoint(c, x -> {
                        bindAll(ps, cu);
                        return ps.executeUpdate();
                    });
                } catch (SQLException e) {
                    if (!Database.isUniqueViolation(e)) {
                        throw e;
                    }
                    refused.put(i, new DuplicateCustomerException("login", cu.login()));
                }
            }
        }
    }

    /** The chunk's rows for {@link PgCopy}, or {@code null} if one of them must go by insert. */
    private PgCopy.@Nullable Encoded encode(List<Customer> customers, List<Integer> todo) {
        PgCopy.Encoder out = new PgCopy.Encoder();
        Object[] values = new Object[columns.size()];
        for (int i : todo) {
            Customer cu = customers.get(i);
            for (int k = 0; k < values.length; k++) {
                values[k] = columns.get(k).value().apply(cu);
            }
            if (!out.row(values)) {
                return null;
            }
        }
        return out.encoded();
    }

    private void bindAll(PreparedStatement ps, Customer customer) throws SQLException {
        int i = 1;
        for (Column col : columns) {
            Jdbc.bind(ps, i++, col.value().apply(customer));
        }
    }

    // ----- unique emails -------------------------------------------------------------------------------------------

    /** Locks the guard stripes of these email keys, in ascending order, until the transaction ends. */
    private void lockEmails(Connection c, Collection<String> emailKeys) throws SQLException {
        Set<Integer> stripes = new TreeSet<>();
        for (String k : emailKeys) {
            stripes.add(stripe(k));
        }
        String table = m.table("email_locks");
        String sql = stripes.size() == 1
                ? "SELECT stripe FROM " + table + " WHERE stripe = ? FOR UPDATE"
                : "SELECT stripe FROM " + table + " WHERE stripe IN (" + placeholders(stripes.size())
                        + ") ORDER BY stripe FOR UPDATE";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int s : stripes) {
                ps.setInt(i++, s);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // locking is the point
                }
            }
        }
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
