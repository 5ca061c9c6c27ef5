package dev.clientele.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"did you mean\": the one rule for unknown settings of the directory and of each back-end")
class ValuesClosestTest {

    @Test
    @DisplayName("a typo within the edit distance names the setting; a swap of two letters counts once")
    void typos() {
        List<String> jdbc = List.of("url", "user", "password", "pool-size", "schema");
        assertThat(Values.closest("passwrd", jdbc)).contains("password");
        assertThat(Values.closest("pasword", jdbc)).contains("password");
        assertThat(Values.closest("uesr", jdbc)).contains("user");
        assertThat(Values.closest("clientele.policy.group-suport", List.of("clientele.policy.group-support",
                "clientele.policy.always-groups"))).contains("clientele.policy.group-support");
    }

    @Test
    @DisplayName("the same last segment elsewhere names that key; nothing close gives no hint")
    void segmentOrNothing() {
        assertThat(Values.closest("clientele.polcy.group-support", List.of("clientele.search.limit",
                "clientele.policy.group-support"))).contains("clientele.policy.group-support");
        assertThat(Values.closest("colour", List.of("url", "user", "password"))).isEmpty();
        assertThat(Values.didYouMean("passwrd", List.of("password"))).isEqualTo(" (did you mean password?)");
        assertThat(Values.didYouMean("colour", List.of("password"))).isEmpty();
    }

    @Test
    @DisplayName("a back-end's unknown key suggests one of the settings it read")
    void backendKeys() {
        BackendSettings s = BackendSettings.of("local", "jdbc", Map.of("url", "jdbc:h2:mem:x", "passwrd", "x"));
        BackendSettings.Reader r = s.reader();
        r.optional("url");
        r.secret("password");
        try {
            r.rejectUnknownKeys().done();
            throw new AssertionError("an unknown key must be a problem");
        } catch (ConfigurationException e) {
            assertThat(e.problems()).containsExactly(new Problem("clientele.backend.local.passwrd",
                    "is not a setting of the jdbc back-end (did you mean password?)"));
        }
    }
}
