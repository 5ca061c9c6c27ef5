package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;

/**
 * The connections of one LDAP back-end: a pool for searches and writes (bound as the service account, or anonymous),
 * and a pool used only for users' binds, whose connections are opened without any bind and never search or write:
 * a user's identity never reaches a search connection. Both use one server set (failover or round-robin), the
 * timeouts, TLS and health checks of the settings.
 *
 * <p>Every failure to reach the directory becomes a {@link BackendUnavailableException}; the caller decides what
 * other result codes mean.
 *
 * <p>This class owns the two pools, their opening and closing, and single calls on the search pool. How they are
 * made from the settings is {@link LdapPoolSetup}'s; searches are {@link #searches()}, users' binds
 * {@link #userBinds()}; the text of failures is {@link LdapMessages}'.
 */
public final class LdapConnections implements AutoCloseable {
    /** The password modify extended operation (RFC 3062). */
    public static final String PASSWORD_MODIFY_OID = "1.3.6.1.4.1.4203.1.11.1";

    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final LDAPConnectionPool pool;
    private final LDAPConnectionPool bindPool;
    private final RootDSE rootDse;
    private final LdapSearches searches;
    private final UserBinds userBinds;

    private LdapConnections(SettingsOrigin origin, SearchSettings search, LDAPConnectionPool pool,
            LDAPConnectionPool bindPool, RootDSE rootDse) {
        this.settings = origin;
        this.pool = pool;
        this.bindPool = bindPool;
        this.rootDse = rootDse;
        this.searches = new LdapSearches(origin, search, pool, rootDse);
        this.userBinds = new UserBinds(origin, bindPool);
    }

    /**
     * Connects the search pool, bound as the service account, and the pool for users' binds, and reads the root DSE.
     * Throws {@link BackendUnavailableException} naming {@code url} if no server can be reached,
     * {@link ConfigurationException} naming {@code bind-dn} and {@code bind-password} if the service bind is refused.
     * What the directory must hold is checked by {@link DirectoryCheck}.
     */
    public static LdapConnections open(SettingsOrigin origin, ServerSettings servers, TlsSettings tls,
            PoolSettings pools, BindSettings bind, SearchSettings search) {
        ServerSet serverSet = LdapPoolSetup.serverSet(origin, servers, tls, pools.failoverConnectionAge());
        PostConnectProcessor startTls = tls.startTls()
                ? new StartTLSPostConnectProcessor(LdapPoolSetup.sslContext(origin, tls)) : null;
        LDAPConnectionPool pool = null;
        LDAPConnectionPool bindPool = null;
        try {
            pool = LdapPoolSetup.pool(servers, pools, serverSet, LdapPoolSetup.serviceBind(bind), startTls,
                    "clientele-ldap-" + origin.name());
            // No bind when a connection is made: each is bound only by the user whose password it checks.
            bindPool = LdapPoolSetup.pool(servers, pools, serverSet, null, startTls,
                    "clientele-ldap-" + origin.name() + "-binds");
            RootDSE root = pool.getRootDSE();
            return new LdapConnections(origin, search, pool, bindPool, root);
        } catch (LDAPException e) {
            LdapPoolSetup.closeQuietly(pool, bindPool);
            throw LdapPoolSetup.startFailure(origin, servers, tls, bind, e);
        } catch (RuntimeException e) {
            LdapPoolSetup.closeQuietly(pool, bindPool);
            throw e;
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

    /** The searches on the search pool: paged, sorted, or read page by page by the caller. */
    LdapSearches searches() {
        return searches;
    }

    /** Users' binds, on the pool used only for them. */
    UserBinds userBinds() {
        return userBinds;
    }

    /** The failure as a {@link BackendUnavailableException} of this back-end. */
    public BackendUnavailableException unavailable(String what, LDAPException e) {
        return LdapMessages.unavailable(settings.name(), what, e);
    }

    /** A write the directory refused for a reason other than a duplicate or a connection problem. */
    public ClienteleException refused(String what, LDAPException e) {
        return LdapMessages.refused(settings.name(), what, e);
    }

    @Override
    public void close() {
        LdapPoolSetup.closeQuietly(pool, bindPool);
    }
}
