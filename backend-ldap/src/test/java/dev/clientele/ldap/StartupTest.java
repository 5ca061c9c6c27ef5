package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import dev.clientele.spi.CustomerBackendProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Starting an LDAP back-end")
class StartupTest {
    private static InMemoryTestDirectory server;
    private static String base;

    @BeforeAll
    static void start() {
        server = InMemoryTestDirectory.start();
        base = server.newSubtree("people");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    @DisplayName("the provider is found with ServiceLoader under type 'ldap'")
    void discovered() {
        assertThat(ServiceLoader.load(CustomerBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(CustomerBackendProvider::type)).contains("ldap");
    }

    @Test
    @DisplayName("configuration naming type ldap makes a working back-end through the directory")
    void throughConfiguration() {
        try (CustomerDirectory directory = CustomerDirectory.builder()
                .backend("corp", "ldap", server.settings(base)).build()) {
            assertThat(directory.backends().get("corp").describe())
                    .contains("ldap back-end 'corp'", server.url(), base, "read-only")
                    .doesNotContain(TestDirectory.ADMIN_PASSWORD);
            assertThat(directory.findCustomer("nobody")).isEmpty();
        }
    }

    @Test
    @DisplayName("an unreachable server: BackendUnavailableException naming the url setting, within the timeouts")
    void unreachable() throws IOException {
        Map<String, String> s = server.settings(base);
        s.put("url", "ldap://127.0.0.1:" + closedPort());
        long start = System.nanoTime();

        assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(() -> LdapBackend.create("corp", s))
                .withMessageContaining("clientele.backend.corp.url")
                .withMessageContaining("127.0.0.1")
                .satisfies(e -> assertThat(e.backend()).isEqualTo("corp"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    @DisplayName("a wrong bind password: ConfigurationException naming bind-dn and bind-password, password masked")
    void wrongPassword() {
        Map<String, String> s = server.settings(base);
        s.put("bind-password", "Wrong-Secret-99");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> LdapBackend.create("corp", s))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactly("clientele.backend.corp.bind-dn", "clientele.backend.corp.bind-password"))
                .withMessageContaining("<masked>")
                .withMessageNotContaining("Wrong-Secret-99");
    }

    @Test
    @DisplayName("a wrong bind DN: ConfigurationException naming bind-dn")
    void wrongBindDn() {
        Map<String, String> s = server.settings(base);
        s.put("bind-dn", "cn=nobody,dc=example,dc=com");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> LdapBackend.create("corp", s))
                .withMessageContaining("clientele.backend.corp.bind-dn")
                .withMessageContaining("cn=nobody,dc=example,dc=com")
                .withMessageNotContaining(TestDirectory.ADMIN_PASSWORD);
    }

    @Test
    @DisplayName("a base DN that does not exist: ConfigurationException naming base-dn")
    void missingBaseDn() {
        Map<String, String> s = server.settings("ou=nowhere,dc=example,dc=com");
        s.put("group-base-dn", "ou=nogroups,dc=example,dc=com");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> LdapBackend.create("corp", s))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactly("clientele.backend.corp.base-dn", "clientele.backend.corp.group-base-dn"))
                .withMessageContaining("ou=nowhere,dc=example,dc=com");
    }

    @Test
    @DisplayName("a mapping naming an attribute the schema lacks: ConfigurationException naming each mapping")
    void unknownAttribute() {
        Map<String, String> s = server.settings(base);
        s.put("map.email", "emailAdress");
        s.put("attribute.shoe", "shoeSize");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> LdapBackend.create("corp", s))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactlyInAnyOrder("clientele.backend.corp.map.email",
                                "clientele.backend.corp.attribute.shoe"))
                .withMessageContaining("emailAdress").withMessageContaining("shoeSize");
    }

    @Test
    @DisplayName("the active-directory preset on a server without its schema names the preset's attributes")
    void presetAttributesChecked() {
        Map<String, String> s = server.settings(base);
        s.put("preset", "active-directory");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> LdapBackend.create("corp", s))
                .withMessageContaining("clientele.backend.corp.login-attribute")
                .withMessageContaining("sAMAccountName")
                .withMessageContaining("preset active-directory");
    }
}
