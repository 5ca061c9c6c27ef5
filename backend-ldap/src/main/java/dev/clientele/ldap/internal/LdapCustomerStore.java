package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.spi.CustomerCursor;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 *
 * <p>This class is the {@link CustomerStore} of the back-end and says what each read asks of the directory (its
 * filter and Clientele's own rule); the entry of a login and the session are {@link CustomerEntries}', running a
 * filter for several customers is {@link CustomerQueries}', a walk is a {@link ScanCursor}, and the writes are
 * {@link CustomerWrites}'.
 */
public final class LdapCustomerStore implements CustomerStore {
    private final SearchSettings search;
    private final MappingSettings mapping;
    private final boolean writable;
    private final LdapSearches searches;
    private final CustomerMapper mapper;
    private final CustomerEntries entries;
    private final CustomerQueries queries;
    private final CustomerWrites writes;

    public LdapCustomerStore(SettingsOrigin origin, SearchSettings search, MappingSettings mapping, boolean writable,
            LdapConnections ldap, CustomerMapper mapper) {
        this.search = search;
        this.mapping = mapping;
        this.writable = writable;
        this.searches = ldap.searches();
        this.mapper = mapper;
        this.entries = new CustomerEntries(origin, search, searches, mapper);
        this.queries = new CustomerQueries(origin, search, searches, mapper);
        this.writes = new CustomerWrites(origin, writable, ldap, mapper, entries, queries);
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
        return entries.entryOf(login);
    }

    /**
     * Runs {@code work} (one directory call) as a session: an entry is searched by login once in it. Nested calls
     * join the outer session.
     */
    public <T> T inSession(java.util.function.Supplier<T> work) {
        return entries.inSession(work);
    }

    /** The customer of this login, remembered with its entry's DN (see {@link #locatedDn(Customer)}). */
    @Override
    public Optional<Customer> findByLogin(String login) {
        return entries.findByLogin(login);
    }

    /**
     * The DN of the entry this very customer object was read from by {@link #findByLogin(String)}; empty for any
     * other object (an equal customer built elsewhere, one from a search, one no longer remembered).
     */
    public Optional<String> locatedDn(Customer customer) {
        return entries.locatedDn(customer);
    }

    @Override
    public List<Customer> findByEmail(String email) {
        return queries.findByEmail(email);
    }

    @Override
    public List<Customer> findByCustomerId(String customerId, int limit) {
        if (customerId == null || customerId.isBlank()) {
            return List.of();
        }
        if (mapping.fixedCustomerId().isPresent()) {
            return Keys.same(mapping.fixedCustomerId().get(), customerId)
                    ? queries.collect(mapper.customers(), c -> true, limit) : List.of();
        }
        Filter f = mapper.byCustomerId(customerId);
        return f == null ? List.of() : queries.collect(f, c -> Keys.same(c.customerId(), customerId), limit);
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
        return queries.collect(filter, query::matches, query.fetchLimit());
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
        return queries.collect(everyCustomer(includeInvalid), false, c -> {
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
        return new ScanCursor(searches.pagedSearch(search.baseDn(), SearchScope.SUB, everyCustomer(includeInvalid),
                mapper.requestedAttributes()), mapper, includeInvalid);
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
        return queries.count();
    }

    @Override
    public Set<String> existingLogins(Collection<String> logins) {
        return queries.existing(logins, mapper.loginAttribute(), Customer::login);
    }

    @Override
    public Set<String> existingEmails(Collection<String> emails) {
        String mail = mapping.fieldAttributes().get(CustomerField.EMAIL);
        return mail == null ? Set.of() : queries.existing(emails, mail, Customer::email);
    }

    /**
     * How many entries searches have read since this store was made; shows whether a search stopped early. For tests.
     */
    public long entriesRead() {
        return queries.entriesRead();
    }

    // ----- writes -------------------------------------------------------------------------------------------

    @Override
    public void insert(Customer customer, boolean uniqueEmail) {
        writes.insert(customer, uniqueEmail);
    }

    @Override
    public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        writes.update(customer, expectedVersion, uniqueEmail);
    }

    @Override
    public boolean delete(String login) {
        return writes.delete(login);
    }
}
