package dev.clientele.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("20,000 customers on the in-memory server with a size limit of 1,000")
class InMemoryLargeDirectoryTest extends LargeDirectoryTest {
    private static final AtomicLong SEARCHES = new AtomicLong();
    private static InMemoryTestDirectory server;

    @BeforeAll
    static void start() throws LDAPException, LDIFException {
        server = InMemoryTestDirectory.start(0, c -> {
            c.setMaxSizeLimit(SERVER_LIMIT);
            c.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                    if (request.getRequest().getBaseDN().equalsIgnoreCase(BASE)) {
                        SEARCHES.incrementAndGet();
                    }
                }
            });
        });
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
    long searchRequests() {
        return SEARCHES.get();
    }

    @Override
    boolean serverSorts() {
        return true;
    }
}
