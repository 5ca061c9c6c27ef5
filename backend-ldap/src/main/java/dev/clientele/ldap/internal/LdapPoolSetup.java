package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RoundRobinServerSet;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the connections of an LDAP back-end are made from its settings: the server set (one server, failover or
 * round-robin) with the connect and response timeouts, the TLS context (trust store, the JVM's trust, or none for
 * tests) and host name check, the service account's bind request, a pool with its health check, and what a failure
 * to start means (a bind refused is a {@link ConfigurationException}, anything else the back-end unavailable).
 * Static: {@link LdapConnections#open} uses it once.
 */
final class LdapPoolSetup {
    private static final Logger LOG = LoggerFactory.getLogger(LdapPoolSetup.class);

    private LdapPoolSetup() {
    }

    /** Closes the pools that were made (null for one that was not). */
    static void closeQuietly(LDAPConnectionPool... pools) {
        for (LDAPConnectionPool p : pools) {
            if (p != null) {
                p.close();
            }
        }
    }

    /** What a failure to open the connections means: the service bind refused, or no server reached. */
    static RuntimeException startFailure(SettingsOrigin o, ServerSettings servers, TlsSettings tls,
            BindSettings bind, LDAPException e) {
        ResultCode rc = e.getResultCode();
        boolean refusedBind = rc == ResultCode.INVALID_CREDENTIALS || rc == ResultCode.INVALID_DN_SYNTAX
                || rc == ResultCode.INAPPROPRIATE_AUTHENTICATION
                || (rc == ResultCode.UNWILLING_TO_PERFORM && bind.bindDn().isPresent());
        if (refusedBind) {
            String msg = "the directory refused the bind as '" + bind.bindDn().orElse("(anonymous)")
                    + "' with the bind-password given (" + dev.clientele.spi.Secrets.MASK + "): "
                    + LdapMessages.describe(e);
            return new ConfigurationException(List.of(new Problem(o.key("bind-dn"), msg),
                    new Problem(o.key("bind-password"), "see " + o.key("bind-dn"))));
        }
        return new BackendUnavailableException(o.name(), "cannot connect to " + o.key("url") + " ("
                + servers.describe() + (tls.startTls() ? " with StartTLS" : "") + ", " + bind.describe() + "): "
                + LdapMessages.describe(e), e);
    }

    /** The service account's bind, or null for anonymous; the password's chars are cleared once encoded. */
    static BindRequest serviceBind(BindSettings s) {
        if (s.bindDn().isEmpty()) {
            return null;
        }
        char[] pw = s.bindPassword().orElseThrow();
        byte[] bytes = UserBinds.utf8(pw);
        Arrays.fill(pw, '\0');
        return new SimpleBindRequest(s.bindDn().get(), bytes);
    }

    /** A pool on the server set, each connection bound with {@code bind} (none if null) once made. */
    static LDAPConnectionPool pool(ServerSettings servers, PoolSettings s, ServerSet serverSet,
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

    /** The servers of {@code url}, with the timeouts, the TLS socket factory (ldaps) and the host name check. */
    static ServerSet serverSet(SettingsOrigin o, ServerSettings s, TlsSettings tls, Duration failoverAge) {
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

    /** The TLS context of the trust settings; a trust store that cannot be read names its key. */
    static SSLContext sslContext(SettingsOrigin o, TlsSettings s) {
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
}
