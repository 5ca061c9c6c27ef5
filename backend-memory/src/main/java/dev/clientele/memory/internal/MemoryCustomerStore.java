package dev.clientele.memory.internal;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Customers in memory. One {@link ReentrantReadWriteLock} guards the primary map and every index, so that a reader
 * always sees them consistent: reads share the read lock, writes take the write lock.
 *
 * <ul>
 *   <li>primary: login key to customer, ordered by login key (a full scan is in result order, and a
 *       {@link #page(String, int, boolean) page} is a range of it);</li>
 *   <li>by email key and by customer-ID key: the login keys having it (no scan for those lookups);</li>
 *   <li>per {@link CustomerField}: an ordered index of {@code lowercase(value)} to the login keys having it, so that
 *       a search term with a literal prefix reads the range of that prefix instead of every customer.</li>
 * </ul>
 * A value held by one customer maps to its login key itself, a shared one to a set ({@link LoginKeys}).
 *
 * <p>Search: the terms' prefix ranges are counted (each count stopping past the smallest so far), and the
 * candidates of the most selective term — the login keys in its range, over the searched fields — are visited in
 * login-key order and filtered with {@link CustomerSearch#matches(Customer)} (the rule
 * lives in core) until {@code fetchLimit} match. Only when no term has a literal prefix (no terms, or terms that
 * all start with {@code *}) is every customer scanned, in login order, again stopping at {@code fetchLimit}.
 * {@link #examinedCandidates()} counts the customers {@code matches} was evaluated on, for tests.
 */
public final class MemoryCustomerStore implements CustomerStore {
    private final WriteGuard guard;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();

    private final NavigableMap<String, Customer> byLogin = new TreeMap<>();
    /** Email key to the login key(s) having it ({@link LoginKeys}). */
    private final Map<String, Object> byEmail = new HashMap<>();
    /** Customer-ID key to the login key(s) having it. */
    private final Map<String, Object> byCustomerId = new HashMap<>();
    /** Per field: lower-cased value to the login key(s) having it, ordered by value for prefix ranges. */
    private final Map<CustomerField, NavigableMap<String, Object>> fieldIndexes = new EnumMap<>(CustomerField.class);
    private final LongAdder examined = new LongAdder();

    public MemoryCustomerStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
        for (CustomerField f : CustomerField.values()) {
            fieldIndexes.put(f, new TreeMap<>());
        }
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
        read.lock();
        try {
            return Optional.ofNullable(byLogin.get(Keys.of(login)));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Customer> findByEmail(String email) {
        return byKey(byEmail, email, Integer.MAX_VALUE);
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        return byKey(byCustomerId, customerId, limit);
    }

    private List<Customer> byKey(Map<String, Object> index, String value, int limit) {
        if (value == null || limit < 1) {
            return List.of();
        }
        read.lock();
        try {
            Object logins = index.get(Keys.of(value));
            if (logins == null) {
                return List.of();
            }
            List<Customer> out = new ArrayList<>(Math.min(LoginKeys.size(logins), limit));
            for (String loginKey : LoginKeys.of(logins)) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(byLogin.get(loginKey));
            }
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
            NavigableSet<String> candidates = candidates(search);
            Iterable<String> order = candidates == null ? byLogin.keySet() : candidates;
            List<Customer> out = new ArrayList<>();
            int limit = search.fetchLimit();
            for (String loginKey : order) {
                Customer c = byLogin.get(loginKey);
                examined.increment();
                if (search.matches(c)) {
                    out.add(c);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            return Collections.unmodifiableList(out);
        } finally {
            read.unlock();
        }
    }

    /**
     * The login keys that may match, in login-key order; {@code null} when no term can use an index. Only the most
     * selective term's candidates are collected (the other terms are then checked by {@link CustomerSearch#matches}):
     * the terms' index ranges are counted first, each count stopping once it passes the smallest so far, so a search
     * of many broad terms holds one candidate set, not one per term.
     */
    private NavigableSet<String> candidates(CustomerSearch search) {
        String best = null;
        long fewest = Long.MAX_VALUE;
        for (SearchTerm term : search.terms()) {
            String prefix = term.literalPrefix();
            if (prefix.isEmpty()) {
                continue;
            }
            long n = countUpTo(search, prefix, fewest);
            if (n == 0) {
                return new TreeSet<>();
            }
            if (n < fewest) {
                best = prefix;
                fewest = n;
            }
        }
        if (best == null) {
            return null;
        }
        NavigableSet<String> result = new TreeSet<>();
        for (CustomerField f : search.fields()) {
            for (Map.Entry<String, Object> e : fieldIndexes.get(f).tailMap(best, true).entrySet()) {
                if (!e.getKey().startsWith(best)) {
                    break;
                }
                LoginKeys.of(e.getValue()).forEach(result::add);
            }
        }
        return result;
    }

    /** The index entries of the searched fields starting with {@code prefix}, counted up to just past {@code cap}. */
    private long countUpTo(CustomerSearch search, String prefix, long cap) {
        long n = 0;
        for (CustomerField f : search.fields()) {
            for (Map.Entry<String, Object> e : fieldIndexes.get(f).tailMap(prefix, true).entrySet()) {
                if (!e.getKey().startsWith(prefix) || n > cap) {
                    break;
                }
                n += LoginKeys.size(e.getValue());
            }
            if (n > cap) {
                break;
            }
        }
        return n;
    }

    /** From the primary map's order: a range read, under the read lock for the page only. */
    @Override
    public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        read.lock();
        try {
            Iterable<Customer> from = afterLoginKey == null ? byLogin.values()
                    : byLogin.tailMap(afterLoginKey, false).values();
            List<Customer> out = new ArrayList<>(Math.min(size, 1024));
            for (Customer c : from) {
                if (includeInvalid || c.isValid()) {
                    out.add(c);
                    if (out.size() >= size) {
                        break;
                    }
                }
            }
            return Collections.unmodifiableList(out);
        } finally {
            read.unlock();
        }
    }

    @Override
    public long count() {
        read.lock();
        try {
            return byLogin.size();
        } finally {
            read.unlock();
        }
    }

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        guard.checkWritable("create customer '" + customer.login() + "'");
        String loginKey = Keys.of(customer.login());
        write.lock();
        try {
            if (byLogin.containsKey(loginKey)) {
                throw new DuplicateCustomerException("login", customer.login());
            }
            if (uniqueEmail && customer.email() != null) {
                if (byEmail.containsKey(Keys.of(customer.email()))) {
                    throw new DuplicateCustomerException("email", customer.email());
                }
            }
            byLogin.put(loginKey, customer);
            index(loginKey, customer);
        } finally {
            write.unlock();
        }
    }

    /** Like {@link #insert} for each, under one write lock for the whole list (an import's chunk). */
    @Override
    public Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        Objects.requireNonNull(customers, "customers");
        guard.checkWritable("import customers");
        Map<Integer, DuplicateCustomerException> refused = new java.util.LinkedHashMap<>();
        write.lock();
        try {
            for (int i = 0; i < customers.size(); i++) {
                Customer customer = customers.get(i);
                String loginKey = Keys.of(customer.login());
                if (byLogin.containsKey(loginKey)) {
                    refused.put(i, new DuplicateCustomerException("login", customer.login()));
                    continue;
                }
                if (uniqueEmail && customer.email() != null) {
                    if (byEmail.containsKey(Keys.of(customer.email()))) {
                        refused.put(i, new DuplicateCustomerException("email", customer.email()));
                        continue;
                    }
                }
                byLogin.put(loginKey, customer);
                index(loginKey, customer);
            }
        } finally {
            write.unlock();
        }
        return refused;
    }

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        Objects.requireNonNull(customer, "customer");
        guard.checkWritable("update customer '" + customer.login() + "'");
        String loginKey = Keys.of(customer.login());
        write.lock();
        try {
            Customer stored = byLogin.get(loginKey);
            if (stored == null) {
                throw new CustomerNotFoundException(customer.login());
            }
            if (stored.version() != expectedVersion) {
                throw new ConcurrentUpdateException("customer", customer.login(), expectedVersion, stored.version());
            }
            if (uniqueEmail && customer.email() != null) {
                for (String holder : LoginKeys.of(byEmail.get(Keys.of(customer.email())))) {
                    if (!holder.equals(loginKey)) {
                        throw new DuplicateCustomerException("email", customer.email());
                    }
                }
            }
            unindex(loginKey, stored);
            byLogin.put(loginKey, customer);
            index(loginKey, customer);
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
            Customer stored = byLogin.remove(loginKey);
            if (stored == null) {
                return false;
            }
            unindex(loginKey, stored);
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

    // ----- indexes (called under the write lock) -----------------------------------------------------------------

    private void index(String loginKey, Customer c) {
        if (c.email() != null) {
            LoginKeys.add(byEmail, Keys.of(c.email()), loginKey);
        }
        if (c.customerId() != null) {
            LoginKeys.add(byCustomerId, Keys.of(c.customerId()), loginKey);
        }
        for (Map.Entry<CustomerField, NavigableMap<String, Object>> e : fieldIndexes.entrySet()) {
            String v = e.getKey().get(c);
            if (v != null) {
                LoginKeys.add(e.getValue(), fieldKey(v), loginKey);
            }
        }
    }

    private void unindex(String loginKey, Customer c) {
        if (c.email() != null) {
            LoginKeys.remove(byEmail, Keys.of(c.email()), loginKey);
        }
        if (c.customerId() != null) {
            LoginKeys.remove(byCustomerId, Keys.of(c.customerId()), loginKey);
        }
        for (Map.Entry<CustomerField, NavigableMap<String, Object>> e : fieldIndexes.entrySet()) {
            String v = e.getKey().get(c);
            if (v != null) {
                LoginKeys.remove(e.getValue(), fieldKey(v), loginKey);
            }
        }
    }

    /** Lower-cased as {@link SearchTerm} lower-cases, so that a term's literal prefix is a prefix of the key. */
    private static String fieldKey(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
