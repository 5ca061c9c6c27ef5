package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerQuery;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.jdbc.internal.Dialect;
import dev.clientele.jdbc.internal.Mapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bounds of searches on H2 (issue 9, item 8: H2's {@code LIKE} backtracks, and searches could hold every pooled
 * connection): a statement timeout, and a bounded number of searches at once, so lookups always get a connection.
 */
@DisplayName("jdbc: a search is cut at search-timeout, and only search-concurrency run at once")
class JdbcSearchBoundsTest {

    @Test
    @DisplayName("a search costing more than search-timeout is cancelled with a message naming the setting, no values")
    void expensiveSearchIsCancelled() {
        String a = "a".repeat(100);
        try (CustomerDirectory d = CustomerDirectory.builder().backend("local", "jdbc", Map.of("url",
                JdbcH2ContractTest.freshUrl(), "search-timeout", "1s")).build()) {
            List<Customer> rows = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                rows.add(Customer.builder(String.format("user%05d", i)).email("u" + i + "@acme.example")
                        .customerId("acme").firstName(a).lastName(a).build());
            }
            assertThat(d.importCustomers(rows).added()).isEqualTo(5_000);

            // four wildcards (the most core allows) against 100 a's without a b: H2's LIKE backtracks
            assertThatExceptionOfType(BackendUnavailableException.class)
                    .isThrownBy(() -> d.search(CustomerQuery.builder().text("*a*a*a*b").limit(10).build()))
                    .withMessageContaining("search-timeout of 1s").withMessageNotContaining("aaaa")
                    .satisfies(e -> assertThat(e.getCause()).isNull());
            assertThat(d.findCustomer("user00042")).as("the store still answers").isPresent();
        }
    }

    @Test
    @DisplayName("with search-concurrency 1, a second search waits its turn and then fails; a lookup goes through")
    void boundedConcurrency() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(JdbcH2ContractTest.freshUrl());
            pool.setConnectionTimeout(250);
            Database db = new Database("t", pool, Dialect.ofProduct("H2").orElseThrow(), Mapping.inSchema(null),
                    false, false);
            db.boundSearches(Duration.ofSeconds(10), 1);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> db.search("first search", c -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }));
            inside.await();

            assertThatExceptionOfType(BackendUnavailableException.class)
                    .isThrownBy(() -> db.search("second search", c -> 2))
                    .withMessageContaining("too many searches are running").withMessageContaining("search-concurrency");
            Boolean lookup = db.read("a lookup", c -> c.isValid(1));
            assertThat(lookup).isTrue();

            release.countDown();
            assertThat(first.get()).isEqualTo(1);
            Integer third = db.search("third search", c -> 3);
            assertThat(third).as("a turn is free again").isEqualTo(3);
        }
    }

    @Test
    @DisplayName("bad bounds are refused under their keys")
    void badSettings() {
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> new JdbcBackendProvider().create(
                dev.clientele.spi.BackendSettings.of("z", "jdbc", Map.of("url", JdbcH2ContractTest.freshUrl(),
                        "search-timeout", "10ms", "search-concurrency", "0"))))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactlyInAnyOrder("clientele.backend.z.search-timeout",
                                "clientele.backend.z.search-concurrency"));
    }
}
