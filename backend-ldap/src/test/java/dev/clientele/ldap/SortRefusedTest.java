package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.ServerSideSortRequestControl;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server that offers the sort control in its root DSE but cannot sort by the login attribute (as a server whose
 * attribute has no ordering rule): it refuses the critical sort control, and ignores the non-critical one, answering
 * unsorted. The in-memory server is made so by an interceptor. Searches must still return the first logins.
 */
@DisplayName("A server that offers sorting but cannot sort the logins")
class SortRefusedTest {
    private static final int CUSTOMERS = 600;
    private static final AtomicLong SEARCHES = new AtomicLong();
    private static InMemoryTestDirectory server;
    private static LdapBackend backend;
    private static CustomerStore store;
    private static String base;

    @BeforeAll
    static void start() {
        server = InMemoryTestDirectory.start(0, InMemoryTestDirectory.intercept(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
                ReadOnlySearchRequest r = request.getRequest();
                if (!r.getBaseDN().equalsIgnoreCase(base)) {
                    return;
                }
                SEARCHES.incrementAndGet();
                Control sort = r.getControl(ServerSideSortRequestControl.SERVER_SIDE_SORT_REQUEST_OID);
                if (sort != null && sort.isCritical()) {
                    throw new LDAPException(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, "cannot sort by uid here");
                }
                if (sort != null) {
                    SearchRequest unsorted = r.duplicate();
                    List<Control> others = new ArrayList<>();
                    for (Control c : r.getControls()) {
                        if (c != sort) {
                            others.add(c);
                        }
                    }
                    unsorted.setControls(others);
                    request.setRequest(unsorted);
                }
            }
        }));
        base = server.newSubtree("people");
        for (int k = 0; k < CUSTOMERS; k++) {
            // named and stored in an order other than the logins'
            int i = k * 7 % CUSTOMERS;
            server.add("dn: cn=Entry " + k + "," + base, "objectClass: top", "objectClass: person",
                    "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "cn: Entry " + k,
                    "uid: " + String.format("user%04d", i), "sn: Number" + i);
        }
        Map<String, String> settings = server.settings(base);
        settings.put("page-size", "1000");
        backend = LdapBackend.create("refuses", settings);
        store = backend.customers().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        server.close();
    }

    @Test
    @DisplayName("a search for 250 rows of 600 matches is refused sorted, then read whole in one page of page-size "
            + "1000: the first logins, 2 requests")
    void refusedSortFallsBackToReadingEveryMatch() {
        long before = SEARCHES.get();

        List<Customer> found = store.search(new CustomerSearch(List.of(SearchTerm.parse("user*")),
                Set.of(CustomerField.LOGIN), true, 251));

        assertThat(SEARCHES.get() - before).as("search requests: the refused sorted one, one page of 600")
                .isEqualTo(2);
        assertThat(found).hasSize(251);
        assertThat(found).extracting(Customer::login).isSorted();
        assertThat(found.get(0).login()).isEqualTo("user0000");
        assertThat(found.get(250).login()).isEqualTo("user0250");
    }
}
