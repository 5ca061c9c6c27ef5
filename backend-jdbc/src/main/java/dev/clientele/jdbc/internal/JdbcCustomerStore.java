package dev.clientele.jdbc.internal;

import dev.clientele.Customer;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.SearchTerm;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 *
 * <p>This class is the {@link CustomerStore} of the back-end and shows the statements of its reads to the EXPLAIN
 * tests (the {@code *Query} methods); the reads are {@link CustomerReads}', the writes of one customer and the
 * email guard {@link CustomerWrites}', the bulk insert {@link CustomerImport}'s, and the columns of a row and how a
 * row becomes a customer {@link CustomerColumns}'.
 */
public final class JdbcCustomerStore implements CustomerStore {
    /** Most values in one {@code IN (...)} list, and customers in one insert batch. */
    static final int CHUNK = 500;

    private final Database db;
    private final CustomerColumns columns;
    private final CustomerReads reads;
    private final CustomerWrites writes;
    private final CustomerImport imports;

    public JdbcCustomerStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        CustomerColumns columns = new CustomerColumns(db.mapping());
        this.columns = columns;
        this.reads = new CustomerReads(db, columns);
        this.writes = new CustomerWrites(db, columns);
        this.imports = new CustomerImport(db, columns, reads, writes);
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
        return reads.findByLogin(login);
    }

    /** The statement of {@link #findByLogin} and its parameter (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> findByLoginQuery(String login) {
        return reads.findByLoginQuery(login);
    }

    @Override
    public List<Customer> findByEmail(String email) {
        return reads.findByEmail(email);
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        return reads.findByCustomerId(customerId, limit);
    }

    @Override
    public List<Customer> search(CustomerSearch search) {
        return reads.search(search);
    }

    /** The first statements of {@link IndexedSearch}'s plan, one per searched column (public for the EXPLAIN tests). */
    public List<Map.Entry<String, List<Object>>> candidatesQueries(CustomerSearch search, SearchTerm seed) {
        return reads.candidatesQueries(search, seed);
    }

    /** The statement of the bound of the head a one-term search walks first (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> headBoundQuery(int window) {
        return reads.headBoundQuery(window);
    }

    /** A one-term search's statement over the head, up to {@code bound} (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> headQuery(CustomerSearch search, String bound) {
        return reads.headQuery(search, bound);
    }

    /** The SQL and parameters of a search: one statement (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> searchQuery(CustomerSearch search) {
        return reads.searchQuery(search);
    }

    @Override
    public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        return reads.page(afterLoginKey, size, includeInvalid);
    }

    /**
     * The SQL and parameters of a page: a keyset range of the primary key, {@code WHERE login_key > ? ORDER BY
     * login_key LIMIT ?}, no offset (public for the EXPLAIN tests).
     */
    public Map.Entry<String, List<Object>> pageQuery(String afterLoginKey, int size, boolean includeInvalid) {
        return reads.pageQuery(afterLoginKey, size, includeInvalid);
    }

    @Override
    public long count() {
        return reads.count();
    }

    @Override
    public Set<String> existingLogins(Collection<String> logins) {
        return reads.existingLogins(logins);
    }

    @Override
    public Set<String> existingEmails(Collection<String> emails) {
        return reads.existingEmails(emails);
    }

    /** {@code n} comma-separated parameter markers, for an {@code IN (...)} list. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    // ----- writes --------------------------------------------------------------------------------------------------

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
        writes.insert(customer, uniqueEmail);
    }

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        writes.update(customer, expectedVersion, uniqueEmail);
    }

    @Override
    public boolean lockExisting(String login) {
        return writes.lockExisting(login);
    }

    @Override
    public boolean delete(String login) {
        return writes.delete(login);
    }

    /** In chunks of {@value #CHUNK}, by {@code COPY} on PostgreSQL: see {@link CustomerImport}. */
    @Override
    public Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        return imports.insertAll(customers, uniqueEmail);
    }

    /**
     * The statement that asks which of up to {@value #CHUNK} login keys (or email keys) are stored, as
     * {@link #existingLogins}, {@link #existingEmails} and an import's check of its emails run it (public for the
     * EXPLAIN tests).
     */
    public Map.Entry<String, List<Object>> existingKeysQuery(boolean emails, List<String> keys) {
        return reads.existingKeysQuery(emails ? db.mapping().emailKey() : db.mapping().loginKey(), keys);
    }

    /** The statement that locks the unique-email guard's stripes of these email keys (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> lockEmailsQuery(Collection<String> emailKeys) {
        return writes.lockEmailsQuery(emailKeys);
    }

    /** The insert of one customer's row, as an import's batch and a create run it (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> insertQuery(Customer customer) {
        Object[] values = new Object[columns.size()];
        columns.values(customer, values);
        return Map.entry(columns.insertSql(), Arrays.asList(values));
    }
}
