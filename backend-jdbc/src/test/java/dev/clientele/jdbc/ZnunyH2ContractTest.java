package dev.clientele.jdbc;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.spi.CustomerBackend;
import java.util.Map;

/** The back-end contract against the mapped mode (preset znuny7) on a fresh Znuny 7 database in H2 each time. */
class ZnunyH2ContractTest extends CustomerBackendContract {

    @Override
    protected CustomerBackend newBackend(String name) {
        return ZnunyDatabase.h2().backend(name);
    }

    @Override
    protected CustomerBackend newReadOnlyBackend(String name) {
        return ZnunyDatabase.h2().backend(name, Map.of("read-only", "true"));
    }
}
