package dev.clientele.ldap.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ServerSideSortRequestControl;
import com.unboundid.ldap.sdk.controls.ServerSideSortResponseControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.controls.SortKey;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searches of an LDAP back-end on its search pool: paged searches handed to a callback (sorted by the server
 * when it offers the server-side sort control), the first entries of a sorted search in one request, and the start
 * of a {@link PagedSearch} read by the caller. Owns the search settings' page size, time limit and
 * {@code size-limit}, and the retry of a search once on another connection when its connection was dead before
 * anything was read.
 */
final class LdapSearches {
    private static final Logger LOG = LoggerFactory.getLogger(LdapSearches.class);

    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final SearchSettings search;
    private final LDAPConnectionPool pool;
    private final RootDSE rootDse;

    LdapSearches(SettingsOrigin settings, SearchSettings search, LDAPConnectionPool pool, RootDSE rootDse) {
        this.settings = settings;
        this.search = search;
        this.pool = pool;
        this.rootDse = rootDse;
    }

    /**
     * Searches with the simple paged results control, a page at a time on one connection, handing each entry to
     * {@code onEntry} until it returns false. Reads at most {@code size-limit} entries (if set). A server-side size
     * limit without paging support ends the search with what was read (and a warning).
     */
    void search(DN base, SearchScope scope, Filter filter, String[] attributes,
            Predicate<SearchResultEntry> onEntry) {
        search(base, scope, filter, attributes, null, (entry, sorted) -> onEntry.test(entry));
    }

    /** True if the server offers the server-side sort control (RFC 2891), as its root DSE says. */
    boolean sorts() {
        return rootDse.supportsControl(ServerSideSortRequestControl.SERVER_SIDE_SORT_REQUEST_OID);
    }

    /**
     * Like {@link #search(DN, SearchScope, Filter, String[], Predicate)}, asking the server (when it {@link #sorts()})
     * to sort by {@code sortBy} case-insensitively; {@code onEntry} is told whether the page the entry came in was
     * sorted (the control is not critical: a server that cannot sort answers unsorted and says so).
     */
    void search(DN base, SearchScope scope, Filter filter, String[] attributes, @Nullable String sortBy,
            BiPredicate<SearchResultEntry, Boolean> onEntry) {
        Control sort = sortBy == null || !sorts() ? null
                : new ServerSideSortRequestControl(false, new SortKey(sortBy, "caseIgnoreOrderingMatch", false));
        int[] read = {0};
        onSearchConnection(base, filter, () -> read[0] == 0, conn -> {
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(base.toString(), scope, filter, attributes);
                request.setTimeLimitSeconds((int) Math.min(Integer.MAX_VALUE, search.timeLimit().toSeconds()));
                SimplePagedResultsControl page = new SimplePagedResultsControl(search.pageSize(), cookie, false);
                request.setControls(sort == null ? new Control[] {page} : new Control[] {page, sort});
                SearchResult result;
                List<SearchResultEntry> entries;
                boolean truncated = false;
                try {
                    result = conn.search(request);
                    entries = result.getSearchEntries();
                } catch (LDAPSearchException e) {
                    if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                        throw e;
                    }
                    LOG.warn("LDAP back-end '{}': the directory's size limit cut a search of {} at {} entries",
                            settings.name(), base, read[0] + e.getEntryCount());
                    result = e.getSearchResult();
                    entries = e.getSearchEntries();
                    truncated = true;
                }
                boolean sorted = sort != null && sortedBy(result);
                // the server's cookie for the next page: what ends the paged search there if we stop before it
                SimplePagedResultsControl paged = truncated ? null : SimplePagedResultsControl.get(result);
                cookie = paged == null || paged.getCookie().getValueLength() == 0 ? null : paged.getCookie();
                for (SearchResultEntry entry : entries) {
                    read[0]++;
                    if (!onEntry.test(entry, sorted)) {
                        PagedSearch.abandonPaging(settings, conn, request, cookie);
                        return null;
                    }
                    if (search.sizeLimit() > 0 && read[0] >= search.sizeLimit()) {
                        LOG.warn("LDAP back-end '{}': a search of {} stopped at {} = {} entries",
                                settings.name(), base, settings.key("size-limit"), search.sizeLimit());
                        PagedSearch.abandonPaging(settings, conn, request, cookie);
                        return null;
                    }
                }
            } while (cookie != null);
            return null;
        });
    }

    /** Work on a pooled connection. */
    private interface OnConnection<T> {
        T run(LDAPConnection connection) throws LDAPException;
    }

    /**
     * Runs a search's {@code work} on a pooled connection, and once more on another if the connection turned out
     * dead while {@code nothingRead} — not after a client-side timeout, which is the server being slow on this
     * search: retrying would only double the wait (and the server's load). A dead connection is dropped.
     */
    private <T> T onSearchConnection(DN base, Filter filter, java.util.function.BooleanSupplier nothingRead,
            OnConnection<T> work) {
        for (int attempt = 1; ; attempt++) {
            LDAPConnection conn;
            try {
                conn = pool.getConnection();
            } catch (LDAPException e) {
                throw LdapMessages.unavailable(settings.name(), "search " + base, e);
            }
            boolean defunct = false;
            try {
                return work.run(conn);
            } catch (LDAPException e) {
                defunct = !e.getResultCode().isConnectionUsable();
                if (defunct && nothingRead.getAsBoolean() && attempt == 1 && e.getResultCode() != ResultCode.TIMEOUT) {
                    LOG.debug("LDAP back-end '{}': search failed on a dead connection, retrying once: {}",
                            settings.name(), LdapMessages.describe(e));
                    continue;
                }
                throw LdapMessages.unavailable(settings.name(),
                        "search " + base + " for " + LdapMessages.shortened(filter.toString()), e);
            } finally {
                if (defunct) {
                    pool.releaseDefunctConnection(conn);
                } else {
                    pool.releaseConnection(conn);
                }
            }
        }
    }

    /**
     * The first entries of a search in the server's order by {@code sortBy}, as one request: the server-side sort
     * control, marked critical, and a size limit of {@code limit}; no paged results control (so nothing to end on the
     * server after it). {@link SortedHead#entries()} are the first {@code limit} matches in that order, or every
     * match if {@link SortedHead#complete()}. The control is critical because a server need not say that it sorted
     * an answer cut at the size limit (OpenLDAP's sssvlv sends no sort response control then): with a critical
     * control a server that cannot sort refuses the search instead of answering unsorted. Empty when the answer
     * cannot stand for the first ones: the server refused to sort (the attribute has no ordering rule there, too many
     * sorts at once, an administrative limit), said it did not sort, or its own size limit cut the search short of
     * {@code limit}. Call only when {@link #sorts()}; keep {@code limit} within what the server returns per request
     * (what {@code page-size} says).
     */
    Optional<SortedHead> searchSorted(DN base, SearchScope scope, Filter filter, String[] attributes, String sortBy,
            int limit) {
        SearchRequest request = new SearchRequest(base.toString(), scope, filter, attributes);
        request.setTimeLimitSeconds((int) Math.min(Integer.MAX_VALUE, search.timeLimit().toSeconds()));
        request.setSizeLimit(limit);
        request.setControls(new ServerSideSortRequestControl(true,
                new SortKey(sortBy, "caseIgnoreOrderingMatch", false)));
        return onSearchConnection(base, filter, () -> true, conn -> {
            SearchResult result;
            boolean cut = false;
            try {
                result = conn.search(request);
            } catch (LDAPSearchException e) {
                ResultCode rc = e.getResultCode();
                if (rc != ResultCode.SIZE_LIMIT_EXCEEDED && rc.isConnectionUsable() && rc != ResultCode.TIMEOUT
                        && rc != ResultCode.TIME_LIMIT_EXCEEDED) {
                    LOG.debug("LDAP back-end '{}': the directory would not sort a search of {}: {}",
                            settings.name(), base, LdapMessages.describe(e));
                    return Optional.empty();
                }
                if (rc != ResultCode.SIZE_LIMIT_EXCEEDED) {
                    throw e;
                }
                result = e.getSearchResult();
                cut = true;
            }
            List<SearchResultEntry> entries = result.getSearchEntries();
            // every match stands, in any order; a cut answer only if cut at this limit, and not said unsorted
            if (cut && (entries.size() < limit || saysUnsorted(result))) {
                return Optional.empty();
            }
            return Optional.of(new SortedHead(entries, !cut));
        });
    }

    /** True if the result has a sort response control saying that the server did not sort (or one it cannot read). */
    private static boolean saysUnsorted(SearchResult result) {
        try {
            ServerSideSortResponseControl c = ServerSideSortResponseControl.get(result);
            return c != null && c.getResultCode() != ResultCode.SUCCESS;
        } catch (LDAPException e) {
            return true;
        }
    }

    /**
     * The first entries of a sorted search ({@link #searchSorted}), in the server's order.
     *
     * @param entries  the first {@code limit} matches, or every match
     * @param complete true if these are every match (the size limit was not reached)
     */
    record SortedHead(List<SearchResultEntry> entries, boolean complete) {
    }

    /** True if the result says the server sorted it (a sort response control with success). */
    private static boolean sortedBy(SearchResult result) {
        try {
            ServerSideSortResponseControl c = ServerSideSortResponseControl.get(result);
            return c != null && c.getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            return false;
        }
    }

    /**
     * Starts a search with the simple paged results control that the caller reads a page at a time
     * ({@link PagedSearch#nextPage()}), for a walk over every entry. It holds one pooled connection from the first
     * page until it ends or is closed (a server goes on with a paged search only on the connection that began it).
     * {@code size-limit} does not apply: the caller holds one page, not the whole answer. A server that cuts the
     * search at its own size limit fails the walk rather than ending it short.
     */
    PagedSearch pagedSearch(DN base, SearchScope scope, Filter filter, String[] attributes) {
        return new PagedSearch(settings, search, pool, new SearchRequest(base.toString(), scope, filter, attributes));
    }
}
