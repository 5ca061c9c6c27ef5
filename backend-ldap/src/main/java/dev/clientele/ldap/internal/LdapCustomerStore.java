package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.clientele.ClienteleException;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.CustomerCursor;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers as directory entries. Reads always; writes (create, update, invalidate, erase) only when the back-end
 * is {@code writable}. Keeps no versions: a directory has no compare-and-set for a whole entry, so the last update
 * wins ({@link #versioned()} is false).
 *
 * <p>Search: each term becomes an OR over the searched fields' attributes of substring or equality filters; the
 * server's answer is then filtered with {@link CustomerSearch#matches(Customer)} (directories' matching rules differ
 * from Clientele's), ordered by login key and cut at the fetch limit. Its cost depends on the server:
 * <ul>
 * <li>A server that offers the server-side sort control (Active Directory, 389 DS, the UnboundID server; OpenLDAP
 * with the {@code sssvlv} overlay): <b>one request</b> for a fetch limit within {@code page-size} — the sort control
 * (critical) on the login attribute and a size limit of the fetch limit, so the server sends only the first ones.
 * If Clientele's rule refuses one of them, or the server refuses to sort, the search is asked again as below. A
 * fetch limit beyond {@code page-size} reads sorted pages until it is reached, then ends the paged search. Beyond
 * ASCII, which logins make the cut is the server's ordering rule's choice (core still orders what it returns).</li>
 * <li>A server without it: every match must be read to find the first logins, one request per {@code page-size}
 * matches (a search matching 10,000 entries at the default 500 is 20 requests), keeping only the best fetch-limit
 * customers in memory. Fewer requests need a larger {@code page-size} (within what the server sends per page:
 * Active Directory's MaxPageSize, OpenLDAP's {@code size.pr}), or the sort control.</li>
 * </ul>
 *
 * <p>Every customer: {@link #scan(int, boolean)} walks the directory in its own order with the paged results
 * control (one pass); {@link #page(String, int, boolean)}, in login order, reads everything for each page.
 */
public final class LdapCustomerStore implements CustomerStore {
    private static final Logger LOG = LoggerFactory.getLogger(LdapCustomerStore.class);
    private static final Comparator<Customer> BY_LOGIN = Comparator.comparing((Customer c) -> Keys.of(c.login()))
            .thenComparing(Customer::login);
    /** Logins or emails per OR filter in bulk lookups. */
    private static final int CHUNK = 100;

    private final java.util.concurrent.atomic.LongAdder entriesRead = new java.util.concurrent.atomic.LongAdder();
    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final SearchSettings search;
    private final MappingSettings mapping;
    private final boolean writable;
    private final LdapConnections ldap;
    private final LdapSearches searches;
    private final CustomerMapper mapper;
    /**
     * The entry DN of each customer {@link #findByLogin(String)} handed out, for as long as someone holds that very
     * object (weak keys, compared by identity): what lets a login bind as the located customer without searching
     * for its entry again. The public {@link Customer} stays free of LDAP details.
     */
    private final Cache<Customer, String> located = Caffeine.newBuilder().weakKeys().build();
    /**
     * The entries read by login in the thread's session (one directory call, {@link #inSession}), by login key: a
     * permission evaluation or a login finds the customer, then its groups, from one search of the entry. Dropped
     * at every write.
     */
    private final ThreadLocal<Map<String, Optional<SearchResultEntry>>> session = new ThreadLocal<>();

    public LdapCustomerStore(SettingsOrigin origin, SearchSettings search, MappingSettings mapping, boolean writable,
            LdapConnections ldap, CustomerMapper mapper) {
        this.settings = origin;
        this.search = search;
        this.mapping = mapping;
        this.writable = writable;
        this.ldap = ldap;
        this.searches = ldap.searches();
        this.mapper = mapper;
    }

    @Override
    public boolean readOnly() {
        return !writable;
    }

    @Override
    public boolean versioned() {
        return false;
    }

    /** Created and changed come from the server's createTimestamp and modifyTimestamp. */
    @Override
    public boolean keepsTimestamps() {
        return false;
    }

    // ----- reads --------------------------------------------------------------------------------------------

    /** The one entry of this login; empty if none; an error naming the login if the directory has several. */
    public Optional<SearchResultEntry> entryOf(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        Map<String, Optional<SearchResultEntry>> memo = session.get();
        if (memo == null) {
            return searchEntry(login);
        }
        Optional<SearchResultEntry> read = memo.get(Keys.of(login));
        if (read == null) {
            read = searchEntry(login);
            memo.put(Keys.of(login), read);
        }
        return read;
    }

    /**
     * Runs {@code work} (one directory call) as a session: an entry is searched by login once in it. Nested calls
     * join the outer session.
     */
    public <T> T inSession(java.util.function.Supplier<T> work) {
        if (session.get() != null) {
            return work.get();
        }
        session.set(new java.util.HashMap<>());
        try {
            return work.get();
        } finally {
            session.remove();
        }
    }

    /** A write: what the session read may no longer be so. */
    private void written() {
        Map<String, Optional<SearchResultEntry>> memo = session.get();
        if (memo != null) {
            memo.clear();
        }
    }

    private Optional<SearchResultEntry> searchEntry(String login) {
        List<SearchResultEntry> found = new ArrayList<>();
        searches.search(search.baseDn(), SearchScope.SUB, mapper.byLogin(login), mapper.requestedAttributes(), e -> {
            if (Keys.same(mapper.loginOf(e), login)) {
                found.add(e);
            }
            return true;
        });
        if (found.size() > 1) {
            throw new dev.clientele.BackendRefusedException(settings.name(),
                    "LDAP back-end '" + settings.name() + "': login '" + login.strip()
                    + "' matches " + found.size() + " directory entries ("
                    + found.stream().limit(5).map(SearchResultEntry::getDN).collect(Collectors.joining("; "))
                    + "); a login must name one entry: make the login attribute unique, or narrow "
                    + settings.key("base-dn") + " or " + settings.key("always-filter"));
        }
        return found.stream().findFirst();
    }

    /** The customer of this login, remembered with its entry's DN (see {@link #locatedDn(Customer)}). */
    @Override
    public Optional<Customer> findByLogin(String login) {
        Optional<SearchResultEntry> entry = entryOf(login);
        Customer c = entry.map(mapper::toCustomer).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        located.put(c, entry.get().getDN());
        return Optional.of(c);
    }

    /**
     * The DN of the entry this very customer object was read from by {@link #findByLogin(String)}; empty for any
     * other object (an equal customer built elsewhere, one from a search, one no longer remembered).
     */
    public Optional<String> locatedDn(Customer customer) {
        return Optional.ofNullable(located.getIfPresent(customer));
    }

    @Override
    public List<Customer> findByEmail(String email) {
        Filter f = email == null || email.isBlank() ? null : mapper.byEmail(email);
        if (f == null) {
            return List.of();
        }
        return collect(f, c -> Keys.same(c.email(), email), Integer.MAX_VALUE);
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        if (customerId == null || customerId.isBlank()) {
            return List.of();
        }
        if (mapping.fixedCustomerId().isPresent()) {
            return Keys.same(mapping.fixedCustomerId().get(), customerId)
                    ? collect(mapper.customers(), c -> true, limit) : List.of();
        }
        Filter f = mapper.byCustomerId(customerId);
        return f == null ? List.of() : collect(f, c -> Keys.same(c.customerId(), customerId), limit);
    }

    @Override
    public List<Customer> search(CustomerSearch query) {
        List<Filter> and = new ArrayList<>();
        for (SearchTerm term : query.terms()) {
            Filter f = mapper.term(term, query.fields());
            if (f == null) {
                return List.of();
            }
            and.add(f);
        }
        if (query.validOnly()) {
            search.validFilter().ifPresent(and::add);
        }
        Filter filter = and.isEmpty() ? mapper.customers() : mapper.customersAnd(Filter.createANDFilter(and));
        return collect(filter, query::matches, query.fetchLimit());
    }

    /**
     * A directory cannot order by login without the server-side sort control (OpenLDAP needs the sssvlv overlay,
     * and {@code uid} has no ordering rule, so {@code (uid>=x)} matches nothing): each page reads every customer
     * entry, page by page, keeping the {@code size} smallest login keys after {@code afterLoginKey}. Bounded memory,
     * but a full read per page: to walk everything use {@link #scan(int, boolean)}.
     */
    @Override
    public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        return collect(everyCustomer(includeInvalid), false, c -> {
            String key = Keys.of(c.login());
            return (includeInvalid || c.isValid()) && (afterLoginKey == null || key.compareTo(afterLoginKey) > 0);
        }, size);
    }

    /**
     * One paged search over every customer entry, in directory order, a page of {@code page-size} entries at a
     * time (the configured page size, not {@code pageSize}), on one connection held until the end or
     * {@link CustomerCursor#close()}. Two entries with one login (which {@link #findByLogin} refuses) both appear.
     */
    @Override
    public CustomerCursor scan(int pageSize, boolean includeInvalid) {
        PagedSearch walk = searches.pagedSearch(search.baseDn(), SearchScope.SUB,
                everyCustomer(includeInvalid), mapper.requestedAttributes());
        return new CustomerCursor() {
            private Iterator<SearchResultEntry> entries = Collections.emptyIterator();
            private Customer next;
            private boolean closed;

            @Override
            public boolean hasNext() {
                while (next == null && !closed) {
                    if (!entries.hasNext()) {
                        List<SearchResultEntry> page = walk.nextPage();
                        if (page.isEmpty()) {
                            close();
                            break;
                        }
                        entries = page.iterator();
                        continue;
                    }
                    Customer c = mapper.toCustomer(entries.next());
                    if (c != null && (includeInvalid || c.isValid())) {
                        next = c;
                    }
                }
                return next != null;
            }

            @Override
            public Customer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Customer c = next;
                next = null;
                return c;
            }

            @Override
            public void close() {
                closed = true;
                next = null;
                entries = Collections.emptyIterator();
                walk.close();
            }
        };
    }

    /** Walks in directory order (see {@link #scan(int, boolean)}). */
    @Override
    public boolean scansInLoginOrder() {
        return false;
    }

    private Filter everyCustomer(boolean includeInvalid) {
        return includeInvalid || search.validFilter().isEmpty() ? mapper.customers()
                : mapper.customersAnd(search.validFilter().get());
    }

    @Override
    public long count() {
        long[] n = {0};
        searches.search(search.baseDn(), SearchScope.SUB, mapper.customers(), new String[] {mapper.loginAttribute()},
                e -> {
                    if (mapper.loginOf(e) != null) {
                        n[0]++;
                    }
                    return true;
                });
        return n[0];
    }

    @Override
    public Set<String> existingLogins(Collection<String> logins) {
        return existing(logins, mapper.loginAttribute(), Customer::login);
    }

    @Override
    public Set<String> existingEmails(Collection<String> emails) {
        String mail = mapping.fieldAttributes().get(CustomerField.EMAIL);
        return mail == null ? Set.of() : existing(emails, mail, Customer::email);
    }

    /** The keys of those values some customer has in this attribute: one OR filter per chunk of values. */
    private Set<String> existing(Collection<String> values, String attribute, Function<Customer, String> field) {
        Set<String> wanted = values.stream().filter(v -> v != null && !v.isBlank()).map(Keys::of)
                .collect(Collectors.toSet());
        Set<String> out = new HashSet<>();
        List<String> all = new ArrayList<>(wanted);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Filter> any = all.subList(i, Math.min(all.size(), i + CHUNK)).stream()
                    .map(v -> Filter.createEqualityFilter(attribute, v)).collect(Collectors.toList());
            searches.search(search.baseDn(), SearchScope.SUB, mapper.customersAnd(Filter.createORFilter(any)),
                    mapper.requestedAttributes(), e -> {
                        Customer c = mapper.toCustomer(e);
                        String key = c == null ? null : Keys.of(field.apply(c));
                        if (key != null && wanted.contains(key)) {
                            out.add(key);
                        }
                        return true;
                    });
        }
        return out;
    }

    /**
     * Reads every entry of the filter page by page and keeps the first {@code limit} customers by login key that
     * pass {@code accept}, in that order.
     */
    private List<Customer> collect(Filter filter, Predicate<Customer> accept, int limit) {
        return collect(filter, true, accept, limit);
    }

    /**
     * The first {@code limit} accepted customers by login. With {@code sort}, sorted by the server when it can: one
     * request with the sort control and a size limit of {@code limit} (when {@code limit} is within
     * {@code page-size}) is then the answer, if the server sorted and Clientele's own rule accepted every entry it
     * sent; else a paged search, sorted if the server can, stopping at the first {@code limit} accepted entries
     * of sorted pages, or reading every match of unsorted ones. A page deep into the list ({@link #page}) does not
     * ask: it would read as far either way, and a server sorts again for every page of the paged search.
     */
    private List<Customer> collect(Filter filter, boolean sort, Predicate<Customer> accept, int limit) {
        if (sort && searches.sorts() && limit <= search.pageSize()) {
            Optional<List<Customer>> head = sortedHead(filter, accept, limit);
            if (head.isPresent()) {
                return head.get();
            }
        }
        PriorityQueue<Customer> best = new PriorityQueue<>(BY_LOGIN.reversed());
        searches.search(search.baseDn(), SearchScope.SUB, filter, mapper.requestedAttributes(),
                sort ? mapper.loginAttribute() : null,
                (e, sorted) -> {
                    entriesRead.increment();
                    Customer c = mapper.toCustomer(e);
                    if (c != null && accept.test(c)) {
                        best.add(c);
                        if (best.size() > limit) {
                            best.poll();
                        }
                    }
                    return !(sorted && best.size() >= limit);
                });
        List<Customer> out = new ArrayList<>(best);
        out.sort(BY_LOGIN);
        return out;
    }

    /**
     * The first {@code limit} accepted customers by login from one sorted request of at most {@code limit} entries
     * ({@code size-limit} if lower); empty if that request cannot give them: the server did not sort, its own size
     * limit cut the answer short, or Clientele's rule refused some of the entries it sent (the server's matching
     * rules are not Clientele's), so that entries beyond those sent may belong in the answer.
     */
    private Optional<List<Customer>> sortedHead(Filter filter, Predicate<Customer> accept, int limit) {
        boolean capped = search.sizeLimit() > 0 && search.sizeLimit() < limit;
        int ask = capped ? search.sizeLimit() : limit;
        Optional<LdapSearches.SortedHead> head = searches.searchSorted(search.baseDn(), SearchScope.SUB, filter,
                mapper.requestedAttributes(), mapper.loginAttribute(), ask);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Customer> out = new ArrayList<>(head.get().entries().size());
        for (SearchResultEntry e : head.get().entries()) {
            entriesRead.increment();
            Customer c = mapper.toCustomer(e);
            if (c != null && accept.test(c)) {
                out.add(c);
            }
        }
        if (!head.get().complete() && capped) {
            LOG.warn("LDAP back-end '{}': a search of {} stopped at {} = {} entries", settings.name(),
                    search.baseDn(), settings.key("size-limit"), search.sizeLimit());
        } else if (!head.get().complete() && out.size() < limit) {
            return Optional.empty();
        }
        out.sort(BY_LOGIN);
        return Optional.of(out);
    }

    /** How many entries searches have read since this store was made; shows whether a search stopped early. For tests. */
    public long entriesRead() {
        return entriesRead.sum();
    }

    // ----- writes -------------------------------------------------------------------------------------------

    private void requireWritable(String operation) {
        if (!writable) {
            throw new ReadOnlyBackendException(settings.name(), operation);
        }
    }

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
        written();
        requireWritable("create customer " + customer.login());
        if (uniqueEmail && customer.email() != null && !findByEmail(customer.email()).isEmpty()) {
            throw new DuplicateCustomerException("email", customer.email());
        }
        if (entryOf(customer.login()).isPresent()) {
            throw new DuplicateCustomerException("login", customer.login());
        }
        com.unboundid.ldap.sdk.Entry entry = mapper.newEntry(customer);
        try {
            ldap.call(pool -> pool.add(entry));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw new DuplicateCustomerException("login", customer.login());
            }
            throw ldap.refused("create " + entry.getDN(), e);
        }
    }

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        written();
        requireWritable("update customer " + customer.login());
        SearchResultEntry current = entryOf(customer.login())
                .orElseThrow(() -> new CustomerNotFoundException(customer.login()));
        if (uniqueEmail && customer.email() != null && findByEmail(customer.email()).stream()
                .anyMatch(other -> !Keys.same(other.login(), customer.login()))) {
            throw new DuplicateCustomerException("email", customer.email());
        }
        List<Modification> changes = mapper.changes(current, customer);
        if (changes.isEmpty()) {
            return;
        }
        try {
            ldap.call(pool -> pool.modify(current.getDN(), changes));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new CustomerNotFoundException(customer.login());
            }
            throw ldap.refused("update " + current.getDN(), e);
        }
    }

    @Override
    public boolean delete(String login) {
        written();
        requireWritable("erase customer " + login);
        Optional<SearchResultEntry> entry = entryOf(login);
        if (entry.isEmpty()) {
            return false;
        }
        try {
            ldap.call(pool -> pool.delete(entry.get().getDN()));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw ldap.refused("delete " + entry.get().getDN(), e);
        }
    }
}
