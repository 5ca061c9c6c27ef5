package dev.clientele.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Back-end discovery")
class ProviderRegistryTest {

    /** A provider of type "alpha". */
    public static final class AlphaProvider implements CustomerBackendProvider {
        @Override
        public String type() {
            return "alpha";
        }

        @Override
        public CustomerBackend create(BackendSettings settings) {
            return new CustomerBackend() {
                @Override
                public String name() {
                    return settings.name();
                }

                @Override
                public String type() {
                    return "alpha";
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A second provider of type "alpha". */
    public static final class OtherAlphaProvider implements CustomerBackendProvider {
        @Override
        public String type() {
            return "alpha";
        }

        @Override
        public CustomerBackend create(BackendSettings settings) {
            throw new AssertionError("not used");
        }
    }

    /** A provider of type "beta". */
    public static final class BetaProvider implements CustomerBackendProvider {
        @Override
        public String type() {
            return "beta";
        }

        @Override
        public CustomerBackend create(BackendSettings settings) {
            throw new ConfigurationException(List.of(
                    new ConfigurationException.Problem(settings.fullKey("url"), "is required"),
                    new ConfigurationException.Problem(settings.fullKey("base-dn"), "is required")));
        }
    }

    /** Cannot be instantiated: a broken service entry. */
    public static final class BrokenProvider implements CustomerBackendProvider {
        public BrokenProvider() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public String type() {
            return "broken";
        }

        @Override
        public CustomerBackend create(BackendSettings settings) {
            throw new AssertionError();
        }
    }

    private static ClassLoader loaderListing(Path dir, Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder sb = new StringBuilder();
        for (Class<?> p : providers) {
            sb.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(CustomerBackendProvider.class.getName()), sb, StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ProviderRegistryTest.class.getClassLoader());
    }

    @Test
    @DisplayName("an unknown type is an error naming the key and listing the types found")
    void unknownTypeListsTypes(@TempDir Path dir) throws IOException {
        ProviderRegistry r = new ProviderRegistry(List.of(), loaderListing(dir, AlphaProvider.class, BetaProvider.class));
        assertThat(r.types()).containsExactly("alpha", "beta");
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> r.provider("gamma", "clientele.backend.x.type"))
                .withMessageContaining("clientele.backend.x.type")
                .withMessageContaining("no back-end provider of type 'gamma'; types found: alpha, beta");
    }

    @Test
    @DisplayName("two providers of one type are an error naming both")
    void twoProvidersOfOneType(@TempDir Path dir) throws IOException {
        ProviderRegistry r = new ProviderRegistry(List.of(),
                loaderListing(dir, AlphaProvider.class, OtherAlphaProvider.class));
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> r.provider("alpha", "clientele.backend.a.type"))
                .withMessageContaining(AlphaProvider.class.getName())
                .withMessageContaining(OtherAlphaProvider.class.getName());
    }

    @Test
    @DisplayName("a broken provider entry is skipped, the others still work")
    void brokenProviderSkipped(@TempDir Path dir) throws IOException {
        ProviderRegistry r = new ProviderRegistry(List.of(),
                loaderListing(dir, BrokenProvider.class, AlphaProvider.class));
        assertThat(r.types()).containsExactly("alpha");
        assertThat(r.provider("alpha", "k")).isInstanceOf(AlphaProvider.class);
    }

    @Test
    @DisplayName("an explicitly registered provider wins over a discovered one of the same type")
    void explicitRegistrationWins(@TempDir Path dir) throws IOException {
        OtherAlphaProvider explicit = new OtherAlphaProvider();
        ProviderRegistry r = new ProviderRegistry(List.of(explicit), loaderListing(dir, AlphaProvider.class));
        assertThat(r.provider("alpha", "k")).isSameAs(explicit);
    }

    @Test
    @DisplayName("the builder reports every back-end's configuration problems together")
    void builderCollectsProblems(@TempDir Path dir) throws IOException {
        ClassLoader loader = loaderListing(dir, AlphaProvider.class, BetaProvider.class);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            assertThatExceptionOfType(ConfigurationException.class)
                    .isThrownBy(() -> CustomerDirectory.builder()
                            .backend("corp", "beta", Map.of())
                            .backend("x", "gamma", Map.of())
                            .build())
                    .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                            .contains("clientele.backend.corp.url", "clientele.backend.corp.base-dn",
                                    "clientele.backend.x.type"));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
