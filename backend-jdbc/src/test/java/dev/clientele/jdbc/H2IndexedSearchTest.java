package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.SearchTerm;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** H2's search through the indexes finds every value its terms match, at the edges of the prefix ranges too. */
@DisplayName("H2: a search through the indexes at the edges of a prefix's range")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2IndexedSearchTest {
    private static final Set<CustomerField> FIELDS = Set.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
    private CustomerBackend backend;

    @BeforeAll
    void open() {
        backend = new JdbcBackendProvider().create(BackendSettings.of("h2", "jdbc",
                Map.of("url", JdbcH2ContractTest.freshUrl())));
        var store = backend.customers().orElseThrow();
        // U+FFFF after the prefix, then more: above "prefix" + U+FFFF, still a value that starts with the prefix
        store.insert(Customer.builder("edge1").email("edge1@example.org").customerId("acme")
                .firstName("ab\uFFFF\uFFFFz").lastName("Smith").build(), true);
        store.insert(Customer.builder("edge2").email("edge2@example.org").customerId("acme")
                .firstName("ab").lastName("Smith").build(), true);
        store.insert(Customer.builder("edge3").email("edge3@example.org").customerId("acme")
                .firstName("ac").lastName("Smith").build(), true);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    @Test
    @DisplayName("a value that goes on after U+FFFF following the prefix is a candidate; the next prefix is not")
    void prefixRangeEdges() {
        CustomerSearch search = new CustomerSearch(List.of(SearchTerm.parse("ab*"), SearchTerm.parse("s*")),
                FIELDS, true, 10);

        assertThat(backend.customers().orElseThrow().search(search)).extracting(Customer::login)
                .containsExactly("edge1", "edge2");
        CustomerSearch ffff = new CustomerSearch(List.of(SearchTerm.parse("ab\uFFFF*"), SearchTerm.parse("s*")),
                FIELDS, true, 10);
        assertThat(backend.customers().orElseThrow().search(ffff)).extracting(Customer::login)
                .containsExactly("edge1");
    }
}
