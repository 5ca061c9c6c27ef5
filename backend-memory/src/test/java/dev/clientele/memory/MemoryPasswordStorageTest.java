package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.config.ClienteleConfig;
import dev.clientele.password.Pbkdf2PasswordHasher;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-back-end password settings from a properties map on the memory back-end (created by its provider):
 * they reach core, and the memory back-end takes them as settings of its own.
 */
@DisplayName("memory: rehash and crypt-type from the configuration")
class MemoryPasswordStorageTest {
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    private static CustomerDirectory open(String... settings) {
        Map<String, String> p = new HashMap<>();
        p.put("clientele.backend.local.type", "memory");
        p.put("clientele.password.iterations", "1000");
        for (int i = 0; i < settings.length; i += 2) {
            p.put("clientele.backend.local." + settings[i], settings[i + 1]);
        }
        return CustomerDirectory.builder().config(ClienteleConfig.from(p, Map.of())).build();
    }

    private static Customer jdoe() {
        return Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme").firstName("Pat")
                .lastName("Example").build();
    }

    /** The hash the directory stored, seen by copying it into a back-end the test holds. */
    private static String storedHash(CustomerDirectory d) {
        MemoryBackend copy = MemoryBackend.create("copy");
        try (CustomerDirectory target = CustomerDirectory.builder().backend(copy)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1000)).build()) {
            target.createCustomer(jdoe());
            assertThat(d.copyPasswordTo("jdoe", target)).isTrue();
        }
        return copy.credentials().orElseThrow().passwordHash("jdoe").orElseThrow();
    }

    @Test
    @DisplayName("keep-crypt-type apr1: the password is written as Apache MD5-crypt and logs in")
    void keepApr1() {
        try (CustomerDirectory d = open("rehash", "keep-crypt-type", "crypt-type", "apr1")) {
            d.createCustomer(jdoe(), PASSWORD.toCharArray());

            assertThat(storedHash(d)).matches("\\$apr1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}");
            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(d.authenticate("jdoe", "Wr0ng-Horse-Battery".toCharArray()).outcome())
                    .isEqualTo(Outcome.BAD_CREDENTIALS);
        }
    }

    @Test
    @DisplayName("a crypt-type with the default rehash = pbkdf2 is refused, naming the key")
    void typeWithoutRehash() {
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> open("crypt-type", "sha2"))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                        .containsExactly("clientele.backend.local.crypt-type"));
    }
}
