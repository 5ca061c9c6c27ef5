package dev.clientele.jdbc;

import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bulk import on H2")
class H2BulkImportTest {

    @Test
    @DisplayName("100,000 customers in one call: duplicates inside the import and against stored rows are refused per row")
    void hundredThousand() {
        try (CustomerBackend backend = new JdbcBackendProvider().create(BackendSettings.of("bulk", "jdbc",
                Map.of("url", "jdbc:h2:mem:" + java.util.UUID.randomUUID())))) {
            BulkImportCheck.importAndCheck(backend);
        }
    }
}
