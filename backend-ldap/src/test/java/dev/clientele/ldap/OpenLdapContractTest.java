package dev.clientele.ldap;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.ldap.testing.CompositeBackend;
import dev.clientele.ldap.testing.SlapdTestDirectory;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.spi.CustomerBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back-end contract on a real OpenLDAP slapd, started for this class in a temporary folder on a free loopback
 * port. Skipped when slapd is not installed.
 */
@DisplayName("LDAP back-end contract on OpenLDAP slapd")
class OpenLdapContractTest extends CustomerBackendContract {
    @TempDir
    static Path folder;
    private static SlapdTestDirectory server;

    @BeforeAll
    static void startServer() {
        server = SlapdTestDirectory.start(folder);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
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
