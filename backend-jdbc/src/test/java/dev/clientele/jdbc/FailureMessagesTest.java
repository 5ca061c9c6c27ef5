package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clientele.BackendUnavailableException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.ImportOptions;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a failed database operation tells: the operation, the SQL state, how far an import got — never a value of a
 * row, a statement or a password, in the message or anywhere in its cause chain; every message of the chain bounded.
 * On H2 and PostgreSQL, with a check constraint added behind the back that the 550th row of an import breaks.
 */
@DisplayName("Failure messages: SQL state and progress, never values")
class FailureMessagesTest {
    private static final int ROWS = 600;
    private static final int BAD_ROW = 550;

    @Test
    @DisplayName("H2: a failed import says how many rows were stored before it and carries no personal data")
    void importFailureOnH2() throws SQLException {
        String url = JdbcH2ContractTest.freshUrl();
        importFailure(new JdbcBackendProvider().create(BackendSettings.of("main", "jdbc", Map.of("url", url))),
                () -> DriverManager.getConnection(url), "clientele_customers");
    }

    @Test
    @DisplayName("PostgreSQL: a failed import says how many rows were stored before it and carries no personal data")
    void importFailureOnPostgres() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        String schema = PostgresServer.freshSchema();
        importFailure(new JdbcBackendProvider().create(BackendSettings.of("main", "jdbc", server.settings(schema))),
                () -> server.dataSource().getConnection(), schema + ".clientele_customers");
    }

    /** A connection straight to the test's database. */
    private interface Connector {
        Connection open() throws SQLException;
    }

    private void importFailure(CustomerBackend backend, Connector db, String table) throws SQLException {
        try (CustomerDirectory dir = CustomerDirectory.builder().backend(backend)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build()) {
            dir.createCustomer(customer("seed", "Example").build());
            // Behind the directory's back: a rule the database enforces and core does not know.
            try (Connection c = db.open(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " ADD CONSTRAINT no_secret_names CHECK (last_name <> 'Zebulon')");
            }
            List<Customer> rows = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                rows.add(customer("person" + i, i == BAD_ROW ? "Zebulon" : "Holder" + i).build());
            }

            Throwable t = catchThrowable(() -> dir.importCustomers(rows, new ImportOptions(false, 250)));

            assertThat(t).isInstanceOf(BackendUnavailableException.class);
            assertThat(t.getMessage()).contains("500 rows were stored before this failure")
                    .contains("rows 500 to 599").contains("SQLSTATE 23").hasSizeLessThan(1_000);
            assertNoPersonalData(t);
            assertThat(dir.customers().count()).as("what was committed stays").isEqualTo(1 + 500);
        }
    }

    @Test
    @DisplayName("a JDBC URL with user:password@ is masked in the message and in every cause")
    void urlPasswordMaskedInCauses() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Throwable t = catchThrowable(() -> new JdbcBackendProvider().create(BackendSettings.of("main", "jdbc", Map.of(
                "url", "jdbc:postgresql://clientele:s3cret@127.0.0.1:" + closed + "/clientele?password=s3cret",
                "pool-size", "1"))));

        assertThat(t).isNotNull();
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(c.toString()).as("link of the cause chain").doesNotContain("s3cret");
        }
    }

    private static Customer.Builder customer(String login, String lastName) {
        return Customer.builder(login).email(login + "@private.example").customerId("acme").firstName("Pat")
                .lastName(lastName);
    }

    /** No link of the chain (causes and next exceptions) names a row's value; each message bounded. */
    private static void assertNoPersonalData(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        collect(t, chain, 0);
        for (Throwable c : chain) {
            String text = String.valueOf(c.getMessage());
            assertThat(text).as("message of %s", c.getClass().getName()).doesNotContain("@private.example")
                    .doesNotContain("Holder").doesNotContain("Zebulon").doesNotContain("Pat")
                    .doesNotContainIgnoringCase("insert into");
            assertThat(text.length()).as("length of a message of the chain").isLessThan(1_000);
        }
    }

    private static void collect(Throwable t, List<Throwable> out, int depth) {
        if (t == null || depth > 20 || out.contains(t)) {
            return;
        }
        out.add(t);
        if (t instanceof SQLException s) {
            collect(s.getNextException(), out, depth + 1);
        }
        collect(t.getCause(), out, depth + 1);
    }
}
