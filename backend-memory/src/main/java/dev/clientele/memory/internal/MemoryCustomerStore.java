package dev.clientele.memory.internal;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * Customers in memory. One {@link ReentrantReadWriteLock} guards the rows and every index, so that a reader
 * always sees them consistent: reads share the read lock, writes take the write lock.
 *
 * <p>Held compactly, for a million customers in well under a gigabyte (issue 14): each customer is one
 * {@link CustomerRow} in a slot ({@link Rows}), and the {@link Customer} value is built from it on each read. The
 * indexes hold slots, not entries or key strings (keys are read from the rows):
 * <ul>
 *   <li>by login key and by email key: open-addressed hash tables ({@link KeyTable});</li>
 *   <li>per {@link CustomerField}: the slots having it ordered by {@code lowercase(value)} and then by login key
 *       ({@link SlotIndex}), so that a search term with a literal prefix reads the range of that prefix instead of
 *       every customer, a lookup by customer ID reads the range of its key, and the login field's index
 *       is the login order (a full scan is in result order, and a {@link #page(String, int, boolean) page} is a
 *       range of it).</li>
 * </ul>
 *
 * <p>Search: the terms' prefix ranges are counted (each count stopping past the smallest so far), and the
 * candidates of the most selective term — the slots in its range, over the searched fields — are visited in
 * login-key order and filtered with {@link CustomerSearch#matches(Customer)} (the rule
 * lives in core) until {@code fetchLimit} match. Only when no term has a literal prefix (no terms, or terms that
 * all start with {@code *}) is every customer scanned, in login order, again stopping at {@code fetchLimit}. A
 * search of one prefix term ({@code jo*}) needs no {@code matches}: its ranges are exactly the matches, and the first
 * {@code fetchLimit} by login are kept in a bounded heap ({@link MemorySearch}, which holds the searches).
 * {@link #examinedCandidates()} counts the customers a search examined, for tests.
 */
public final class MemoryCustomerStore implements CustomerStore {
    private static final CustomerField[] FIELDS = CustomerField.values();
    private static final int EMAIL = CustomerField.EMAIL.ordinal();

    private final WriteGuard guard;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();

    private final Rows rows = new Rows();
    private final KeyTable byLogin = new KeyTable(rows, CustomerRows.LOGIN);
    private final KeyTable byEmail = new KeyTable(rows, EMAIL);
    /** Per field (by ordinal); {@code LOGIN}'s is the login order. */
    private final SlotIndex[] fieldIndexes = new SlotIndex[FIELDS.length];
    private final SlotIndex loginOrder;
    private final LongAdder examined = new LongAdder();
    private final MemorySearch searches;

    public MemoryCustomerStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
        for (CustomerField f : FIELDS) {
            fieldIndexes[f.ordinal()] = new SlotIndex(rows, f.ordinal());
        }
        loginOrder = fieldIndexes[CustomerRows.LOGIN];
        searches = new MemorySearch(rows, fieldIndexes, loginOrder, examined);
    }

    @Override
    public boolean readOnly() {
        return guard.readOnly();
    }

    @Override
    public boolean versioned() {
        return true;
    }

    @Override
    public Optional<Customer> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String key = Keys.of(login);
        read.lock();
        try {
            int slot = byLogin.find(key);
            return slot < 0 ? Optional.empty() : Optional.of(rows.get(slot).toCustomer());
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Customer> findByEmail(String email) {
        if (email == null) {
            return List.of();
        }
        String key = Keys.of(email);
        read.lock();
        try {
            int first = byEmail.find(key);
            if (first < 0) {
                return List.of();
            }
            List<Integer> slots = new ArrayList<>(1);
            byEmail.visit(key, slots::add);
            if (slots.size() > 1) {
                slots.sort((a, b) -> CustomerRows.compareKeys(rows.get(a), rows.get(b), CustomerRows.LOGIN));
            }
            List<Customer> out = new ArrayList<>(slots.size());
            for (int slot : slots) {
                out.add(rows.get(slot).toCustomer());
            }
            return Collections.unmodifiableList(out);
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        return byKey(CustomerField.CUSTOMER_ID, customerId, limit);
    }

    /** The customers whose field has the value's key, in login-key order (the index's order within a key). */
    private List<Customer> byKey(CustomerField field, String value, int limit) {
        if (value == null || limit < 1) {
            return List.of();
        }
        String key = Keys.of(value);
        read.lock();
        try {
            List<Customer> out = new ArrayList<>();
            fieldIndexes[field.ordinal()].visitKey(key, slot -> {
                out.add(rows.get(slot).toCustomer());
                return out.size() < limit;
            });
            return Collections.unmodifiableList(out);
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Customer> search(CustomerSearch search) {
        Objects.requireNonNull(search, "search");
        read.lock();
        try {
            return searches.search(search);
        } finally {
            read.unlock();
        }
    }

    /** From the login order: a range read, under the read lock for the page only. */
    @Override
    public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        read.lock();
        try {
            List<Customer> out = new ArrayList<>(Math.min(size, 1024));
            loginOrder.visitFrom(afterLoginKey, slot -> {
                CustomerRow row = rows.get(slot);
                if (afterLoginKey != null && CustomerRows.equalsKey(row, CustomerRows.LOGIN, afterLoginKey)) {
                    return true;
                }
                if (includeInvalid || row.isValid()) {
                    out.add(row.toCustomer());
                }
                return out.size() < size;
            });
            return Collections.unmodifiableList(out);
        } finally {
            read.unlock();
        }
    }

    @Override
    public long count() {
        read.lock();
        try {
            return rows.size();
        } finally {
            read.unlock();
        }
    }

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        guard.checkWritable("create customer '" + customer.login() + "'");
        CustomerRow row = new CustomerRow(customer);
        write.lock();
        try {
            DuplicateCustomerException refused = refusal(customer, uniqueEmail);
            if (refused != null) {
                throw refused;
            }
            add(row);
        } finally {
            write.unlock();
        }
    }

    /** Like {@link #insert} for each, under one write lock for the whole list (an import's chunk). */
    @Override
    public Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        Objects.requireNonNull(customers, "customers");
        guard.checkWritable("import customers");
        Map<Integer, DuplicateCustomerException> refused = new LinkedHashMap<>();
        CustomerRow[] encoded = new CustomerRow[customers.size()];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = new CustomerRow(customers.get(i));
        }
        write.lock();
        try {
            for (int i = 0; i < encoded.length; i++) {
                DuplicateCustomerException e = refusal(customers.get(i), uniqueEmail);
                if (e != null) {
                    refused.put(i, e);
                } else {
                    add(encoded[i]);
                }
            }
        } finally {
            write.unlock();
        }
        return refused;
    }

    /** Why the customer cannot be inserted (its login or email taken), or {@code null}. Under the write lock. */
    private @Nullable DuplicateCustomerException refusal(Customer customer, boolean uniqueEmail) {
        if (byLogin.find(Keys.of(customer.login())) >= 0) {
            return new DuplicateCustomerException("login", customer.login());
        }
        if (uniqueEmail && customer.email() != null && emailHolder(Keys.of(customer.email()), -1) >= 0) {
            return new DuplicateCustomerException("email", customer.email());
        }
        return null;
    }

    /** A slot other than {@code except} holding the email key, or -1. */
    private int emailHolder(String emailKey, int except) {
        int[] holder = {-1};
        byEmail.visit(emailKey, slot -> {
            if (slot != except) {
                holder[0] = slot;
                return false;
            }
            return true;
        });
        return holder[0];
    }

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        guard.checkWritable("update customer '" + customer.login() + "'");
        String loginKey = Keys.of(customer.login());
        CustomerRow row = new CustomerRow(customer);
        write.lock();
        try {
            int slot = byLogin.find(loginKey);
            if (slot < 0) {
                throw new CustomerNotFoundException(customer.login());
            }
            CustomerRow stored = rows.get(slot);
            long storedVersion = stored.version();
            if (storedVersion != expectedVersion) {
                throw new ConcurrentUpdateException("customer", customer.login(), expectedVersion, storedVersion);
            }
            if (uniqueEmail && customer.email() != null && emailHolder(Keys.of(customer.email()), slot) >= 0) {
                throw new DuplicateCustomerException("email", customer.email());
            }
            String[] oldKeys = new String[FIELDS.length];
            String[] newKeys = new String[FIELDS.length];
            for (int f = 0; f < FIELDS.length; f++) {
                oldKeys[f] = CustomerRows.key(stored, f);
                newKeys[f] = CustomerRows.key(row, f);
                if (oldKeys[f] != null && !oldKeys[f].equals(newKeys[f])) {
                    fieldIndexes[f].remove(slot, oldKeys[f]);
                    if (f == EMAIL) {
                        byEmail.remove(slot);
                    }
                }
            }
            rows.set(slot, row);
            for (int f = 0; f < FIELDS.length; f++) {
                if (newKeys[f] != null && !newKeys[f].equals(oldKeys[f])) {
                    index(slot, row, f, newKeys[f]);
                    if (f == EMAIL) {
                        byEmail.add(slot);
                    }
                } else if (f != CustomerRows.LOGIN && newKeys[f] != null && row.value(f) != stored.value(f)
                        && row.value(f).equals(stored.value(f))) {
                    row.share(f, stored.value(f));
                }
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public boolean delete(String login) {
        guard.checkWritable("delete customer '" + login + "'");
        if (login == null) {
            return false;
        }
        String loginKey = Keys.of(login);
        write.lock();
        try {
            int slot = byLogin.find(loginKey);
            if (slot < 0) {
                return false;
            }
            CustomerRow stored = rows.get(slot);
            for (int f = 0; f < FIELDS.length; f++) {
                String key = CustomerRows.key(stored, f);
                if (key != null) {
                    fieldIndexes[f].remove(slot, key);
                }
            }
            if (stored.value(EMAIL) != null) {
                byEmail.remove(slot);
            }
            byLogin.remove(slot);
            rows.remove(slot);
            return true;
        } finally {
            write.unlock();
        }
    }

    /**
     * How many customers searches have evaluated {@link CustomerSearch#matches(Customer)} on since this store was
     * made (or {@link #resetExaminedCandidates()}); shows whether a search used an index. For tests.
     */
    public long examinedCandidates() {
        return examined.sum();
    }

    /** Sets {@link #examinedCandidates()} back to zero. */
    public void resetExaminedCandidates() {
        examined.reset();
    }

    /** Stores a new row and indexes it (under the write lock, its login not held yet). */
    private void add(CustomerRow row) {
        int slot = rows.add(row);
        byLogin.add(slot);
        if (row.value(EMAIL) != null) {
            byEmail.add(slot);
        }
        for (int f = 0; f < FIELDS.length; f++) {
            String key = CustomerRows.key(row, f);
            if (key != null) {
                index(slot, row, f, key);
            }
        }
    }

    /** Adds the slot to the field's index, and shares the value's string with a neighbour there having it. */
    private void index(int slot, CustomerRow row, int field, String key) {
        String same = fieldIndexes[field].add(slot, key);
        if (same != null) {
            row.share(field, same);
        }
    }
}
