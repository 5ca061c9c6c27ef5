package dev.clientele.ldap.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clientele.Customer;
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The directory entry of each login, as the store, the password verifier and the membership store read it: one
 * search by login (an error naming the entries if the directory has several), remembered for the thread's session
 * (one directory call, {@link #inSession}) and forgotten at every write ({@link #written()}); and the entry DN of
 * each customer object {@link #findByLogin} handed out, so that a login binds as that customer without searching for
 * its entry again.
 */
final class CustomerEntries {
    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final SearchSettings search;
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

    CustomerEntries(SettingsOrigin settings, SearchSettings search, LdapSearches searches, CustomerMapper mapper) {
        this.settings = settings;
        this.search = search;
        this.searches = searches;
        this.mapper = mapper;
    }

    /** The one entry of this login; empty if none; an error naming the login if the directory has several. */
    Optional<SearchResultEntry> entryOf(String login) {
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
    <T> T inSession(Supplier<T> work) {
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
    void written() {
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
    Optional<Customer> findByLogin(String login) {
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
    Optional<String> locatedDn(Customer customer) {
        return Optional.ofNullable(located.getIfPresent(customer));
    }
}
