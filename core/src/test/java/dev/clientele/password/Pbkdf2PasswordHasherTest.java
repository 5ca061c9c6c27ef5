package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.clientele.ValidationException;

class Pbkdf2PasswordHasherTest {
    private static final Pbkdf2PasswordHasher FAST = Pbkdf2PasswordHasher.withIterations(1_000);

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    @DisplayName("a hashed password verifies against its hash")
    void roundTrip() {
        String encoded = FAST.hash(pw("correct horse battery staple"));

        assertThat(FAST.verify(pw("correct horse battery staple"), encoded)).isTrue();
    }

    @Test
    @DisplayName("a wrong password does not verify")
    void wrongPasswordFails() {
        String encoded = FAST.hash(pw("correct horse battery staple"));

        assertThat(FAST.verify(pw("correct horse battery stapler"), encoded)).isFalse();
        assertThat(FAST.verify(pw(""), encoded)).isFalse();
    }

    @Test
    @DisplayName("a hash is a PHC string with iterations, key length, 16-byte salt and 32-byte key in unpadded base64")
    void phcFormat() {
        String encoded = FAST.hash(pw("secret"));

        // 16 bytes are 22 base64 characters without padding, 32 bytes are 43.
        assertThat(encoded).matches("\\$pbkdf2-sha256\\$i=1000,l=32\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    @DisplayName("two hashes of one password differ, because each has its own salt, and both verify")
    void saltMakesHashesDiffer() {
        String first = FAST.hash(pw("secret"));
        String second = FAST.hash(pw("secret"));

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[3]).isNotEqualTo(second.split("\\$")[3]);
        assertThat(FAST.verify(pw("secret"), first)).isTrue();
        assertThat(FAST.verify(pw("secret"), second)).isTrue();
    }

    @Test
    @DisplayName("hashing does not change the password array")
    void hashLeavesPasswordAlone() {
        char[] password = pw("secret");

        FAST.verify(password, FAST.hash(password));

        assertThat(password).containsExactly('s', 'e', 'c', 'r', 'e', 't');
    }

    @Test
    @DisplayName("a hash made with another iteration count still verifies, using the count in the string")
    void otherIterationCountVerifies() {
        String encoded = Pbkdf2PasswordHasher.withIterations(2_000).hash(pw("secret"));

        assertThat(encoded).contains("$i=2000,");
        assertThat(FAST.verify(pw("secret"), encoded)).isTrue();
        assertThat(FAST.verify(pw("Secret"), encoded)).isFalse();
    }

    @Test
    @DisplayName("a PBKDF2-HMAC-SHA256 test vector made elsewhere (4096 iterations, 36-byte salt, 40-byte key) verifies")
    void interoperableTestVector() {
        // P = "passwordPASSWORDpassword", S = "saltSALTsaltSALTsaltSALTsaltSALTsalt", c = 4096, dkLen = 40:
        // 348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9
        String encoded = "$pbkdf2-sha256$i=4096,l=40$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0"
                + "$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q";

        assertThat(FAST.verify(pw("passwordPASSWORDpassword"), encoded)).isTrue();
        assertThat(FAST.verify(pw("passwordPASSWORDpassworD"), encoded)).isFalse();
    }

    @Test
    @DisplayName("a hash with fewer iterations than configured needs a rehash")
    void fewerIterationsNeedRehash() {
        String encoded = FAST.hash(pw("secret"));

        assertThat(Pbkdf2PasswordHasher.withIterations(2_000).needsRehash(encoded)).isTrue();
    }

    @Test
    @DisplayName("a hash made with the current parameters does not need a rehash")
    void currentHashNeedsNoRehash() {
        assertThat(FAST.needsRehash(FAST.hash(pw("secret")))).isFalse();
    }

    @Test
    @DisplayName("a hash with more iterations than configured is not downgraded")
    void moreIterationsNeedNoRehash() {
        String encoded = Pbkdf2PasswordHasher.withIterations(2_000).hash(pw("secret"));

        assertThat(FAST.needsRehash(encoded)).isFalse();
    }

    @Test
    @DisplayName("a hash with another key length needs a rehash")
    void otherKeyLengthNeedsRehash() {
        String fortyByteKey = "$pbkdf2-sha256$i=4096,l=40$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0"
                + "$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q";

        assertThat(FAST.needsRehash(fortyByteKey)).isTrue();
    }

    @Test
    @DisplayName("legacy hex digests, unknown strings and null need a rehash")
    void legacyAndUnknownNeedRehash() {
        assertThat(FAST.needsRehash("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b")).isTrue();
        assertThat(FAST.needsRehash("garbage")).isTrue();
        assertThat(FAST.needsRehash("")).isTrue();
        assertThat(FAST.needsRehash(null)).isTrue();
    }

    static Stream<Arguments> malformed() {
        String valid = FAST.hash(pw("secret"));
        String[] parts = valid.split("\\$"); // "", id, params, salt, hash
        String salt = parts[3];
        String hash = parts[4];
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("garbage", "garbage"),
                Arguments.of("only the prefix", "$pbkdf2-sha256$"),
                Arguments.of("another algorithm", "$pbkdf2-sha512$i=1000,l=32$" + salt + "$" + hash),
                Arguments.of("characters outside base64", "$pbkdf2-sha256$i=1000,l=32$" + salt + "$!!" + hash),
                Arguments.of("base64 of impossible length", "$pbkdf2-sha256$i=1000,l=32$" + salt + "$" + hash + "A"),
                Arguments.of("base64 with padding", "$pbkdf2-sha256$i=1000,l=32$" + salt + "==$" + hash),
                Arguments.of("salt too short", "$pbkdf2-sha256$i=1000,l=32$QUJD$" + hash),
                Arguments.of("key length not matching the key", "$pbkdf2-sha256$i=1000,l=16$" + salt + "$" + hash),
                Arguments.of("zero iterations", "$pbkdf2-sha256$i=0,l=32$" + salt + "$" + hash),
                Arguments.of("negative iterations", "$pbkdf2-sha256$i=-1000,l=32$" + salt + "$" + hash),
                Arguments.of("iterations with leading zero", "$pbkdf2-sha256$i=01000,l=32$" + salt + "$" + hash),
                Arguments.of("iterations beyond int", "$pbkdf2-sha256$i=99999999999999999999,l=32$" + salt + "$" + hash),
                Arguments.of("iterations above 10 million", "$pbkdf2-sha256$i=99999999,l=32$" + salt + "$" + hash),
                Arguments.of("absurd key length", "$pbkdf2-sha256$i=1000,l=999$" + salt + "$" + hash),
                Arguments.of("trailing text", valid + "$extra"),
                Arguments.of("very long string", valid + "A".repeat(100_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a malformed stored string verifies false at once, without throwing")
    void malformedVerifiesFalse(String description, String encoded) {
        assertThat(FAST.verify(pw("secret"), encoded)).isFalse();
        assertThat(FAST.needsRehash(encoded)).isTrue();
    }

    @Test
    @DisplayName("null arguments to verify give false, not an exception")
    void verifyNulls() {
        String encoded = FAST.hash(pw("secret"));

        assertThat(FAST.verify(null, encoded)).isFalse();
        assertThat(FAST.verify(pw("secret"), null)).isFalse();
    }

    @Test
    @DisplayName("hashing a null password is rejected")
    void hashNull() {
        assertThatThrownBy(() -> FAST.hash(null)).isInstanceOf(ValidationException.class)
                .hasMessage("password is required");
    }

    @Test
    @DisplayName("iteration counts below 1,000 or above 10 million are rejected, naming iterations")
    void iterationBounds() {
        assertThat(Pbkdf2PasswordHasher.withIterations(Pbkdf2PasswordHasher.MIN_ITERATIONS).iterations())
                .isEqualTo(1_000);
        assertThatThrownBy(() -> Pbkdf2PasswordHasher.withIterations(999))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> Pbkdf2PasswordHasher.withIterations(Pbkdf2PasswordHasher.MAX_ITERATIONS + 1))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("iterations");
    }

    @Test
    @DisplayName("the dummy hash is computed once per hasher, in the current format, and matches no usual password")
    void dummyHash() {
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.withIterations(1_000);

        String dummy = hasher.dummyHash();

        assertThat(hasher.dummyHash()).isSameAs(dummy);
        assertThat(dummy).startsWith("$pbkdf2-sha256$i=1000,l=32$");
        assertThat(hasher.needsRehash(dummy)).isFalse();
        for (String guess : new String[] {"", "password", "secret", "123456", "null", "dummy"}) {
            assertThat(hasher.verify(pw(guess), dummy)).as(guess).isFalse();
        }
        assertThat(Pbkdf2PasswordHasher.withIterations(1_000).dummyHash()).isNotEqualTo(dummy);
    }

    @Test
    @DisplayName("the default hasher uses at least 600,000 iterations and its hashes say i=600000 and verify")
    void defaults() {
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.withDefaults();

        String encoded = hasher.hash(pw("secret"));

        assertThat(hasher.iterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(Pbkdf2PasswordHasher.DEFAULT_ITERATIONS).isEqualTo(600_000);
        assertThat(encoded).startsWith("$pbkdf2-sha256$i=600000,l=32$");
        assertThat(hasher.verify(pw("secret"), encoded)).isTrue();
    }
}
