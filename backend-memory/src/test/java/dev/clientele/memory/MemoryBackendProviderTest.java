package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.Permission;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBackendProviderTest {

    private final MemoryBackendProvider provider = new MemoryBackendProvider();

    private static BackendSettings settings(Map<String, String> values) {
        return BackendSettings.of("local", "memory", values);
    }

    @Test
    @DisplayName("the ServiceLoader finds exactly one provider of type memory, MemoryBackendProvider")
    void isFoundWithTheServiceLoader() {
        List<CustomerBackendProvider> found = ServiceLoader.load(CustomerBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.type().equals("memory")).collect(Collectors.toList());
        assertThat(found).singleElement().isInstanceOf(MemoryBackendProvider.class);
    }

    @Test
    @DisplayName("without settings the provider makes a writable MemoryBackend with the configured name")
    void makesAWritableBackendByDefault() {
        CustomerBackend backend = provider.create(settings(Map.of("type", "memory")));
        assertThat(backend).isInstanceOf(MemoryBackend.class);
        assertThat(backend.name()).isEqualTo("local");
        assertThat(backend.type()).isEqualTo("memory");
        assertThat(backend.customers().orElseThrow().readOnly()).isFalse();
    }

    @Test
    @DisplayName("read-only makes customers and groups read-only")
    void makesAReadOnlyBackend() {
        CustomerBackend backend = provider.create(settings(Map.of("read-only", "yes")));
        assertThat(backend.customers().orElseThrow().readOnly()).isTrue();
        assertThat(backend.groups().orElseThrow().readOnly()).isTrue();
    }

    @Test
    @DisplayName("a bad boolean, an unknown key and a missing fixture file are reported together, each with its full"
            + " key")
    void reportsEveryProblemAtOnceWithItsFullKey() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> provider.create(settings(Map.of("read-only", "maybe", "readonly", "true",
                        "fixture", "/no/such/file.fixture"))))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactlyInAnyOrder("clientele.backend.local.read-only",
                                "clientele.backend.local.readonly", "clientele.backend.local.fixture"))
                .withMessageContaining("must be true or false, was 'maybe'")
                .withMessageContaining("is not a setting of the memory back-end")
                .withMessageContaining("'/no/such/file.fixture' does not exist");
    }

    @Test
    @DisplayName("a fixture file seeds the back-end first, then read-only refuses writes")
    void seedsFromAFixtureThenTurnsReadOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.fixture");
        Files.writeString(file, "group support\n\ncompany acme\nname: ACME\ngroups: support:rw\n");

        CustomerBackend backend = provider.create(settings(Map.of("fixture", file.toString(), "read-only", "true")));

        assertThat(backend.groups().orElseThrow().find("support")).isPresent();
        assertThat(backend.companies().orElseThrow().find("ACME")).isPresent();
        assertThat(backend.memberships().orElseThrow().linksTo("support")).hasSize(1);
        assertThat(backend.companies().orElseThrow().readOnly()).isTrue();
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> backend.groups().orElseThrow().insert(dev.clientele.Group.of("sales")));
    }

    @Test
    @DisplayName("a classpath: fixture seeds a back-end configured through the directory builder, passwords included")
    void seedsFromAClassPathFixtureThroughAConfiguredDirectory() {
        try (CustomerDirectory directory = CustomerDirectory.builder()
                .backend("local", "memory", Map.of("fixture", "classpath:fixtures/demo-provider.fixture")).build()) {
            assertThat(directory.getCustomer("demo").email()).isEqualTo("demo@acme.example");
            assertThat(directory.groupsOf("demo")).containsEntry("support", Permission.RO);
            assertThat(directory.authenticate("demo", "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue();
        }
    }

    @Test
    @DisplayName("a broken fixture is one configuration problem on the fixture key, naming the file and line")
    void aBrokenFixtureIsAConfigurationProblemNamingFileAndLine() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> provider.create(settings(Map.of("fixture", "classpath:fixtures/broken.fixture"))))
                .satisfies(e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.key()).isEqualTo("clientele.backend.local.fixture")))
                .withMessageContaining("fixtures/broken.fixture:5: key 'emial'");
    }
}
