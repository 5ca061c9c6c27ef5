package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gauges of the pool a JDBC back-end opens itself, published through the directory's meter registry. */
@DisplayName("jdbc: pool gauges in the directory's meter registry")
class JdbcPoolGaugesTest {

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get("clientele.backend." + name).tag("backend", "local").tag("type", "jdbc").gauge().value();
    }

    @Test
    @DisplayName("the back-end's own pool: active, idle, pending and max, read live; gone when the directory closes")
    void ownPool() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (CustomerDirectory d = CustomerDirectory.builder().backend("local", "jdbc", Map.of("url",
                JdbcH2ContractTest.freshUrl(), "pool-size", "4")).meterRegistry(registry).build()) {
            d.createGroup(Group.of("support"));
            assertThat(gauge(registry, "pool.max")).isEqualTo(4);
            assertThat(gauge(registry, "pool.active")).as("no call in flight").isZero();
            assertThat(gauge(registry, "pool.pending")).isZero();
            assertThat(gauge(registry, "pool.idle")).isBetween(1.0, 4.0);
            // a call in flight holds a connection: seen from inside the back-end's transaction
            double[] inFlight = new double[1];
            d.backends().get("local").atomically(() -> {
                d.backends().get("local").groups().orElseThrow().list();
                inFlight[0] = gauge(registry, "pool.active");
                return null;
            });
            assertThat(inFlight[0]).isEqualTo(1);
        }
        assertThat(registry.find("clientele.backend.pool.max").gauges()).as("removed with the directory").isEmpty();
    }

    @Test
    @DisplayName("a host's data source is the host's to measure: no pool gauges")
    void hostPool() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcH2ContractTest.freshUrl());
        MeterRegistry registry = new SimpleMeterRegistry();
        try (CustomerDirectory d = CustomerDirectory.builder().backend(JdbcBackend.create("local", (DataSource) ds))
                .meterRegistry(registry).build()) {
            assertThat(registry.find("clientele.backend.pool.max").gauges()).isEmpty();
            assertThat(d.backends()).containsKey("local");
        }
    }
}
