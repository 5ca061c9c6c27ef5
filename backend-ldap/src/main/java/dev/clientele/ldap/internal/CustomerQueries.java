package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clientele.Customer;
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the store's reads of several customers run against the directory: a customer filter becomes the first
 * customers by login key that pass Clientele's own rule (from one sorted request when the server sorts and the
 * fetch limit is within {@code page-size}, else a paged search, sorted if it can be, keeping the best ones in
 * memory), a count of the customer entries, and which of many logins or emails are held (one OR filter per chunk).
 * It counts the entries these searches read ({@link #entriesRead()}). The filters are the store's to build, from
 * {@link CustomerMapper}.
 */
final class CustomerQueries {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerQueries.class);
    private static final Comparator<Customer> BY_LOGIN = Comparator.comparing((Customer c) -> Keys.of(c.login()))
            .thenComparing(Customer::login);
    /** Logins or emails per OR filter in bulk lookups. */
    private static final int CHUNK = 100;

    private final LongAdder entriesRead = new LongAdder();
    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final SearchSettings search;
    private final LdapSearches searches;
    private final CustomerMapper mapper;

    CustomerQueries(SettingsOrigin settings, SearchSettings search, LdapSearches searches, CustomerMapper mapper) {
        this.settings = settings;
        this.search = search;
        this.searches = searches;
        this.mapper = mapper;
    }

    /** The customers with this email (by key); none for a blank one or when no attribute holds emails. */
    List<Customer> findByEmail(String email) {
        Filter f = email == null || email.isBlank() ? null : mapper.byEmail(email);
        if (f == null) {
            return List.of();
        }
        return collect(f, c -> Keys.same(c.email(), email), Integer.MAX_VALUE);
    }

    /** How many customer entries have a login. */
    long count() {
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

    /** The keys of those values some customer has in this attribute: one OR filter per chunk of values. */
    Set<String> existing(Collection<String> values, String attribute, Function<Customer, String> field) {
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
    List<Customer> collect(Filter filter, Predicate<Customer> accept, int limit) {
        return collect(filter, true, accept, limit);
    }

    /**
     * The first {@code limit} accepted customers by login. With {@code sort}, sorted by the server when it can: one
     * request with the sort control and a size limit of {@code limit} (when {@code limit} is within
     * {@code page-size}) is then the answer, if the server sorted and Clientele's own rule accepted every entry it
     * sent; else a paged search, sorted if the server can, stopping at the first {@code limit} accepted entries
     * of sorted pages, or reading every match of unsorted ones. A page deep into the list
     * ({@link LdapCustomerStore#page}) does not ask: it would read as far either way, and a server sorts again for
     * every page of the paged search.
     */
    List<Customer> collect(Filter filter, boolean sort, Predicate<Customer> accept, int limit) {
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

    /**
     * How many entries searches have read since the store was made; shows whether a search stopped early. For tests.
     */
    long entriesRead() {
        return entriesRead.sum();
    }
}
