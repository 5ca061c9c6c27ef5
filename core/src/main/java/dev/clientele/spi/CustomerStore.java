package dev.clientele.spi;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.DuplicateCustomerException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customer records of one back-end. Lookups by login and email are by {@link Keys} (case-insensitive).
 * The directory applies validation, uniqueness across sources, versions and timestamps before calling a write.
 */
public interface CustomerStore {

    /** True if this store cannot be written; the write methods then throw {@link dev.clientele.ReadOnlyBackendException}. */
    boolean readOnly();

    /** True if the store keeps {@link Customer#version()} and rejects stale updates. */
    default boolean versioned() {
        return true;
    }

    /**
     * True if the store keeps {@link Customer#created()} and {@link Customer#changed()} as the directory sets them;
     * false if it has its own (an LDAP server's {@code createTimestamp}) or none.
     */
    default boolean keepsTimestamps() {
        return true;
    }

    /**
     * Fields this store cannot keep a customer without, beyond those every customer needs (login, email, customer
     * ID, first and last name): for example the columns a mapped table declares {@code NOT NULL}. The directory
     * refuses a customer that lacks one, together with every other bad field, before it calls a write. None by
     * default.
     */
    default Set<CustomerField> requiredFields() {
        return Set.of();
    }

    /** The customer whose login has this key, if any. */
    Optional<Customer> findByLogin(String login);

    /** Customers whose email has this key (normally one), ordered by login key. */
    List<Customer> findByEmail(String email);

    /** Customers whose primary customer ID has this key, ordered by login key, at most {@code limit}. */
    List<Customer> findByCustomerId(String customerId, int limit);

    /**
     * Customers matching the search ({@link CustomerSearch#matches(Customer)} says exactly which), ordered by
     * {@code Keys.of(login)}, at most {@link CustomerSearch#fetchLimit()} of them.
     */
    List<Customer> search(CustomerSearch search);

    /**
     * One page of the walk over every stored customer (keyset paging, no offset): the customers whose
     * {@code Keys.of(login)} is greater than {@code afterLoginKey} — every customer when it is {@code null} — in
     * {@code Keys.of(login)} order ({@link String#compareTo}), at most {@code size}; only {@link dev.clientele.Validity#VALID}
     * ones unless {@code includeInvalid}. A page shorter than {@code size} is the last. A database answers it from
     * the login key's index ({@code WHERE login_key > ? ORDER BY login_key LIMIT ?}); a store that cannot order
     * (a directory without the server-side sort control) may read everything for each page, keeping only
     * {@code size} customers, and then offers a cheaper {@link #scan(int, boolean)}.
     *
     * @param afterLoginKey a {@link Keys#of(String) login key}, or {@code null} for the first page
     * @param size          the most customers returned, at least 1
     */
    List<Customer> page(String afterLoginKey, int size, boolean includeInvalid);

    /**
     * Every stored customer (only VALID ones unless {@code includeInvalid}), read a page at a time: the cursor holds
     * one page, never all customers. A customer present during the whole walk is returned once. The order is
     * {@code Keys.of(login)} when {@link #scansInLoginOrder()}, else the store's own. The default walks
     * {@link #page(String, int, boolean)} by key ({@link CustomerCursor#keyset}); a store that can only read
     * everything for a page overrides it with one pass in its own order.
     *
     * @param pageSize how many customers to read at a time (a store may use its own page size instead)
     */
    default CustomerCursor scan(int pageSize, boolean includeInvalid) {
        return CustomerCursor.keyset(this, pageSize, includeInvalid);
    }

    /**
     * True if {@link #scan(int, boolean)} returns customers in {@code Keys.of(login)} order, as the default does.
     * The memory and JDBC stores do; the LDAP store walks in directory order and says false.
     */
    default boolean scansInLoginOrder() {
        return true;
    }

    /** Number of customers stored (for ops and tests; may be costly). */
    long count();

    /**
     * Stores a new customer as given (version and timestamps set by the directory). Atomic: of two concurrent
     * inserts of one login key — or one email key when {@code uniqueEmail} — exactly one succeeds, the other
     * throws {@link dev.clientele.DuplicateCustomerException} naming the field.
     */
    void insert(Customer customer, boolean uniqueEmail);

    /**
     * Replaces the stored customer with the same login key, if its stored version is {@code expectedVersion}
     * (compare-and-set); else throws {@link dev.clientele.ConcurrentUpdateException}. Throws
     * {@link dev.clientele.CustomerNotFoundException} if there is none, {@link dev.clientele.DuplicateCustomerException}
     * if the new email is taken and {@code uniqueEmail}. Checked in that order: existence, version, email.
     */
    void update(Customer customer, long expectedVersion, boolean uniqueEmail);

    /**
     * Called inside {@link CustomerBackend#atomically}: true if a customer with this login key is stored, and then
     * no concurrent {@link #delete} of it takes effect before the enclosing {@code atomically} call returns (a
     * database locks the row, {@code SELECT ... FOR UPDATE}). The directory checks this way that a customer still
     * exists when it writes its password, links or state, and an erasure takes the same lock first, so a write for a
     * customer being erased either happens before the erasure (which then removes it) or fails. The default only
     * looks the customer up: atomic where {@code atomically} itself serialises the back-end's writes.
     */
    default boolean lockExisting(String login) {
        return findByLogin(login).isPresent();
    }

    /** Removes the customer for good; false if there was none. */
    boolean delete(String login);

    /**
     * The {@link Keys} of those of these logins that are stored. For bulk work; a store should answer it in one
     * round trip per few hundred logins. The default asks {@link #findByLogin(String)} for each.
     */
    default Set<String> existingLogins(Collection<String> logins) {
        Set<String> out = new HashSet<>();
        for (String l : logins) {
            if (findByLogin(l).isPresent()) {
                out.add(Keys.of(l));
            }
        }
        return out;
    }

    /** The {@link Keys} of those of these emails that some stored customer has. Default: {@link #findByEmail(String)} each. */
    default Set<String> existingEmails(Collection<String> emails) {
        Set<String> out = new HashSet<>();
        for (String e : emails) {
            if (!findByEmail(e).isEmpty()) {
                out.add(Keys.of(e));
            }
        }
        return out;
    }

    /**
     * Inserts many new customers (a chunk of an import, already validated and stamped by the directory, without
     * duplicates among themselves). Each is stored or refused on its own: the result maps the index of every refused
     * customer to why (a login or email taken meanwhile); an empty map means all were stored. With
     * {@code uniqueEmail} a store must refuse here a customer whose email it already holds: the directory's import
     * does not read this store's emails before it (only its logins). A database store should batch them. The default
     * calls {@link #insert(Customer, boolean)} for each, which refuses both.
     */
    default Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        Map<Integer, DuplicateCustomerException> refused = new LinkedHashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            try {
                insert(customers.get(i), uniqueEmail);
            } catch (DuplicateCustomerException e) {
                refused.put(i, e);
            }
        }
        return refused;
    }
}
