package dev.clientele.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.CustomerQuery;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.SearchResult;
import dev.clientele.password.PasswordHasher;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The chain of customer sources: which source owns a login (the first that has it), merged lookups and search, and
 * the uniqueness of logins and emails across every source.
 */
final class CustomerSources {

    /** A customer source of the chain, with the hasher of the passwords it keeps (its {@code PasswordStorage}). */
    record Source(String name, CustomerBackend backend, CustomerStore store, PasswordHasher hasher) {
        Optional<CredentialStore> credentials() {
            return backend.credentials();
        }
    }

    /** A customer and the source that owns it. */
    record Located(Customer customer, Source source) {
    }

    private final List<Source> sources;
    private final Optional<Source> createIn;
    private final DirectoryCache cache;
    private final Set<CustomerField> searchFields;
    private final int searchLimit;
    private final boolean uniqueEmail;
    private final CustomerScan scan;

    CustomerSources(List<Source> sources, Optional<String> createIn, DirectoryCache cache,
            Set<CustomerField> searchFields, int searchLimit, boolean uniqueEmail) {
        this.sources = List.copyOf(sources);
        this.createIn = createIn.flatMap(n -> this.sources.stream().filter(s -> s.name.equals(n)).findFirst());
        this.cache = cache;
        this.searchFields = Set.copyOf(searchFields);
        this.searchLimit = searchLimit;
        this.uniqueEmail = uniqueEmail;
        this.scan = new CustomerScan(this.sources.stream().map(Source::store).toList());
    }

    List<Source> all() {
        return sources;
    }

    /** Every customer of every source, each login once (see {@link CustomerScan}). */
    CustomerScan scan() {
        return scan;
    }

    boolean uniqueEmail() {
        return uniqueEmail;
    }

    /** The source new customers go to; throws if there is none or it is read-only. */
    /** The fields the source new customers go to requires beyond the mandatory ones (none if there is none). */
    Set<CustomerField> requiredForNew() {
        return createIn.map(s -> s.store.requiredFields()).orElse(Set.of());
    }

    Source writable(String what) {
        Source target = createIn.orElseThrow(() -> new ReadOnlyBackendException(
                sources.isEmpty() ? "(none)" : sources.get(0).name, what + ": no writable customer source"));
        if (target.store.readOnly()) {
            throw new ReadOnlyBackendException(target.name, what);
        }
        return target;
    }

    /**
     * Runs {@code work} in one {@code atomically} call of the customer's owner, after locking the customer there
     * ({@link dev.clientele.spi.CustomerStore#lockExisting}): a customer erased meanwhile makes it throw
     * {@link CustomerNotFoundException} and nothing is written. An erasure takes the same lock first, so a write
     * checked this way is either removed by the erasure or refused.
     */
    <T> T whileStored(Located at, Supplier<T> work) {
        String login = at.customer().login();
        return at.source().backend().atomically(() -> {
            if (!at.source().store().lockExisting(login)) {
                throw new CustomerNotFoundException(login);
            }
            return work.get();
        });
    }

    /** {@link #whileStored(Located, Supplier)} of the customer's owner, for a write that returns nothing. */
    void whileStored(Located at, Runnable work) {
        whileStored(at, () -> {
            work.run();
            return null;
        });
    }

    /** The owner of the login, from the cache when it has it. */
    Optional<Located> locateCached(String login) {
        Args.requireText("login", login);
        return cache.customer(login, () -> locate(login));
    }

    /**
     * {@link #locateCached(String)} where a customer the cache does not hold is read by {@code load} — from the one
     * source there is (only a directory of one customer source calls this).
     */
    Optional<Located> locateCached(String login, Supplier<Optional<Customer>> load) {
        Args.requireText("login", login);
        if (sources.size() != 1) {
            throw new IllegalStateException("a load of its own is for a directory of one customer source");
        }
        Source only = sources.get(0);
        return cache.customer(login, () -> load.get().map(c -> new Located(c, only)));
    }

    /** The first source that has the login, read now (no cache). */
    Optional<Located> locate(String login) {
        if (Args.unstorable(login)) {
            return Optional.empty();
        }
        for (Source s : sources) {
            Optional<Customer> c = s.store.findByLogin(login);
            if (c.isPresent()) {
                return Optional.of(new Located(c.get(), s));
            }
        }
        return Optional.empty();
    }

    Located locateOrThrow(String login) {
        Args.requireText("login", login);
        return locate(login).orElseThrow(() -> new CustomerNotFoundException(login));
    }

    List<Customer> findByEmail(String email) {
        Args.requireText("email", email);
        if (Args.unstorable(email)) {
            return List.of();
        }
        Map<String, Customer> found = new TreeMap<>();
        for (Source s : sources) {
            for (Customer c : s.store.findByEmail(email)) {
                found.putIfAbsent(Keys.of(c.login()), c);
            }
        }
        return List.copyOf(found.values());
    }

    List<Customer> findByCustomerId(String customerId) {
        Args.requireText("customerId", customerId);
        if (Args.unstorable(customerId)) {
            return List.of();
        }
        Map<String, Customer> found = new TreeMap<>();
        for (Source s : sources) {
            for (Customer c : s.store.findByCustomerId(customerId, searchLimit)) {
                found.putIfAbsent(Keys.of(c.login()), c);
            }
        }
        return found.values().stream().limit(searchLimit).toList();
    }

    /** Every source is asked for one more than the limit; merged by login key, the earlier source wins. */
    SearchResult search(CustomerQuery query) {
        int limit = query.limit().orElse(searchLimit);
        if (query.terms().stream().anyMatch(Args::unstorable)) {
            return new SearchResult(List.of(), false); // a term no stored value can match: no store is asked
        }
        List<SearchTerm> terms = query.terms().stream().map(SearchTerm::parse).toList();
        CustomerSearch spec = new CustomerSearch(terms, query.fields().orElse(searchFields), !query.includeInvalid(),
                limit + 1);
        List<Customer> all;
        if (sources.size() == 1) {
            all = sources.get(0).store.search(spec); // in login-key order, by the store's contract: nothing to merge
        } else {
            TreeMap<String, Customer> merged = new TreeMap<>();
            for (Source s : sources) {
                for (Customer c : s.store.search(spec)) {
                    merged.putIfAbsent(Keys.of(c.login()), c);
                }
            }
            all = new ArrayList<>(merged.values());
        }
        boolean more = all.size() > limit;
        return new SearchResult(more ? all.subList(0, limit) : all, more);
    }

    /** Throws if any source has the login, or (when emails are unique) the email. */
    void checkUnused(String login, String email) {
        for (Source s : sources) {
            if (s.store.findByLogin(login).isPresent()) {
                throw new DuplicateCustomerException("login", login);
            }
            if (uniqueEmail && !s.store.findByEmail(email).isEmpty()) {
                throw new DuplicateCustomerException("email", email);
            }
        }
    }

    /** Throws if the email is unique and another customer than {@code login} has it in any source. */
    void checkEmailFree(String email, String login) {
        if (!uniqueEmail || email == null) {
            return;
        }
        for (Source s : sources) {
            for (Customer c : s.store.findByEmail(email)) {
                if (!Keys.same(c.login(), login)) {
                    throw new DuplicateCustomerException("email", email);
                }
            }
        }
    }
}
