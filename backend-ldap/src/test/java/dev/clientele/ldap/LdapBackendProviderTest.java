package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackendProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ldap provider skeleton")
class LdapBackendProviderTest {

    @Test
    @DisplayName("is found with ServiceLoader under type 'ldap'")
    void discovered() {
        assertThat(ServiceLoader.load(CustomerBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(CustomerBackendProvider::type)).contains("ldap");
    }

    @Test
    @DisplayName("says clearly, naming the key, that the back-end is not implemented yet")
    void notYetImplemented() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> new LdapBackendProvider().create(BackendSettings.of("corp", "ldap", Map.of())))
                .withMessageContaining("clientele.backend.corp.type")
                .withMessageContaining("not implemented yet");
    }
}
