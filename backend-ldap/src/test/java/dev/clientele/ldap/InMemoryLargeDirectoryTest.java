package dev.clientele.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("20,000 customers on the in-memory server with a size limit of 1,000")
class InMemoryLargeDirectoryTest extends LargeDirectoryTest {
    private static InMemoryTestDirectory server;

    @BeforeAll
    static void start() throws LDAPException, LDIFException {
        server = InMemoryTestDirectory.start(0, c -> c.setMaxSizeLimit(SERVER_LIMIT));
        for (List<String> lines : entries()) {
            server.server().add(new Entry(lines.toArray(new String[0])));
        }
        open(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    int port() {
        return server.port();
    }

    @Override
    boolean serverSorts() {
        return true;
    }
}
