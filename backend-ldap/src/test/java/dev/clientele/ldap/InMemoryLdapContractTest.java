package dev.clientele.ldap;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.ldap.testing.CompositeBackend;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.spi.CustomerBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The back-end contract on the UnboundID in-memory directory server: customers and passwords in the directory
 * (writable mode; each back-end gets a fresh subtree), the other stores in memory.
 */
@DisplayName("LDAP back-end contract on the UnboundID in-memory directory server")
class InMemoryLdapContractTest extends CustomerBackendContract {
    private static InMemoryTestDirectory server;

    @BeforeAll
    static void startServer() {
        server = InMemoryTestDirectory.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected CustomerBackend newBackend(String name) {
        LdapBackend ldap = LdapBackend.create(name, server.contractSettings(server.newSubtree(name)));
        return new CompositeBackend(ldap, MemoryBackend.create(name));
    }

    @Override
    protected CustomerBackend newReadOnlyBackend(String name) {
        return LdapBackend.create(name, server.settings(server.newSubtree(name)));
    }
}
