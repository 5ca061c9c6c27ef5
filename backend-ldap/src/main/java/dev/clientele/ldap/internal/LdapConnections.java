package dev.clientele.ldap.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.RoundRobinServerSet;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.controls.ServerSideSortRequestControl;
import com.unboundid.ldap.sdk.controls.ServerSideSortResponseControl;
import com.unboundid.ldap.sdk.controls.SortKey;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one LDAP back-end: a pool for searches and writes (bound as the service account, or anonymous),
 * and a pool used only for users' binds, whose connections are opened without any bind and never search or write:
 * a user's identity never reaches a search connection. Both use one server set (failover or round-robin), the
 * timeouts, TLS and health checks of the settings.
 *
 * <p>Every failure to reach the directory becomes a {@link BackendUnavailableException}; the caller decides what
 * other result codes mean.
 */
public final class LdapConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LdapConnections.class);
    /** The password modify extended operation (RFC 3062). */
    public static final String PASSWORD_MODIFY_OID = "1.3.6.1.4.1.4203.1.11.1";

    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final SearchSettings search;
    private final LDAPConnectionPool pool;
    private final LDAPConnectionPool bindPool;
    private final RootDSE rootDse;

    private LdapConnections(SettingsOrigin origin, SearchSettings search, LDAPConnectionPool pool,
            LDAPConnectionPool bindPool, RootDSE rootDse) {
        this.settings = origin;
        this.search = search;
        this.pool = pool;
        this.bindPool = bindPool;
        this.rootDse = rootDse;
    }

    /**
     * Connects the search pool, bound as the service account, and the pool for users' binds, and reads the root DSE.
     * Throws {@link BackendUnavailableException} naming {@code url} if no server can be reached,
     * {@link ConfigurationException} naming {@code bind-dn} and {@code bind-password} if the service bind is refused.
     * What the directory must hold is checked by {@link DirectoryCheck}.
     */
    public static LdapConnections open(SettingsOrigin origin, ServerSettings servers, TlsSettings tls,
            PoolSettings pools, BindSettings bind, SearchSettings search) {
        ServerSet serverSet = serverSet(origin, servers, tls, pools.failoverConnectionAge());
        PostConnectProcessor startTls = tls.startTls() ? new StartTLSPostConnectProcessor(sslContext(origin, tls))
                : null;
        LDAPConnectionPool pool = null;
        LDAPConnectionPool bindPool = null;
        try {
            pool = pool(servers, pools, serverSet, serviceBind(bind), startTls, "clientele-ldap-" + origin.name());
            // No bind when a connection is made: each is bound only by the user whose password it checks.
            bindPool = pool(servers, pools, serverSet, null, startTls, "clientele-ldap-" + origin.name() + "-binds");
            RootDSE root = pool.getRootDSE();
            return new LdapConnections(origin, search, pool, bindPool, root);
        } catch (LDAPException e) {
            closeQuietly(pool, bindPool);
            throw startFailure(origin, servers, tls, bind, e);
        } catch (RuntimeException e) {
            closeQuietly(pool, bindPool);
            throw e;
        }
    }

    private static void closeQuietly(LDAPConnectionPool... pools) {
        for (LDAPConnectionPool p : pools) {
            if (p != null) {
                p.close();
            }
        }
    }

    private static RuntimeException startFailure(SettingsOrigin o, ServerSettings servers, TlsSettings tls,
            BindSettings bind, LDAPException e) {
        ResultCode rc = e.getResultCode();
        boolean refusedBind = rc == ResultCode.INVALID_CREDENTIALS || rc == ResultCode.INVALID_DN_SYNTAX
                || rc == ResultCode.INAPPROPRIATE_AUTHENTICATION
                || (rc == ResultCode.UNWILLING_TO_PERFORM && bind.bindDn().isPresent());
        if (refusedBind) {
            String msg = "the directory refused the bind as '" + bind.bindDn().orElse("(anonymous)")
                    + "' with the bind-password given (" + dev.clientele.spi.Secrets.MASK + "): " + describe(e);
            return new ConfigurationException(List.of(new Problem(o.key("bind-dn"), msg),
                    new Problem(o.key("bind-password"), "see " + o.key("bind-dn"))));
        }
        return new BackendUnavailableException(o.name(), "cannot connect to " + o.key("url") + " ("
                + servers.describe() + (tls.startTls() ? " with StartTLS" : "") + ", " + bind.describe() + "): "
                + describe(e), e);
    }

    private static BindRequest serviceBind(BindSettings s) {
        if (s.bindDn().isEmpty()) {
            return null;
        }
        char[] pw = s.bindPassword().orElseThrow();
        byte[] bytes = utf8(pw);
        Arrays.fill(pw, '\0');
        return new SimpleBindRequest(s.bindDn().get(), bytes);
    }

    /** UTF-8 bytes of a password, without making a String of it. */
    static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    private static LDAPConnectionPool pool(ServerSettings servers, PoolSettings s, ServerSet serverSet,
            BindRequest bind, PostConnectProcessor startTls, String name) throws LDAPException {
        LDAPConnectionPool p = new LDAPConnectionPool(serverSet, bind, 1, s.size(), startTls);
        p.setConnectionPoolName(name);
        p.setRetryFailedOperationsDueToInvalidConnections(true);
        p.setMaxConnectionAgeMillis(s.maxConnectionAge().toMillis());
        p.setHealthCheckIntervalMillis(s.healthCheckInterval().toMillis());
        // Read the root DSE in the background and after an error, so that dead connections are replaced.
        p.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck("", servers.responseTimeout().toMillis(), false,
                false, false, false, true, true));
        p.setMaxWaitTimeMillis(servers.responseTimeout().toMillis());
        p.setCreateIfNecessary(true);
        return p;
    }

    private static ServerSet serverSet(SettingsOrigin o, ServerSettings s, TlsSettings tls, Duration failoverAge) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, s.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(s.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        if ((s.ldaps() || tls.startTls()) && !tls.trustAll()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SocketFactory sockets = s.ldaps() ? sslContext(o, tls).getSocketFactory() : SocketFactory.getDefault();
        List<LDAPURL> urls = s.urls();
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        if (urls.size() == 1) {
            return new SingleServerSet(hosts[0], ports[0], sockets, options);
        }
        if (s.serverSet() == ServerSettings.ServerSetKind.ROUND_ROBIN) {
            return new RoundRobinServerSet(hosts, ports, sockets, options);
        }
        FailoverServerSet failover = new FailoverServerSet(hosts, ports, sockets, options);
        // Connections to a server other than the first are replaced sooner, so they come back to the first server.
        failover.setMaxFailoverConnectionAgeMillis(failoverAge.toMillis());
        return failover;
    }

    private static SSLContext sslContext(SettingsOrigin o, TlsSettings s) {
        TrustManager trust;
        if (s.trustAll()) {
            LOG.warn("LDAP back-end '{}': {} is on: the directory's certificate is NOT checked (for tests only)",
                    o.name(), o.key("trust-all"));
            trust = new TrustAllTrustManager();
        } else if (s.trustStore().isPresent()) {
            char[] pin = s.trustStorePassword().orElse(null);
            trust = new TrustStoreTrustManager(s.trustStore().get(), pin, s.trustStoreType().orElse(null), true);
        } else {
            trust = JVMDefaultTrustManager.getInstance();
        }
        try {
            return new SSLUtil(trust).createSSLContext();
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(o.key(s.trustStore().isPresent() ? "trust-store" : "url"),
                    "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The root DSE read when the connections were opened. */
    public RootDSE rootDse() {
        return rootDse;
    }

    // ----- operations ------------------------------------------------------------------------------------------

    /** Something done with the search pool that may fail with an LDAPException. */
    @FunctionalInterface
    public interface Call<T> {
        T run(LDAPConnectionPool pool) throws LDAPException;
    }

    /** Runs a call on the search pool; an LDAP failure becomes a {@link BackendUnavailableException}. */
    public <T> T read(String what, Call<T> call) {
        try {
            return call.run(pool);
        } catch (LDAPException e) {
            throw unavailable(what, e);
        }
    }

    /** Runs a call on the search pool and hands any LDAP failure back to the caller to interpret. */
    public <T> T call(Call<T> call) throws LDAPException {
        return call.run(pool);
    }

    /**
     * Searches with the simple paged results control, a page at a time on one connection, handing each entry to
     * {@code onEntry} until it returns false. Reads at most {@code size-limit} entries (if set). A server-side size
     * limit without paging support ends the search with what was read (and a warning).
     */
    public void search(DN base, SearchScope scope, Filter filter, String[] attributes,
            Predicate<SearchResultEntry> onEntry) {
        search(base, scope, filter, attributes, null, (entry, sorted) -> onEntry.test(entry));
    }

    /** True if the server offers the server-side sort control (RFC 2891), as its root DSE says. */
    public boolean sorts() {
        return rootDse.supportsControl(ServerSideSortRequestControl.SERVER_SIDE_SORT_REQUEST_OID);
    }

    /**
     * Like {@link #search(DN, SearchScope, Filter, String[], Predicate)}, asking the server (when it {@link #sorts()})
     * to sort by {@code sortBy} case-insensitively; {@code onEntry} is told whether the page the entry came in was
     * sorted (the control is not critical: a server that cannot sort answers unsorted and says so).
     */
    public void search(DN base, SearchScope scope, Filter filter, String[] attributes, @Nullable String sortBy,
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
                        abandonPaging(conn, request, cookie);
                        return null;
                    }
                    if (search.sizeLimit() > 0 && read[0] >= search.sizeLimit()) {
                        LOG.warn("LDAP back-end '{}': a search of {} stopped at {} = {} entries",
                                settings.name(), base, settings.key("size-limit"), search.sizeLimit());
                        abandonPaging(conn, request, cookie);
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
                throw unavailable("search " + base, e);
            }
            boolean defunct = false;
            try {
                return work.run(conn);
            } catch (LDAPException e) {
                defunct = !e.getResultCode().isConnectionUsable();
                if (defunct && nothingRead.getAsBoolean() && attempt == 1 && e.getResultCode() != ResultCode.TIMEOUT) {
                    LOG.debug("LDAP back-end '{}': search failed on a dead connection, retrying once: {}",
                            settings.name(), describe(e));
                    continue;
                }
                throw unavailable("search " + base + " for " + shortened(filter.toString()), e);
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
    public java.util.Optional<SortedHead> searchSorted(DN base, SearchScope scope, Filter filter, String[] attributes,
            String sortBy, int limit) {
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
                            settings.name(), base, describe(e));
                    return java.util.Optional.empty();
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
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new SortedHead(entries, !cut));
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
    public record SortedHead(List<SearchResultEntry> entries, boolean complete) {
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
    public PagedSearch pagedSearch(DN base, SearchScope scope, Filter filter, String[] attributes) {
        return new PagedSearch(new SearchRequest(base.toString(), scope, filter, attributes));
    }

    /** A paged search read by the caller, page by page; see {@link #pagedSearch}. Not thread-safe. */
    public final class PagedSearch implements AutoCloseable {
        private final SearchRequest request;
        private LDAPConnection conn;
        private ASN1OctetString cookie;
        private boolean started;
        private boolean done;
        private long read;

        private PagedSearch(SearchRequest request) {
            this.request = request;
            request.setTimeLimitSeconds((int) Math.min(Integer.MAX_VALUE, search.timeLimit().toSeconds()));
        }

        /** The next page of entries; empty when the search has ended (the connection is then released). */
        public List<SearchResultEntry> nextPage() {
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
                        throw unavailable("search " + request.getBaseDN(), e);
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
                                settings.name(), describe(e));
                        continue;
                    }
                    done = true;
                    if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                        throw new dev.clientele.BackendRefusedException(settings.name(), "LDAP back-end '"
                                + settings.name() + "': the directory's size limit cut a walk over every entry of "
                                + request.getBaseDN() + " after " + read
                                + " entries; raise the limit for the service account (or enable paged results)");
                    }
                    throw unavailable("search " + request.getBaseDN() + " for " + request.getFilter(), e);
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
                abandonPaging(conn, request, cookie);
                release(false);
            }
        }
    }

    /**
     * Tells the server that no more pages are wanted: the last request again with page size 0 and the cookie it
     * answered with, its other controls kept (a paged search goes on only with the same request; the sort of a sorted
     * one is the server's to drop).
     */
    private void abandonPaging(LDAPConnection conn, SearchRequest last, ASN1OctetString cookie) {
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
            LOG.debug("LDAP back-end '{}': ending a paged search: {}", settings.name(), describe(e));
        }
    }

    /**
     * One simple bind as {@code dn} with the password, on a connection of the pool used only for users' binds.
     * Returns the result code: SUCCESS, or why the server refused. A connection whose bind was refused is closed
     * (never handed back in an unknown state); one bound as a user goes back to that pool, where it will only ever
     * be bound again. A dead connection is replaced and the bind tried once more on another. Unreachable server:
     * {@link BackendUnavailableException}.
     */
    public ResultCode bindAsUser(String dn, char[] password) {
        byte[] bytes = utf8(password);
        try {
            for (int attempt = 1; ; attempt++) {
                LDAPConnection conn;
                try {
                    conn = bindPool.getConnection();
                } catch (LDAPException e) {
                    throw unavailable("bind", e);
                }
                boolean bound = false;
                try {
                    conn.bind(new SimpleBindRequest(dn, bytes));
                    bound = true;
                    return ResultCode.SUCCESS;
                } catch (LDAPException e) {
                    ResultCode rc = e.getResultCode();
                    if (!rc.isConnectionUsable() && attempt == 1 && rc != ResultCode.TIMEOUT) {
                        LOG.debug("LDAP back-end '{}': bind failed on a dead connection, retrying once: {}",
                                settings.name(), describe(e));
                        continue;
                    }
                    if (!rc.isConnectionUsable() || rc == ResultCode.BUSY || rc == ResultCode.UNAVAILABLE) {
                        throw unavailable("bind", e);
                    }
                    return rc;
                } finally {
                    if (bound) {
                        bindPool.releaseConnection(conn);
                    } else {
                        bindPool.releaseDefunctConnection(conn);
                    }
                }
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The failure as a {@link BackendUnavailableException} of this back-end. */
    public BackendUnavailableException unavailable(String what, LDAPException e) {
        return new BackendUnavailableException(settings.name(), "cannot " + shortened(what) + ": " + describe(e),
                bounded(e));
    }

    /** The longest piece of a filter, value or server message put into an exception message or a log line. */
    static final int MAX_SHOWN = 200;

    /** Text cut to {@value #MAX_SHOWN} characters (a filter or a value can be megabytes long), saying how long it was. */
    public static String shortened(String text) {
        if (text == null || text.length() <= MAX_SHOWN) {
            return text;
        }
        return text.substring(0, MAX_SHOWN) + "... (" + text.length() + " characters)";
    }

    /**
     * A copy of the SDK's exception with its message shortened: the SDK's own message of a client-side timeout
     * quotes the whole request, filter included. Same result code and stack trace; the SDK's cause is not copied.
     */
    static LDAPException bounded(LDAPException e) {
        LDAPException copy = new LDAPException(e.getResultCode(), shortened(e.getMessage()),
                shortened(e.getMatchedDN()), null);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A write the directory refused for a reason other than a duplicate or a connection problem. */
    public ClienteleException refused(String what, LDAPException e) {
        if (!e.getResultCode().isConnectionUsable() || e.getResultCode() == ResultCode.BUSY
                || e.getResultCode() == ResultCode.UNAVAILABLE) {
            return unavailable(what, e);
        }
        return new dev.clientele.BackendRefusedException(settings.name(),
                "LDAP back-end '" + settings.name() + "': the directory refused to " + shortened(what)
                + ": " + describe(e), bounded(e));
    }

    /**
     * A result code and the server's message, for people. A failure to reach the server says why in a few words
     * ({@code connect error (91): connection refused (server 127.0.0.1:1)}), not in the SDK's nested message with its
     * version and revision.
     */
    public static String describe(LDAPException e) {
        String network = network(e);
        if (network != null) {
            return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + "): " + network;
        }
        String diagnostic = e.getDiagnosticMessage();
        String message = diagnostic != null && !diagnostic.isBlank() ? diagnostic : e.getMessage();
        return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + ")"
                + (message == null || message.isBlank() ? "" : ": " + shortened(message));
    }

    /** Why the server could not be reached, from the network exception under the SDK's, or null if none is. */
    private static String network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused" + address(e);
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host " + shortened(String.valueOf(t.getMessage()).replaceFirst(":.*", ""));
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "no answer in time" + address(e);
            }
            if (t instanceof java.net.NoRouteToHostException) {
                return "no route to host" + address(e);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile(
            "to (?:establish a connection to )?server /?([^\\s:]+:\\d+)");

    /** {@code " (server HOST:PORT)"}, as the SDK names the server in its message, or nothing. */
    private static String address(Throwable e) {
        java.util.regex.Matcher m = SERVER.matcher(String.valueOf(e.getMessage()));
        return m.find() ? " (server " + m.group(1) + ")" : "";
    }

    @Override
    public void close() {
        closeQuietly(pool, bindPool);
    }
}
