package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Znuny's md5 (MD5-crypt) and apr1 hashes; the vectors were made with {@code openssl passwd -1 / -apr1}. */
@DisplayName("Legacy MD5-crypt and apr1 hashes")
class Md5CryptTest {
    private final Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.withIterations(1_000);

    @ParameterizedTest(name = "{0} verifies against {1}")
    @CsvSource(delimiter = '|', value = {
            "secret|$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1",
            "Corr3ct-Horse-Battery|$apr1$abcdefgh$PVR8uXndtkvjfqRGltK.41",
            "a much longer password than sixteen bytes|$1$12345678$yLppq.aqtfjKiej5RWDLq/",
            "Jürgen|$1$xy$xTzDx37jJ6kKlmL44yjIm1"})
    @DisplayName("the right password verifies, a wrong one does not, and the hash needs re-hashing")
    void verifies(String password, String hash) {
        assertThat(hasher.verify(password.toCharArray(), hash)).isTrue();
        assertThat(hasher.verify((password + "x").toCharArray(), hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$1$saltstri$WHZcnT3IOdSrMvizOq7Ht",
            "$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1x",
            "$1$toolongsalt$WHZcnT3IOdSrMvizOq7Ht1",
            "$1$saltstri$WHZcnT3IOdSrMvizOq7H!1",
            "$2$saltstri$WHZcnT3IOdSrMvizOq7Ht1"})
    @DisplayName("malformed strings verify nothing and never throw")
    void malformed(String hash) {
        assertThat(hasher.verify("secret".toCharArray(), hash)).isFalse();
    }
}
