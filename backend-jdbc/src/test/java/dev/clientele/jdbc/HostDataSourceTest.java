package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A host's DataSource and the pool the back-end makes")
class HostDataSourceTest {

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcH2ContractTest.freshUrl());
        return ds;
    }

    @Test
    @DisplayName("a back-end over the host's DataSource migrates it, works, and leaves it open when closed")
    void hostDataSourceStaysOpen() throws Exception {
        JdbcDataSource ds = h2();
        JdbcBackend backend = JdbcBackend.create("local", ds, JdbcOptions.defaults().withSchema("helpdesk"));
        try (CustomerDirectory directory = CustomerDirectory.builder().backend(backend).build()) {
            directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                    .firstName("Jo").lastName("Doe").build());
        }
        backend.close();

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT login FROM helpdesk.clientele_customers")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("jdoe");
        }
        assertThat(backend.describe()).contains("schema helpdesk").contains("connections of the host");
    }

    @Test
    @DisplayName("closing a back-end made from settings closes its pool: it is unavailable afterwards")
    void ownedPoolClosed() {
        CustomerBackend backend = new JdbcBackendProvider().create(BackendSettings.of("local", "jdbc",
                Map.of("url", JdbcH2ContractTest.freshUrl())));
        backend.close();
        backend.close(); // idempotent

        assertThatExceptionOfType(BackendUnavailableException.class)
                .isThrownBy(() -> backend.customers().orElseThrow().count())
                .withMessageContaining("'local'");
    }

    @Test
    @DisplayName("a read-only back-end refuses writes of customer data but keeps customer state")
    void readOnlyKeepsState() {
        try (JdbcBackend backend = JdbcBackend.create("ro", h2(), JdbcOptions.defaults().withReadOnly(true))) {
            assertThat(backend.readOnly()).isTrue();
            assertThatExceptionOfType(ReadOnlyBackendException.class)
                    .isThrownBy(() -> backend.groups().orElseThrow().insert(dev.clientele.Group.of("support")));
            assertThatExceptionOfType(ReadOnlyBackendException.class)
                    .isThrownBy(() -> backend.credentials().orElseThrow().setPasswordHash("jdoe", "$x$"));

            backend.state().orElseThrow().setPreference("jdoe", "language", "de");

            assertThat(backend.state().orElseThrow().preferences("JDOE")).containsEntry("language", "de");
        }
    }

    @Test
    @DisplayName("JdbcBackendProvider.over: a back-end without a url works over the host's DataSource and leaves it open")
    void providerOverHostDataSource() throws Exception {
        JdbcDataSource ds = h2();
        try (CustomerDirectory directory = CustomerDirectory.builder().provider(JdbcBackendProvider.over(ds))
                .backend("local", "jdbc", Map.of("schema", "helpdesk")).build()) {
            directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                    .firstName("Jo").lastName("Doe").build());
            assertThat(directory.backends().get("local").describe()).contains("connections of the host");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT login FROM helpdesk.clientele_customers")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    @DisplayName("JdbcBackendProvider.over: a back-end with a url of its own opens its own pool")
    void providerOverHostDataSourceWithOwnUrl() {
        CustomerBackend backend = JdbcBackendProvider.over(h2()).create(BackendSettings.of("own", "jdbc",
                Map.of("url", JdbcH2ContractTest.freshUrl())));
        backend.close();
        assertThat(backend.describe()).doesNotContain("connections of the host");
    }

    @Test
    @DisplayName("JdbcBackendProvider.over: pool settings without a url are refused, each by its key, the password masked")
    void providerOverHostDataSourceRefusesPoolSettings() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> JdbcBackendProvider.over(h2()).create(BackendSettings.of("local", "jdbc",
                        Map.of("pool-size", "3", "password", "s3cret-Value"))))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactlyInAnyOrder("clientele.backend.local.pool-size",
                                "clientele.backend.local.password"))
                .withMessageNotContaining("s3cret-Value");
    }
}
