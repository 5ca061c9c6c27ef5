package dev.clientele.benchmarks.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerAccess;
import dev.clientele.SearchResult;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the suite honest: on a small fixture of each store, Clientele and the raw query of every scenario give the
 * same answer, so the table compares the same work; and the counting sees the statements it claims to.
 */
@DisplayName("The store benchmark suite")
class StoreBenchmarkTest {
    private static final int CUSTOMERS = 300;

    @AfterAll
    static void close() {
        Fixture.closeAll();
        JdbcFixture.stopServer();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "ldap"})
    @DisplayName("raw and Clientele agree on every scenario")
    void rawAndClienteleAgree(String store) {
        Fixture f = Fixture.of(store, CUSTOMERS);
        int granted = 0;
        for (int n = 0; n < CUSTOMERS; n += 7) {
            String login = Data.login(n);
            CustomerAccess access = (CustomerAccess) Scenario.CUSTOMER_AND_PERMISSIONS.run(f, false, login);
            List<?> raw = (List<?>) Scenario.CUSTOMER_AND_PERMISSIONS.run(f, true, login);
            assertThat(access.customer().email()).isEqualTo(raw.get(0));
            assertThat(access.permissions().groups().keySet())
                    .isEqualTo(new TreeSet<>(((List<?>) raw.get(1)).stream()
                            .map(g -> g.toString().split(":")[0]).toList()));
            boolean has = (Boolean) Scenario.HAS_PERMISSION.run(f, false, login);
            assertThat(has).isEqualTo(Scenario.HAS_PERMISSION.run(f, true, login));
            granted += has ? 1 : 0;
            Scenario.LOGIN.run(f, false, login);
            Scenario.LOGIN.run(f, true, login);
            assertThat(Scenario.WARM_HAS_PERMISSION.run(f, false, login)).isEqualTo(has);
            assertThat(Scenario.BOUNDED_HAS_PERMISSION.run(f, false, login)).isEqualTo(has);
        }
        assertThat(granted).as("the checked group is granted to some customers, not all").isPositive()
                .isLessThan(CUSTOMERS / 7 + 1);
        SearchResult found = (SearchResult) Scenario.SEARCH.run(f, false, null);
        assertThat(found.customers()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.lastName()).startsWith("Jo"));
        assertThat(found.customers()).hasSize((Integer) Scenario.SEARCH.run(f, true, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2"})
    @DisplayName("the counting data source sees one statement and one connection for a raw query")
    void countsStatements(String store) {
        Fixture f = Fixture.of(store, CUSTOMERS);
        f.counting().reset();
        Scenario.HAS_PERMISSION.run(f, true, Data.login(5));
        assertThat(f.counting().count()).isEqualTo(new Counting.Count(1, 1));
    }
}
