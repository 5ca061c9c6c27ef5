package dev.clientele.jdbc;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.util.Map;
import java.util.UUID;

/** Runs the back-end contract of core's test-jar against the JDBC back-end on a fresh in-memory H2 database each time. */
class JdbcH2ContractTest extends CustomerBackendContract {

    static String freshUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    protected CustomerBackend newBackend(String name) {
        return new JdbcBackendProvider().create(BackendSettings.of(name, "jdbc", Map.of("url", freshUrl())));
    }

    @Override
    protected CustomerBackend newReadOnlyBackend(String name) {
        return new JdbcBackendProvider().create(BackendSettings.of(name, "jdbc",
                Map.of("url", freshUrl(), "read-only", "true")));
    }
}
