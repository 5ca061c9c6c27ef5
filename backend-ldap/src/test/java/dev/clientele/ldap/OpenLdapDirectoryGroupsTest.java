package dev.clientele.ldap;

import dev.clientele.ldap.testing.SlapdTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Directory groups on OpenLDAP slapd")
class OpenLdapDirectoryGroupsTest extends DirectoryGroupsTest {
    @TempDir
    static Path folder;
    private static SlapdTestDirectory server;

    @BeforeAll
    static void start() {
        server = SlapdTestDirectory.start(folder);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected TestDirectory server() {
        return server;
    }
}
