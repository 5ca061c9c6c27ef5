package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The jdbc provider: settings and start")
class JdbcBackendProviderTest {
    private static final String SECRET = "s3cret-Pa55word";

    private static CustomerBackend create(Map<String, String> settings) {
        return new JdbcBackendProvider().create(BackendSettings.of("corp", "jdbc", settings));
    }

    @Test
    @DisplayName("is found with ServiceLoader under type 'jdbc'")
    void discovered() {
        assertThat(ServiceLoader.load(CustomerBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(CustomerBackendProvider::type)).contains("jdbc");
    }

    @Test
    @DisplayName("starts on an H2 database, says what it is connected to, and offers all six stores")
    void startsOnH2() {
        try (CustomerBackend b = create(Map.of("url", JdbcH2ContractTest.freshUrl()))) {
            assertThat(b.type()).isEqualTo("jdbc");
            assertThat(b.name()).isEqualTo("corp");
            assertThat(b.describe()).startsWith("jdbc back-end 'corp': H2 ").contains("jdbc:h2:mem:");
            assertThat(b.customers()).isPresent();
            assertThat(b.credentials()).isPresent();
            assertThat(b.companies()).isPresent();
            assertThat(b.groups()).isPresent();
            assertThat(b.memberships()).isPresent();
            assertThat(b.state()).isPresent();
            assertThat(b.customers().orElseThrow().count()).isZero();
        }
    }

    @Test
    @DisplayName("the default url is an H2 file database under ./clientele-data")
    void defaultUrl() {
        assertThat(JdbcBackendProvider.DEFAULT_URL).isEqualTo("jdbc:h2:./clientele-data/clientele");
    }

    @Test
    @DisplayName("an H2 file database keeps its data across a restart of the back-end")
    void fileDatabaseSurvivesRestart(@TempDir Path dir) {
        String url = "jdbc:h2:" + dir.resolve("clientele").toAbsolutePath();
        try (CustomerBackend b = create(Map.of("url", url))) {
            b.groups().orElseThrow().insert(dev.clientele.Group.of("support"));
        }
        try (CustomerBackend b = create(Map.of("url", url))) {
            assertThat(b.groups().orElseThrow().find("SUPPORT")).isPresent();
        }
    }

    @Test
    @DisplayName("reports every bad setting at once, each with its full key, and never the password")
    void everyProblemAtOnce() {
        Map<String, String> s = new HashMap<>();
        s.put("url", "postgres://db.example/helpdesk?password=" + SECRET);
        s.put("password", SECRET);
        s.put("pool-size", "zero");
        s.put("connection-timeout", "forever");
        s.put("schema-mode", "migrate");
        s.put("schema", "bad-schema;drop");
        s.put("read-only", "maybe");
        s.put("jdbc-url", "jdbc:h2:mem:x");

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> create(s))
                .satisfies(e -> {
                    assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder(
                            "clientele.backend.corp.url",
                            "clientele.backend.corp.pool-size",
                            "clientele.backend.corp.connection-timeout",
                            "clientele.backend.corp.schema-mode",
                            "clientele.backend.corp.schema",
                            "clientele.backend.corp.read-only",
                            "clientele.backend.corp.jdbc-url");
                    assertThat(e.getMessage()).doesNotContain(SECRET).contains("password=<masked>")
                            .contains("must be manage, validate or none, was 'migrate'");
                });
    }

    @Test
    @DisplayName("a URL that no driver on the class path accepts is a configuration problem naming url")
    void noDriver() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> create(Map.of("url", "jdbc:nosuchdb://localhost/x;password=" + SECRET)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                        .containsExactly("clientele.backend.corp.url"))
                .withMessageContaining("no JDBC driver")
                .withMessageNotContaining(SECRET);
    }

    @Test
    @DisplayName("credentials the database refuses are a configuration problem naming user and password, masked")
    void wrongCredentials(@TempDir Path dir) {
        String url = "jdbc:h2:" + dir.resolve("guarded").toAbsolutePath();
        try (CustomerBackend b = create(Map.of("url", url, "user", "owner", "password", "right-one"))) {
            assertThat(b.customers()).isPresent();
        }

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> create(Map.of("url", url, "user", "owner", "password", SECRET)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                        .containsExactly("clientele.backend.corp.user", "clientele.backend.corp.password"))
                .withMessageContaining("refused the login of user 'owner'")
                .withMessageContaining("<masked>")
                .withMessageNotContaining(SECRET);
    }

    @Test
    @DisplayName("a database that is down fails at start with BackendUnavailableException quickly, naming url")
    void databaseDown() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/helpdesk";
        long start = System.nanoTime();

        assertThatExceptionOfType(BackendUnavailableException.class)
                .isThrownBy(() -> create(Map.of("url", url, "user", "app", "password", SECRET,
                        "connection-timeout", "1s")))
                .satisfies(e -> assertThat(e.backend()).isEqualTo("corp"))
                .withMessageContaining("clientele.backend.corp.url")
                .withMessageContaining("127.0.0.1:" + port)
                .withMessageNotContaining(SECRET);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
