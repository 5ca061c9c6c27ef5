package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.BackendUnavailableException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL server of its own, stopped in the middle of the run and started again on the same port and data. */
@DisplayName("PostgreSQL going down and coming back")
class PostgresOutageTest {
    @TempDir
    Path data;

    private PostgresServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Customer customer(String login) {
        return Customer.builder(login).email(login + "@acme.example").customerId("acme").firstName("Pat")
                .lastName("Example").build();
    }

    /** Calls {@code call} until it stops throwing BackendUnavailableException, for at most {@code limit}. */
    private static <T> T eventually(java.util.function.Supplier<T> call, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (BackendUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Test
    @DisplayName("while the database is down every operation fails fast with BackendUnavailableException; once it is back the same back-end works again")
    void downAndBack() {
        server = PostgresServer.start(data, 0);
        int port = server.port();
        Map<String, String> settings = server.settings("outage");
        settings.put("connection-timeout", "1s");
        try (CustomerBackend backend = new JdbcBackendProvider().create(BackendSettings.of("main", "jdbc", settings));
                CustomerDirectory directory = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO)
                        .build()) {
            CustomerStore store = backend.customers().orElseThrow();
            directory.createCustomer(customer("before"));

            server.close();
            server = null;

            for (int attempt = 0; attempt < 3; attempt++) {
                long start = System.nanoTime();
                assertThatExceptionOfType(BackendUnavailableException.class)
                        .isThrownBy(() -> store.findByLogin("before"))
                        .satisfies(e -> assertThat(e.backend()).isEqualTo("main"))
                        .withMessageContaining("back-end 'main' is unavailable");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("attempt %d", attempt)
                        .isLessThan(Duration.ofSeconds(5));
            }
            assertThatExceptionOfType(BackendUnavailableException.class)
                    .isThrownBy(() -> directory.createCustomer(customer("during")));

            server = PostgresServer.start(data, port);

            // The pool retries connecting with a back-off of at most 5 s, so the first calls after the restart may
            // still fail (each within the 1 s connection timeout: no call hangs); then the same back-end works.
            long restarted = System.nanoTime();
            assertThat(eventually(() -> store.findByLogin("before"), Duration.ofSeconds(20))).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(10));
            directory.createCustomer(customer("after"));
            assertThat(store.count()).isEqualTo(2);
            assertThat(directory.findCustomer("during")).isEmpty();
        }
    }
}
