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
import com.unboundid.ldap.sdk.schema.Schema;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one LDAP back-end: a pool for searches and writes (bound as the service account, or anonymous),
 * and a pool set apart for users' binds, so that a user's bind never changes the identity of a search connection.
 * Both use one server set (failover or round-robin), the timeouts, TLS and health checks of the settings.
 *
 * <p>Every failure to reach the directory becomes a {@link BackendUnavailableException}; the caller decides what
 * other result codes mean.
 */
public final class LdapConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LdapConnections.class);
    /** The password modify extended operation (RFC 3062). */
    public static final String PASSWORD_MODIFY_OID = "1.3.6.1.4.1.4203.1.11.1";

    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    private final LDAPConnectionPool bindPool;
    private final RootDSE rootDse;

    private LdapConnections(LdapSettings settings, LDAPConnectionPool pool, LDAPConnectionPool bindPool,
            RootDSE rootDse) {
        this.settings = settings;
        this.pool = pool;
        this.bindPool = bindPool;
        this.rootDse = rootDse;
    }

    /**
     * Connects, binds as the service account and checks that the base DN (and the group DNs) exist and that the
     * schema knows every mapped attribute. Throws {@link BackendUnavailableException} if no server can be reached,
     * {@link ConfigurationException} naming the setting for a refused bind, a missing DN or an unknown attribute.
     */
    public static LdapConnections open(LdapSettings settings) {
        ServerSet servers = serverSet(settings);
        PostConnectProcessor startTls = settings.startTls() ? new StartTLSPostConnectProcessor(sslContext(settings))
                : null;
        BindRequest bind = serviceBind(settings);
        LDAPConnectionPool pool = null;
        LDAPConnectionPool bindPool = null;
        try {
            pool = pool(settings, servers, bind, startTls, "clientele-ldap-" + settings.name());
            bindPool = pool(settings, servers, bind, startTls, "clientele-ldap-" + settings.name() + "-binds");
            RootDSE root = pool.getRootDSE();
            LdapConnections connections = new LdapConnections(settings, pool, bindPool, root);
            connections.check();
            return connections;
        } catch (LDAPException e) {
            closeQuietly(pool, bindPool);
            throw startFailure(settings, e);
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

    private static RuntimeException startFailure(LdapSettings s, LDAPException e) {
        ResultCode rc = e.getResultCode();
        boolean refusedBind = rc == ResultCode.INVALID_CREDENTIALS || rc == ResultCode.INVALID_DN_SYNTAX
                || rc == ResultCode.INAPPROPRIATE_AUTHENTICATION
                || (rc == ResultCode.UNWILLING_TO_PERFORM && s.bindDn().isPresent());
        if (refusedBind) {
            String msg = "the directory refused the bind as '" + s.bindDn().orElse("(anonymous)")
                    + "' with the bind-password given (<masked>): " + describe(e);
            return new ConfigurationException(List.of(new Problem(s.key("bind-dn"), msg),
                    new Problem(s.key("bind-password"), "see " + s.key("bind-dn"))));
        }
        return new BackendUnavailableException(s.name(), "cannot connect to " + s.key("url") + " ("
                + s.describe() + "): " + describe(e), e);
    }

    private static BindRequest serviceBind(LdapSettings s) {
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

    private static LDAPConnectionPool pool(LdapSettings s, ServerSet servers, BindRequest bind,
            PostConnectProcessor startTls, String name) throws LDAPException {
        LDAPConnectionPool p = new LDAPConnectionPool(servers, bind, 1, s.poolSize(), startTls);
        p.setConnectionPoolName(name);
        p.setRetryFailedOperationsDueToInvalidConnections(true);
        p.setMaxConnectionAgeMillis(s.maxConnectionAge().toMillis());
        p.setHealthCheckIntervalMillis(s.healthCheckInterval().toMillis());
        // Read the root DSE in the background and after an error, so that dead connections are replaced.
        p.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck("", s.responseTimeout().toMillis(), false, false,
                false, false, true, true));
        p.setMaxWaitTimeMillis(s.responseTimeout().toMillis());
        p.setCreateIfNecessary(true);
        return p;
    }

    private static ServerSet serverSet(LdapSettings s) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, s.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(s.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        if ((s.ldaps() || s.startTls()) && !s.trustAll()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SocketFactory sockets = s.ldaps() ? sslContext(s).getSocketFactory() : SocketFactory.getDefault();
        List<LDAPURL> urls = s.urls();
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        if (urls.size() == 1) {
            return new SingleServerSet(hosts[0], ports[0], sockets, options);
        }
        if (s.serverSet() == LdapSettings.ServerSetKind.ROUND_ROBIN) {
            return new RoundRobinServerSet(hosts, ports, sockets, options);
        }
        FailoverServerSet failover = new FailoverServerSet(hosts, ports, sockets, options);
        // Connections to a server other than the first are replaced sooner, so they come back to the first server.
        failover.setMaxFailoverConnectionAgeMillis(s.failoverConnectionAge().toMillis());
        return failover;
    }

    private static SSLContext sslContext(LdapSettings s) {
        TrustManager trust;
        if (s.trustAll()) {
            LOG.warn("LDAP back-end '{}': {} is on: the directory's certificate is NOT checked (for tests only)",
                    s.name(), s.key("trust-all"));
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
            throw new ConfigurationException(s.key(s.trustStore().isPresent() ? "trust-store" : "url"),
                    "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Checks what only the server can tell: DNs that must exist, attributes the schema must know. */
    private void check() throws LDAPException {
        List<Problem> problems = new ArrayList<>();
        requireEntry(problems, "base-dn", settings.baseDn());
        if (!settings.groupBaseDn().equals(settings.baseDn())) {
            requireEntry(problems, "group-base-dn", settings.groupBaseDn());
        }
        settings.requiredGroupDn().ifPresent(dn -> requireEntry(problems, "required-group-dn", dn));
        Schema schema = schemaOrNull();
        // A server that publishes no attribute types (schema checking off) cannot tell: nothing is checked then.
        if (schema != null && !schema.getAttributeTypes().isEmpty()) {
            for (Map.Entry<String, String> a : settings.attributeOrigins().entrySet()) {
                if (schema.getAttributeType(a.getKey()) == null) {
                    String key = a.getValue();
                    int space = key.indexOf(' ');
                    String relative = space < 0 ? key : key.substring(0, space);
                    problems.add(new Problem(settings.key(relative), "the directory's schema has no attribute '"
                            + a.getKey() + "'" + (space < 0 ? "" : key.substring(space))));
                }
            }
        }
        if (settings.writable() && !settings.preset().activeDirectory()
                && !rootDse.supportsExtendedOperation(PASSWORD_MODIFY_OID)) {
            LOG.warn("LDAP back-end '{}' is writable but the directory does not announce the password modify "
                    + "extended operation: setting passwords will fail", settings.name());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private Schema schemaOrNull() {
        try {
            return pool.getSchema();
        } catch (LDAPException e) {
            LOG.debug("LDAP back-end '{}': cannot read the schema, mapped attributes are not checked: {}",
                    settings.name(), describe(e));
            return null;
        }
    }

    private void requireEntry(List<Problem> problems, String key, DN dn) {
        try {
            if (pool.getEntry(dn.toString(), "1.1") == null) {
                problems.add(new Problem(settings.key(key), "the directory has no entry '" + dn + "'"));
            }
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                problems.add(new Problem(settings.key(key), "the directory has no entry '" + dn + "'"));
            } else {
                throw unavailable("read '" + dn + "' (" + settings.key(key) + ")", e);
            }
        }
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
        int read = 0;
        int attempt = 0;
        while (true) {
            attempt++;
            LDAPConnection conn;
            try {
                conn = pool.getConnection();
            } catch (LDAPException e) {
                throw unavailable("search " + base, e);
            }
            boolean defunct = false;
            ASN1OctetString cookie = null;
            try {
                do {
                    SearchRequest request = new SearchRequest(base.toString(), scope, filter, attributes);
                    request.setTimeLimitSeconds((int) Math.min(Integer.MAX_VALUE, settings.timeLimit().toSeconds()));
                    request.setControls(new SimplePagedResultsControl(settings.pageSize(), cookie, false));
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
                                settings.name(), base, read + e.getEntryCount());
                        result = e.getSearchResult();
                        entries = e.getSearchEntries();
                        truncated = true;
                    }
                    for (SearchResultEntry entry : entries) {
                        read++;
                        if (!onEntry.test(entry)) {
                            abandonPaging(conn, request, cookie);
                            return;
                        }
                        if (settings.sizeLimit() > 0 && read >= settings.sizeLimit()) {
                            LOG.warn("LDAP back-end '{}': a search of {} stopped at {} = {} entries",
                                    settings.name(), base, settings.key("size-limit"), settings.sizeLimit());
                            abandonPaging(conn, request, SimplePagedResultsControl.get(result) == null ? null
                                    : SimplePagedResultsControl.get(result).getCookie());
                            return;
                        }
                    }
                    SimplePagedResultsControl paged = truncated ? null : SimplePagedResultsControl.get(result);
                    cookie = paged == null || paged.getCookie().getValueLength() == 0 ? null : paged.getCookie();
                } while (cookie != null);
                return;
            } catch (LDAPException e) {
                defunct = !e.getResultCode().isConnectionUsable();
                if (defunct && read == 0 && attempt == 1) {
                    LOG.debug("LDAP back-end '{}': search failed on a dead connection, retrying once: {}",
                            settings.name(), describe(e));
                    continue;
                }
                throw unavailable("search " + base + " for " + filter, e);
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
            request.setTimeLimitSeconds((int) Math.min(Integer.MAX_VALUE, settings.timeLimit().toSeconds()));
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
                    request.setControls(new SimplePagedResultsControl(settings.pageSize(), cookie, false));
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
                    if (defunct && !started && attempt == 1) {
                        LOG.debug("LDAP back-end '{}': search failed on a dead connection, retrying once: {}",
                                settings.name(), describe(e));
                        continue;
                    }
                    done = true;
                    if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                        throw new ClienteleException("LDAP back-end '" + settings.name() + "': the directory's size"
                                + " limit cut a walk over every entry of " + request.getBaseDN() + " after " + read
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

    /** Tells the server that no more pages are wanted (page size 0 with the last cookie). */
    private void abandonPaging(LDAPConnection conn, SearchRequest last, ASN1OctetString cookie) {
        if (cookie == null || cookie.getValueLength() == 0) {
            return;
        }
        try {
            SearchRequest stop = last.duplicate();
            stop.setControls(new SimplePagedResultsControl(0, cookie, false));
            conn.search(stop);
        } catch (LDAPException e) {
            LOG.debug("LDAP back-end '{}': ending a paged search: {}", settings.name(), describe(e));
        }
    }

    /**
     * Binds as {@code dn} with the password on the pool set apart for binds, then reverts that connection to the
     * service identity. Returns the result code: SUCCESS, or why the server refused. Unreachable server:
     * {@link BackendUnavailableException}.
     */
    public ResultCode bind(String dn, char[] password) {
        byte[] bytes = utf8(password);
        try {
            bindPool.bindAndRevertAuthentication(new SimpleBindRequest(dn, bytes));
            return ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (!e.getResultCode().isConnectionUsable() || e.getResultCode() == ResultCode.BUSY
                    || e.getResultCode() == ResultCode.UNAVAILABLE) {
                throw unavailable("bind", e);
            }
            return e.getResultCode();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The failure as a {@link BackendUnavailableException} of this back-end. */
    public BackendUnavailableException unavailable(String what, LDAPException e) {
        return new BackendUnavailableException(settings.name(), "cannot " + what + ": " + describe(e), e);
    }

    /** A write the directory refused for a reason other than a duplicate or a connection problem. */
    public ClienteleException refused(String what, LDAPException e) {
        if (!e.getResultCode().isConnectionUsable() || e.getResultCode() == ResultCode.BUSY
                || e.getResultCode() == ResultCode.UNAVAILABLE) {
            return unavailable(what, e);
        }
        return new ClienteleException("LDAP back-end '" + settings.name() + "': the directory refused to " + what
                + ": " + describe(e), e);
    }

    /** A result code and the server's message, for people. */
    public static String describe(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage();
        String message = diagnostic != null && !diagnostic.isBlank() ? diagnostic : e.getMessage();
        return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + ")"
                + (message == null || message.isBlank() ? "" : ": " + message);
    }

    @Override
    public void close() {
        closeQuietly(pool, bindPool);
    }
}
