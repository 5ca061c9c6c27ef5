package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackendProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The jdbc provider skeleton")
class JdbcBackendProviderTest {

    @Test
    @DisplayName("is found with ServiceLoader under type 'jdbc'")
    void discovered() {
        assertThat(ServiceLoader.load(CustomerBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(CustomerBackendProvider::type)).contains("jdbc");
    }

    @Test
    @DisplayName("says clearly, naming the key, that the back-end is not implemented yet")
    void notYetImplemented() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> new JdbcBackendProvider().create(BackendSettings.of("corp", "jdbc", Map.of())))
                .withMessageContaining("clientele.backend.corp.type")
                .withMessageContaining("not implemented yet");
    }
}
