package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clientele.Customer;
import dev.clientele.ldap.internal.LdapCustomerStore;
import dev.clientele.CustomerField;
import dev.clientele.spi.CustomerCursor;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A directory of {@value #CUSTOMERS} customers whose server returns at most {@value #SERVER_LIMIT} entries per search:
 * the back-end reads past that limit with the simple paged results control. The service account is an ordinary
 * account (a root DN is exempt from OpenLDAP's limits).
 */
abstract class LargeDirectoryTest {
    static final int CUSTOMERS = 20_000;
    static final int SERVER_LIMIT = 1_000;
    static final String BASE = "ou=people,dc=example,dc=com";
    static final String READER_DN = "cn=reader,dc=example,dc=com";
    static final String READER_PASSWORD = "Reader-Secret-7";

    private static LdapBackend backend;
    private static CustomerStore store;

    /**
     * The customers' entries as LDIF lines, one list per entry, the people OU and the reader first. The customers
     * are named {@code cn=Entry K} and come in an order other than their logins' (a step of 7,919 through them):
     * the directory's own order (by DN or by insertion) is not the answer's.
     */
    static List<List<String>> entries() {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("dn: " + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people"));
        out.add(List.of("dn: " + READER_DN, "objectClass: top", "objectClass: organizationalRole",
                "objectClass: simpleSecurityObject", "cn: reader", "userPassword: " + READER_PASSWORD));
        for (int k = 0; k < CUSTOMERS; k++) {
            int i = (int) (k * 7_919L % CUSTOMERS);
            String login = String.format("user%05d", i);
            out.add(List.of("dn: cn=Entry " + k + "," + BASE, "objectClass: top", "objectClass: person",
                    "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + login,
                    "cn: Entry " + k, "sn: Number" + (i % 100), "givenName: Customer",
                    "mail: " + login + "@big.example", "o: company" + (i % 50)));
        }
        return out;
    }

    static void open(String url) {
        backend = LdapBackend.create("big", Map.of("url", url, "base-dn", BASE, "bind-dn", READER_DN,
                "bind-password", READER_PASSWORD, "page-size", "500"));
        store = backend.customers().orElseThrow();
    }

    @AfterAll
    static void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The server's port, to show its limit with a plain search. */
    abstract int port();

    /** True if the server offers the server-side sort control. */
    abstract boolean serverSorts();

    /** How many search requests under {@value #BASE} the server has received so far, as the server counts them. */
    abstract long searchRequests();

    @Test
    @DisplayName("a search for 250 rows (fetch 251) of 10,000 matches is one request when the server sorts, else one "
            + "request per page of every match")
    void searchOf250RowsIsOneRequestWhenTheServerSorts() {
        long before = searchRequests();

        List<Customer> found = store.search(new CustomerSearch(List.of(SearchTerm.parse("user1*")),
                Set.of(CustomerField.LOGIN, CustomerField.EMAIL), true, 251));

        long requests = searchRequests() - before;
        assertThat(found).hasSize(251);
        assertThat(found).extracting(Customer::login).isSorted();
        assertThat(found.get(0).login()).isEqualTo("user10000");
        assertThat(found.get(250).login()).isEqualTo("user10250");
        if (serverSorts()) {
            assertThat(requests).as("search requests, sorted by the server").isEqualTo(1);
        } else {
            assertThat(requests).as("search requests, unsorted: 10,000 matches at page-size 500").isEqualTo(20);
        }
    }

    @Test
    @DisplayName("a search of 20,000 matches for 11 reads one page when the server sorts, else every match")
    void searchStopsAtTheLimitWhenTheServerSorts() {
        LdapCustomerStore ldapStore = (LdapCustomerStore) store;
        long before = ldapStore.entriesRead();

        List<Customer> found = store.search(new CustomerSearch(List.of(SearchTerm.parse("user*")),
                Set.of(CustomerField.LOGIN), true, 11));

        assertThat(found).extracting(Customer::login).containsExactly("user00000", "user00001", "user00002",
                "user00003", "user00004", "user00005", "user00006", "user00007", "user00008", "user00009",
                "user00010");
        long read = ldapStore.entriesRead() - before;
        if (serverSorts()) {
            assertThat(read).as("entries read, sorted by the server").isLessThanOrEqualTo(500);
        } else {
            assertThat(read).as("entries read, unsorted").isEqualTo(CUSTOMERS);
        }
    }

    @Test
    @DisplayName("a search for more rows than a page (fetch 600, page-size 500) of 10,000 matches reads two sorted "
            + "pages and ends the paged search on the server when it sorts, else reads every match")
    void searchPastOnePageEndsThePagedSearch() {
        long before = searchRequests();

        List<Customer> found = store.search(new CustomerSearch(List.of(SearchTerm.parse("user1*")),
                Set.of(CustomerField.LOGIN), true, 600));

        long requests = searchRequests() - before;
        assertThat(found).hasSize(600);
        assertThat(found.get(0).login()).isEqualTo("user10000");
        assertThat(found.get(599).login()).isEqualTo("user10599");
        if (serverSorts()) {
            assertThat(requests).as("search requests: two pages, then page size 0 to end the search").isEqualTo(3);
        } else {
            assertThat(requests).as("search requests, unsorted: 10,000 matches at page-size 500").isEqualTo(20);
        }
    }

    @Test
    @DisplayName("the server really limits a plain search to 1,000 entries")
    void serverLimitIsReal() throws Exception {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", port(), READER_DN, READER_PASSWORD)) {
            assertThatExceptionOfType(LDAPSearchException.class)
                    .isThrownBy(() -> c.search(BASE, SearchScope.SUB, "(uid=*)", "1.1"))
                    .satisfies(e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
                        assertThat(e.getEntryCount()).isLessThanOrEqualTo(SERVER_LIMIT);
                    });
        }
    }

    @Test
    @DisplayName("count reads all 20,000 customers, page by page")
    void countsEveryCustomer() {
        assertThat(store.count()).isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("a search matching 20,000 returns the first ones by login, cut at the fetch limit")
    void searchPastTheLimit() {
        List<Customer> found = store.search(new CustomerSearch(List.of(SearchTerm.parse("*")),
                Set.of(CustomerField.LOGIN), true, 251));

        assertThat(found).hasSize(251);
        assertThat(found.get(0).login()).isEqualTo("user00000");
        assertThat(found.get(250).login()).isEqualTo("user00250");
    }

    @Test
    @DisplayName("a search matching 2,000 (past the server limit) returns all of them in login order")
    void searchReturnsEverythingPastTheLimit() {
        List<Customer> found = store.search(new CustomerSearch(List.of(SearchTerm.parse("*7")),
                Set.of(CustomerField.LOGIN), true, CUSTOMERS + 1));

        assertThat(found).hasSize(CUSTOMERS / 10);
        List<String> logins = found.stream().map(Customer::login).collect(Collectors.toList());
        assertThat(logins).isSorted().startsWith("user00007", "user00017").endsWith("user19997");
    }

    @Test
    @DisplayName("findByCustomerId reads the 400 customers of one company")
    void findByCustomerId() {
        assertThat(store.findByCustomerId("COMPANY7", 1_000)).hasSize(CUSTOMERS / 50)
                .allSatisfy(c -> assertThat(c.customerId()).isEqualTo("company7"));
    }

    @Test
    @DisplayName("a scan walks all 20,000 customers past the server limit, each login exactly once, one page held")
    void scanEveryCustomerOnce() {
        java.util.BitSet seen = new java.util.BitSet(CUSTOMERS);
        int count = 0;
        int duplicates = 0;
        try (CustomerCursor cursor = store.scan(500, true)) {
            while (cursor.hasNext()) {
                int n = Integer.parseInt(cursor.next().login().substring(4));
                duplicates += seen.get(n) ? 1 : 0;
                seen.set(n);
                count++;
            }
        }

        assertThat(store.scansInLoginOrder()).isFalse();
        assertThat(count).isEqualTo(CUSTOMERS);
        assertThat(duplicates).as("logins seen twice").isZero();
        assertThat(seen.cardinality()).isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("scans left after one customer and closed, more of them than the pool has connections, stop no later read")
    void scansClosedEarly() {
        for (int i = 0; i < 12; i++) {
            try (CustomerCursor cursor = store.scan(500, true)) {
                assertThat(cursor.next().login()).startsWith("user");
            }
        }

        assertThat(store.count()).isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("a page after a login is in login order past the server limit")
    void pageInLoginOrder() {
        assertThat(store.page("user12344", 3, true)).extracting(Customer::login)
                .containsExactly("user12345", "user12346", "user12347");
    }
}
