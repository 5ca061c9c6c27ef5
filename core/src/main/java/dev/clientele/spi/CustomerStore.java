package dev.clientele.spi;

import dev.clientele.Customer;
import java.util.List;
import java.util.Optional;

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
     * if the new email is taken and {@code uniqueEmail}.
     */
    void update(Customer customer, long expectedVersion, boolean uniqueEmail);

    /** Removes the customer for good; false if there was none. */
    boolean delete(String login);
}
