package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.ValidationException;
import dev.clientele.spi.BackendSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-back-end password settings: parsing (every bad value named by its key) and the hasher they make. */
class PasswordStorageTest {
    private static final Pbkdf2PasswordHasher BASE = Pbkdf2PasswordHasher.withIterations(1_000);
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    private static PasswordStorage read(Map<String, String> values) {
        return PasswordStorage.read(BackendSettings.of("znuny", "jdbc", values));
    }

    private static ConfigurationException refused(Map<String, String> values) {
        try {
            read(values);
        } catch (ConfigurationException e) {
            return e;
        }
        throw new AssertionError("accepted " + values);
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("no settings: rehash = pbkdf2, no crypt type, and the directory's hasher itself")
    void defaults() {
        PasswordStorage s = read(Map.of("url", "jdbc:h2:mem:x"));

        assertThat(s).isEqualTo(PasswordStorage.defaults());
        assertThat(s.rehash()).isEqualTo(RehashPolicy.PBKDF2);
        assertThat(s.cryptType()).isEmpty();
        assertThat(s.hasher(BASE)).isSameAs(BASE);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource({
            "keep-crypt-type, sha2,   , KEEP_CRYPT_TYPE, SHA2,   12",
            "KEEP-CRYPT-TYPE, BCRYPT, 9, KEEP_CRYPT_TYPE, BCRYPT, 9",
            "off,             md5,    , OFF,             MD5,    12",
            "off,             ,       , OFF,             ,       12",
            "' pbkdf2 ',      plain,  , PBKDF2,          PLAIN,  12"})
    @DisplayName("the settings are read in any case, white space around them ignored")
    void reads(String rehash, String type, String cost, RehashPolicy expectedRehash, CryptType expectedType,
            int expectedCost) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("rehash", rehash);
        if (type != null) {
            values.put("crypt-type", type);
        }
        if (cost != null) {
            values.put("bcrypt-cost", cost);
        }
        PasswordStorage s = read(values);

        assertThat(s.rehash()).isEqualTo(expectedRehash);
        assertThat(s.cryptType().orElse(null)).isEqualTo(expectedType);
        assertThat(s.bcryptCost()).isEqualTo(expectedCost);
    }

    @Test
    @DisplayName("unknown values are refused under their full key, listing what is accepted, all at once")
    void unknownValues() {
        ConfigurationException e = refused(Map.of("rehash", "sometimes", "crypt-type", "rot13", "bcrypt-cost", "x"));

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("clientele.backend.znuny.rehash",
                "clientele.backend.znuny.crypt-type", "clientele.backend.znuny.bcrypt-cost");
        assertThat(e.getMessage()).contains("pbkdf2, keep-crypt-type, off", "'sometimes'",
                "sha2, sha1, sha512, md5, apr1, crypt, bcrypt, plain", "'rot13'");
    }

    @Test
    @DisplayName("keep-crypt-type without a crypt-type is refused under rehash")
    void keepNeedsAType() {
        assertThat(refused(Map.of("rehash", "keep-crypt-type")).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.key()).isEqualTo("clientele.backend.znuny.rehash");
                    assertThat(p.message()).contains("crypt-type");
                });
    }

    @Test
    @DisplayName("a crypt-type other than plain with rehash = pbkdf2 (the default) is refused: it would do nothing")
    void typeWithoutEffect() {
        assertThat(refused(Map.of("crypt-type", "sha2")).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.key()).isEqualTo("clientele.backend.znuny.crypt-type");
                    assertThat(p.message()).contains("keep-crypt-type");
                });
    }

    @ParameterizedTest(name = "bcrypt-cost = {0}")
    @CsvSource({"8", "19", "-1", "twelve"})
    @DisplayName("a bcrypt cost outside 9 to 18 is refused under bcrypt-cost")
    void badCost(String cost) {
        assertThat(refused(Map.of("rehash", "keep-crypt-type", "crypt-type", "bcrypt", "bcrypt-cost", cost))
                .problems()).extracting(Problem::key).containsExactly("clientele.backend.znuny.bcrypt-cost");
    }

    @Test
    @DisplayName("a bcrypt cost with another crypt type is refused under bcrypt-cost")
    void costWithoutBcrypt() {
        assertThat(refused(Map.of("rehash", "off", "crypt-type", "sha2", "bcrypt-cost", "10")).problems())
                .extracting(Problem::key).containsExactly("clientele.backend.znuny.bcrypt-cost");
    }

    @Test
    @DisplayName("in code: of() and withBcryptCost() refuse the same, naming the argument")
    void ofChecks() {
        assertThatThrownBy(() -> PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rehash");
        assertThatThrownBy(() -> PasswordStorage.of(RehashPolicy.PBKDF2, CryptType.MD5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cryptType");
        assertThatThrownBy(() -> PasswordStorage.of(RehashPolicy.OFF, CryptType.BCRYPT).withBcryptCost(30))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bcryptCost");
        assertThat(PasswordStorage.of(RehashPolicy.OFF, CryptType.BCRYPT).withBcryptCost(10).bcryptCost()).isEqualTo(10);
    }

    @Test
    @DisplayName("keep-crypt-type sha2: writes lower-case hex, re-hashes anything Znuny would not read as sha2")
    void keepSha2() throws NoSuchAlgorithmException {
        PasswordHasher h = PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, CryptType.SHA2).hasher(BASE);

        assertThat(h.hash(PASSWORD.toCharArray())).isEqualTo(sha256(PASSWORD));
        assertThat(h.needsRehash(sha256(PASSWORD))).isFalse();
        assertThat(h.needsRehash(sha256(PASSWORD).toUpperCase(Locale.ROOT))).isTrue();
        assertThat(h.needsRehash(BASE.hash(PASSWORD.toCharArray()))).isTrue();
        assertThat(h.needsRehash("$1$rasmusle$rISCgZzpwk3UhDidwXvin0")).isTrue();
        assertThat(h.verify(PASSWORD.toCharArray(), BASE.hash(PASSWORD.toCharArray()))).isTrue();
    }

    @Test
    @DisplayName("off: never re-hashes; writes the crypt type when one is set, else the directory's hasher")
    void off() {
        PasswordHasher withType = PasswordStorage.of(RehashPolicy.OFF, CryptType.APR1).hasher(BASE);
        PasswordHasher without = PasswordStorage.of(RehashPolicy.OFF, null).hasher(BASE);

        assertThat(withType.needsRehash("5ebe2294ecd0e0f08eab7690d2a6ee69")).isFalse();
        assertThat(withType.hash(PASSWORD.toCharArray())).startsWith("$apr1$");
        assertThat(without.needsRehash("5ebe2294ecd0e0f08eab7690d2a6ee69")).isFalse();
        assertThat(without.hash(PASSWORD.toCharArray())).startsWith("$pbkdf2-sha256$");
    }

    @Test
    @DisplayName("plain: clear text verifies only on a back-end configured with it")
    void plainOnlyWhenConfigured() {
        PasswordHasher plain = PasswordStorage.of(RehashPolicy.PBKDF2, CryptType.PLAIN).hasher(BASE);
        PasswordHasher keepSha2 = PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, CryptType.SHA2).hasher(BASE);

        assertThat(plain.verify(PASSWORD.toCharArray(), PASSWORD)).isTrue();
        assertThat(plain.verify("Wr0ng-Horse-Battery".toCharArray(), PASSWORD)).isFalse();
        assertThat(plain.needsRehash(PASSWORD)).isTrue();
        assertThat(BASE.verify(PASSWORD.toCharArray(), PASSWORD)).isFalse();
        assertThat(keepSha2.verify(PASSWORD.toCharArray(), PASSWORD)).isFalse();
    }

    @Test
    @DisplayName("plain: a legacy hash still verifies as the hash it is; a PBKDF2 hash is never taken as clear text")
    void plainAndHashes() throws NoSuchAlgorithmException {
        PasswordHasher plain = PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, CryptType.PLAIN).hasher(BASE);
        String pbkdf2 = BASE.hash(PASSWORD.toCharArray());

        assertThat(plain.verify(PASSWORD.toCharArray(), sha256(PASSWORD))).isTrue();
        assertThat(plain.verify(PASSWORD.toCharArray(), pbkdf2)).isTrue();
        assertThat(plain.verify(pbkdf2.toCharArray(), pbkdf2)).as("the hash typed as a password").isFalse();
        assertThat(plain.hash(PASSWORD.toCharArray())).isEqualTo(PASSWORD);
        assertThat(plain.needsRehash(PASSWORD)).isFalse();
        assertThat(plain.needsRehash(pbkdf2)).isTrue();
    }

    @Test
    @DisplayName("toString names the settings only")
    void text() {
        PasswordStorage s = PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, CryptType.BCRYPT).withBcryptCost(10);
        assertThat(s).hasToString("PasswordStorage[rehash=keep-crypt-type, crypt-type=bcrypt, bcrypt-cost=10]");
        assertThat(s.hasher(BASE).toString()).contains("keep-crypt-type").doesNotContain("$");
    }

    @Test
    @DisplayName("the builder refuses a storage for an unknown back-end, or for one that keeps no password hashes")
    void builderChecks() {
        dev.clientele.spi.CustomerBackend binds = new dev.clientele.spi.CustomerBackend() {
            @Override public String name() { return "corp"; }
            @Override public String type() { return "test"; }
            @Override public void close() { }
        };
        PasswordStorage keep = PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, CryptType.SHA2);

        assertThatThrownBy(() -> dev.clientele.CustomerDirectory.builder().backend(binds)
                .passwordStorage("corp", keep).passwordStorage("nowhere", keep).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .as(e.getMessage()).filteredOn(p -> p.key().endsWith(".rehash")).extracting(Problem::key)
                        .containsExactlyInAnyOrder("clientele.backend.corp.rehash", "clientele.backend.nowhere.rehash"));
    }
}
