package dev.clientele.ldap.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search with the simple paged results control that the caller reads a page at a time ({@link #nextPage()}), for a
 * walk over every entry; started by {@link LdapSearches#pagedSearch}. It owns one pooled connection from the first
 * page until the search ends or is closed (a server goes on with a paged search only on the connection that began
 * it), the retry of the first page once on another connection when its connection was dead, and ending the paged
 * search on the server when pages are left ({@link #abandonPaging}, which {@link LdapSearches} uses too). Not
 * thread-safe.
 */
final class PagedSearch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PagedSearch.class);

    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final SearchSettings search;
    private final LDAPConnectionPool pool;
    private final SearchRequest request;
    private LDAPConnection conn;
    private ASN1OctetString cookie;
    private boolean started;
    private boolean done;
    private long read;

    PagedSearch(SettingsOrigin settings, SearchSettings search, LDAPConnectionPool pool, SearchRequest request) {
        this.settings = settings;
        this.search = search;
        this.pool = pool;
        this.request = request;
        request.setTimeLimitSeconds((int) Math.min(Integer.MAX_VALUE, search.timeLimit().toSeconds()));
    }

    /** The next page of entries; empty when the search has ended (the connection is then released). */
    List<SearchResultEntry> nextPage() {
        if (done || (started && cookie == null)) {
            close();
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            if (conn == null) {
                try {
                    conn = pool.getConnection();
                } catch (LDAPException e) {
                    done = true;
                    throw LdapMessages.unavailable(settings.name(), "search " + request.getBaseDN(), e);
                }
            }
            try {
                request.setControls(new SimplePagedResultsControl(search.pageSize(), cookie, false));
                SearchResult result = conn.search(request);
                started = true;
                SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
                cookie = paged == null || paged.getCookie().getValueLength() == 0 ? null : paged.getCookie();
                List<SearchResultEntry> entries = result.getSearchEntries();
                read += entries.size();
                if (cookie == null) {
                    release(false);
                }
                return entries;
            } catch (LDAPException e) {
                boolean defunct = !e.getResultCode().isConnectionUsable();
                release(defunct);
                if (defunct && !started && attempt == 1 && e.getResultCode() != ResultCode.TIMEOUT) {
                    LOG.debug("LDAP back-end '{}': search failed on a dead connection, retrying once: {}",
                            settings.name(), LdapMessages.describe(e));
                    continue;
                }
                done = true;
                if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                    throw new dev.clientele.BackendRefusedException(settings.name(), "LDAP back-end '"
                            + settings.name() + "': the directory's size limit cut a walk over every entry of "
                            + request.getBaseDN() + " after " + read
                            + " entries; raise the limit for the service account (or enable paged results)");
                }
                throw LdapMessages.unavailable(settings.name(),
                        "search " + request.getBaseDN() + " for " + request.getFilter(), e);
            }
        }
    }

    private void release(boolean defunct) {
        if (conn == null) {
            return;
        }
        if (defunct) {
            pool.releaseDefunctConnection(conn);
        } else {
            pool.releaseConnection(conn);
        }
        conn = null;
    }

    /** Ends the search: tells the server (if pages were left) and gives the connection back. Idempotent. */
    @Override
    public void close() {
        done = true;
        if (conn != null) {
            abandonPaging(settings, conn, request, cookie);
            release(false);
        }
    }

    /**
     * Tells the server that no more pages are wanted: the last request again with page size 0 and the cookie it
     * answered with, its other controls kept (a paged search goes on only with the same request; the sort of a sorted
     * one is the server's to drop).
     */
    static void abandonPaging(SettingsOrigin settings, LDAPConnection conn, SearchRequest last,
            ASN1OctetString cookie) {
        if (cookie == null || cookie.getValueLength() == 0) {
            return;
        }
        try {
            SearchRequest stop = last.duplicate();
            List<Control> controls = new java.util.ArrayList<>();
            controls.add(new SimplePagedResultsControl(0, cookie, false));
            for (Control c : last.getControls()) {
                if (!c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                    controls.add(c);
                }
            }
            stop.setControls(controls);
            conn.search(stop);
        } catch (LDAPException e) {
            LOG.debug("LDAP back-end '{}': ending a paged search: {}", settings.name(), LdapMessages.describe(e));
        }
    }
}
