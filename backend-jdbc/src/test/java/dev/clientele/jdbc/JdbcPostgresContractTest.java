package dev.clientele.jdbc;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the back-end contract of core's test-jar against the JDBC back-end on a real PostgreSQL: one server for the
 * class, a fresh schema (created and migrated by the back-end) per back-end.
 */
class JdbcPostgresContractTest extends CustomerBackendContract {
    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @Override
    protected CustomerBackend newBackend(String name) {
        return new JdbcBackendProvider().create(BackendSettings.of(name, "jdbc",
                server.settings(PostgresServer.freshSchema())));
    }

    @Override
    protected CustomerBackend newReadOnlyBackend(String name) {
        Map<String, String> settings = server.settings(PostgresServer.freshSchema());
        settings.put("read-only", "true");
        return new JdbcBackendProvider().create(BackendSettings.of(name, "jdbc", settings));
    }
}
