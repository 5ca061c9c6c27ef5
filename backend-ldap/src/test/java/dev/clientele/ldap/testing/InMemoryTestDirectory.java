package dev.clientele.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.function.Consumer;

/**
 * The UnboundID in-memory directory server on 127.0.0.1, on port 0 (the port it got is read back) or on a given one
 * (to come back on the same port after a stop). Standard schema (inetOrgPerson, groups, posixGroup) unless told
 * otherwise.
 */
public final class InMemoryTestDirectory implements TestDirectory {
    private final InMemoryDirectoryServer server;
    private final int port;

    private InMemoryTestDirectory(InMemoryDirectoryServerConfig config) throws LDAPException, LDIFException {
        this.server = new InMemoryDirectoryServer(config);
        server.add("dn: " + SUFFIX, "objectClass: top", "objectClass: domain", "dc: example");
        server.startListening();
        this.port = server.getListenPort();
    }

    /** A server on a free port with the standard schema. */
    public static InMemoryTestDirectory start() {
        return start(0, c -> { });
    }

    /** A server on this port (0: a free one), after {@code configure} changed its configuration. */
    public static InMemoryTestDirectory start(int port, Consumer<InMemoryDirectoryServerConfig> configure) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
            config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getLoopbackAddress(), port, null));
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), posixGroupSchema()));
            configure.accept(config);
            return new InMemoryTestDirectory(config);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("cannot start the in-memory directory: " + e.getMessage(), e);
        }
    }

    private static Schema posixGroupSchema() {
        try (java.io.InputStream in = InMemoryTestDirectory.class.getResourceAsStream("/rfc2307-groups.ldif")) {
            return Schema.getSchema(in);
        } catch (java.io.IOException | LDIFException e) {
            throw new IllegalStateException("cannot read the posixGroup schema", e);
        }
    }

    /** Configuration change: no schema at all (Active Directory-shaped entries). */
    public static Consumer<InMemoryDirectoryServerConfig> noSchema() {
        return c -> c.setSchema(null);
    }

    /** Configuration change: an interceptor. */
    public static Consumer<InMemoryDirectoryServerConfig> intercept(InMemoryOperationInterceptor interceptor) {
        return c -> c.addInMemoryOperationInterceptor(interceptor);
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public int port() {
        return port;
    }

    /** Stops listening and closes every client connection, as a crashed server would. */
    public void stop() {
        server.shutDown(true);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
