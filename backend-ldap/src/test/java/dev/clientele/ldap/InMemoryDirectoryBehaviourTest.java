package dev.clientele.ldap;

import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("LDAP back-end on the in-memory directory server: existing entries, injection, login by bind, filters")
class InMemoryDirectoryBehaviourTest extends DirectoryBehaviourTest {
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
