package dev.clientele.jdbc;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.spi.CustomerBackend;
import java.util.Map;

/**
 * The back-end contract against the mapped mode (preset znuny7) on a real PostgreSQL: one server for the class, a
 * fresh schema holding Znuny 7's tables (and the advised LOWER indexes) per back-end.
 */
class ZnunyPostgresContractTest extends CustomerBackendContract {

    @Override
    protected CustomerBackend newBackend(String name) {
        return ZnunyDatabase.postgres().backend(name);
    }

    @Override
    protected CustomerBackend newReadOnlyBackend(String name) {
        return ZnunyDatabase.postgres().backend(name, Map.of("read-only", "true"));
    }
}
