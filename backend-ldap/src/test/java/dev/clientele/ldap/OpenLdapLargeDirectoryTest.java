package dev.clientele.ldap;

import dev.clientele.ldap.testing.SlapdTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("20,000 customers on OpenLDAP slapd with sizelimit 1000")
class OpenLdapLargeDirectoryTest extends LargeDirectoryTest {
    @TempDir
    static Path folder;
    private static SlapdTestDirectory server;

    @BeforeAll
    static void start() throws IOException {
        SlapdTestDirectory.assumeInstalled();
        Path ldif = folder.resolve("customers.ldif");
        try (Writer w = Files.newBufferedWriter(ldif, StandardCharsets.UTF_8)) {
            w.write("dn: " + TestDirectory.SUFFIX + "\nobjectClass: top\nobjectClass: dcObject\n"
                    + "objectClass: organization\ndc: example\no: Example\n\n");
            for (List<String> entry : entries()) {
                w.write(String.join("\n", entry));
                w.write("\n\n");
            }
        }
        server = SlapdTestDirectory.start(folder, new SlapdTestDirectory.Options().sizeLimit(SERVER_LIMIT).ldif(ldif)
                .logRequests());
        open(server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    long searchRequests() {
        return server.searchRequests(BASE);
    }

    @Override
    int port() {
        return server.port();
    }

    /** The test server has no sssvlv overlay. */
    @Override
    boolean serverSorts() {
        return false;
    }
}
