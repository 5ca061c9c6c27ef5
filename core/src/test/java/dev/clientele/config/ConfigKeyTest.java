package dev.clientele.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerQuery;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The table of configuration keys")
class ConfigKeyTest {

    @Test
    @DisplayName("the keys the properties reader knows are exactly the table's")
    void keysAreTheTable() {
        assertThat(ClienteleConfig.KEYS).hasSize(ConfigKey.all().size())
                .contains("clientele.search.limit", "clientele.cache.max-size", "clientele.policy.always-groups");
        assertThat(ConfigKey.of("clientele.search.limit")).containsSame(ConfigKey.SEARCH_LIMIT);
        assertThat(ConfigKey.of("clientele.search.lmit")).isEmpty();
    }

    @Test
    @DisplayName("a key not set reads as the table's default")
    void defaultsFromTheTable() {
        ClienteleConfig c = ClienteleConfig.from(Map.of("clientele.backend.local.type", "memory"));
        assertThat(c.searchLimit()).isEqualTo(CustomerQuery.DEFAULT_LIMIT)
                .isEqualTo(ConfigKey.SEARCH_LIMIT.defaultValue().orElseThrow());
        assertThat(c.value(ConfigKey.CACHE_TTL)).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.value(ConfigKey.UNIQUE_EMAIL)).isTrue();
        assertThat(c.resetTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(c.policy().alwaysGroups()).isEqualTo(ConfigKey.ALWAYS_GROUPS.defaultValue().orElseThrow());
    }

    @Test
    @DisplayName("the properties reader and the builder refuse the same out-of-range value with the same words")
    void oneRange() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ClienteleConfig.from(Map.of("clientele.backend.local.type", "memory",
                        "clientele.search.limit", "100001")))
                .withMessageContaining("clientele.search.limit")
                .withMessageContaining("must be between 1 and 100000, was 100001");
        assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> CustomerDirectory.builder().searchLimit(100_001))
                .withMessageContaining("searchLimit must be between 1 and 100000, was 100001");
        assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> CustomerDirectory.builder().cacheMaxSize(-1))
                .withMessageContaining("cacheMaxSize must be at least 0, was -1");
    }

    @Test
    @DisplayName("a reset-token lifetime of zero is refused by the properties reader as by the builder")
    void zeroLifetimeRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ClienteleConfig.from(Map.of("clientele.backend.local.type", "memory",
                        "clientele.reset-token.lifetime", "0s")))
                .withMessageContaining("clientele.reset-token.lifetime");
        assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> CustomerDirectory.builder().resetTokenLifetime(Duration.ZERO))
                .withMessageContaining("resetTokenLifetime");
    }
}
