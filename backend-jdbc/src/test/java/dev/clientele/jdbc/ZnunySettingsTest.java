package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerValidationException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The settings of the mapped mode: every bad key named at once, before any connection; the start-up check. */
class ZnunySettingsTest {

    private static ConfigurationException refused(Map<String, String> settings) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> new JdbcBackendProvider().create(BackendSettings.of("z", "jdbc", settings)),
                ConfigurationException.class);
    }

    @Test
    @DisplayName("every bad mapping setting is reported at once, each naming its key")
    void everyProblemAtOnce() {
        Map<String, String> s = new HashMap<>();
        s.put("url", "jdbc:h2:mem:never");
        s.put("preset", "znuny5");
        s.put("schema-mode", "manage");
        s.put("mapping.customer-table", "customer user");
        s.put("mapping.column.shoeSize", "shoe");
        s.put("mapping.column.login", "none");
        s.put("mapping.column.phone", "city");
        s.put("mapping.flags.email", "searchable, sortable");
        s.put("mapping.user-id", "0");
        s.put("login-case-sensitive", "maybe");
        s.put("mapping.colum.fax", "fax");

        ConfigurationException e = refused(s);

        assertThat(e.problems()).extracting(ConfigurationException.Problem::key).containsExactlyInAnyOrder(
                "clientele.backend.z.preset", "clientele.backend.z.schema-mode",
                "clientele.backend.z.mapping.customer-table", "clientele.backend.z.mapping.column.shoeSize",
                "clientele.backend.z.mapping.column.login", "clientele.backend.z.mapping.column.phone",
                "clientele.backend.z.mapping.flags.email", "clientele.backend.z.mapping.user-id",
                "clientele.backend.z.login-case-sensitive", "clientele.backend.z.mapping.colum.fax");
        assertThat(e.getMessage()).contains("znuny7, znuny6, otrs6").contains("never migrates a foreign schema")
                .contains("sortable").contains("maps column city");
    }

    @Test
    @DisplayName("schema-mode manage is refused in mapped mode and nothing is created in the database")
    void manageRefused() {
        ZnunyDatabase db = ZnunyDatabase.h2();
        Map<String, String> s = db.settings();
        s.put("schema-mode", "manage");

        assertThat(refused(s).problems()).extracting(ConfigurationException.Problem::key)
                .containsExactly("clientele.backend.z.schema-mode");
    }

    @Test
    @DisplayName("validate (the default) names the setting of every missing table and column")
    void validateNamesMissingTablesAndColumns() {
        ZnunyDatabase db = ZnunyDatabase.h2();
        Map<String, String> s = db.settings();
        s.put("preset", "znuny6");
        s.put("mapping.column.fax", "telefax");

        ConfigurationException e = refused(s);

        assertThat(e.problems()).extracting(ConfigurationException.Problem::key).containsExactlyInAnyOrder(
                "clientele.backend.z.mapping.group-table", "clientele.backend.z.mapping.customer-table");
        assertThat(e.getMessage()).contains("groups").contains("telefax");
    }

    @Test
    @DisplayName("an override of the group table opens a Znuny 6 layout; schema-mode none skips the check")
    void overrides() {
        ZnunyDatabase db = ZnunyDatabase.h2();
        Map<String, String> s = db.settings();
        s.put("preset", "znuny6");
        s.put("mapping.group-table", "permission_groups");
        try (CustomerBackend b = new JdbcBackendProvider().create(BackendSettings.of("z", "jdbc", s))) {
            assertThat(b.describe()).contains("mapped on the znuny6 tables");
            assertThat(b.groups().orElseThrow().list()).isEmpty();
        }
        Map<String, String> none = db.settings();
        none.put("mapping.password-column", "none");
        none.put("schema-mode", "none");
        try (CustomerBackend b = new JdbcBackendProvider().create(BackendSettings.of("z", "jdbc", none))) {
            assertThat(b.credentials()).isEmpty();
        }
    }

    @Test
    @DisplayName("flag overrides: a read-only field keeps its stored value on update, a required one must be given")
    void flags() {
        ZnunyDatabase db = ZnunyDatabase.h2();
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> db.backend("z",
                Map.of("mapping.flags.city", "readonly"))).withMessageContaining("'readonly'");
        try (CustomerDirectory d = CustomerDirectory.builder().backend(db.backend("z", Map.of("mapping.flags.city",
                "read-only, searchable", "mapping.flags.phone", "required"))).build()) {
            Customer c = Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme").firstName("J")
                    .lastName("Doe").city("Berlin").build();
            assertThatExceptionOfType(CustomerValidationException.class).isThrownBy(() -> d.createCustomer(c))
                    .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("phone"));
            // The mapping's rule is the directory's: reported with every other bad field at once.
            assertThatExceptionOfType(CustomerValidationException.class)
                    .isThrownBy(() -> d.createCustomer(c.toBuilder().email("not an email").build()))
                    .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("phone", "email")
                            .containsEntry("phone", "is required by the back-end that keeps this customer"));
            assertThat(d.findCustomer("jdoe")).as("nothing stored").isEmpty();
            Customer created = d.createCustomer(c.toBuilder().phone("+49").build());
            assertThatExceptionOfType(CustomerValidationException.class)
                    .isThrownBy(() -> d.updateCustomer(created.toBuilder().phone(null).build()))
                    .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("phone"));

            d.updateCustomer(created.toBuilder().city("Hamburg").lastName("Roe").build());

            assertThat(d.getCustomer("jdoe").city()).isEqualTo("Berlin");
            assertThat(d.getCustomer("jdoe").lastName()).isEqualTo("Roe");
        }
    }
}
