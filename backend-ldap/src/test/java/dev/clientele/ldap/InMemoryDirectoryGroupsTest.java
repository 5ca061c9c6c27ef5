package dev.clientele.ldap;

import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Directory groups on the in-memory directory server")
class InMemoryDirectoryGroupsTest extends DirectoryGroupsTest {
    private static InMemoryTestDirectory server;

    @BeforeAll
    static void start() {
        server = InMemoryTestDirectory.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected TestDirectory server() {
        return server;
    }
}
