package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;

import dev.clientele.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The Znuny types added to the legacy hashes — Unix DES crypt and bcrypt in both forms — and writing every type.
 * Vectors: published ones (the PHP manual's {@code crypt()} examples for the password {@code rasmuslerdorf}), ones
 * made for this test with glibc's {@code crypt(3)} and with Perl's {@code Crypt::Eksblowfish::Bcrypt} (the bcrypt
 * library Znuny calls), and hashes computed in the test with Spring's {@link BCrypt}.
 */
class ZnunyHashesTest {
    private static final Pbkdf2PasswordHasher HASHER = Pbkdf2PasswordHasher.withIterations(1_000);

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "rasmuslerdorf,         rl.3StKT.4T8M", // PHP manual, crypt(): "Standard DES"
            "Corr3ct-Horse,         abihx0MeQyR3s", // glibc crypt(3), salt "ab"
            "'',                    zz6dpSdr.LHZw"}) // glibc crypt(3), empty password, salt "zz"
    @DisplayName("a DES crypt string verifies with its password only")
    void desCrypt(String password, String encoded) {
        assertThat(DesCrypt.isDesCrypt(encoded)).isTrue();
        assertThat(HASHER.verify(pw(password), encoded)).isTrue();
        assertThat(HASHER.verify(pw("x" + password), encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
    }

    @Test
    @DisplayName("DES crypt counts only the first 8 characters, as the algorithm does")
    void desCryptEightCharacters() {
        assertThat(HASHER.verify(pw("Corr3ct-Horse-Battery"), "abihx0MeQyR3s")).isTrue();
        assertThat(HASHER.verify(pw("Corr3ct-"), "abihx0MeQyR3s")).isTrue();
        assertThat(HASHER.verify(pw("Corr3ct"), "abihx0MeQyR3s")).isFalse();
    }

    @Test
    @DisplayName("DES crypt of a non-ASCII password: its UTF-8 bytes, as glibc crypt(3) sees them")
    void desCryptUtf8() {
        assertThat(HASHER.verify(pw("Päss"), "./rOYc2FutVZ6")).isTrue();
        assertThat(HASHER.verify(pw("Pass"), "./rOYc2FutVZ6")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$2y$", "$2a$", "$2b$"})
    @DisplayName("a modular bcrypt string verifies in each of its versions (PHP manual vector)")
    void modularBcrypt(String version) {
        String encoded = version + "07$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6hi";
        assertThat(HASHER.verify(pw("rasmuslerdorf"), encoded)).isTrue();
        assertThat(HASHER.verify(pw("rasmuslerdorF"), encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
    }

    @Test
    @DisplayName("a bcrypt hash made by the library in the test verifies, a non-ASCII password too")
    void libraryBcrypt() {
        String encoded = BCrypt.hashpw("Pässwort-€".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BCrypt.gensalt(4));
        assertThat(HASHER.verify(pw("Pässwort-€"), encoded)).isTrue();
        assertThat(HASHER.verify(pw("Passwort-€"), encoded)).isFalse();
    }

    @Test
    @DisplayName("bcrypt passwords longer than 72 bytes count by their first 72, as the algorithm does")
    void bcryptLongPassword() {
        char[] first72 = new char[72];
        Arrays.fill(first72, 'a');
        String encoded = BCrypt.hashpw(new String(first72).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                BCrypt.gensalt(4));
        char[] longer = Arrays.copyOf(first72, 100);
        Arrays.fill(longer, 72, 100, 'b');

        assertThat(HASHER.verify(longer, encoded)).isTrue();
        assertThat(HASHER.verify(Arrays.copyOf(first72, 71), encoded)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Corr3ct-Horse, BCRYPT:9:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..",
            "Pässwort-€,    BCRYPT:10:zZ9yY8xX7wW6vV5u:Id.QZwUAxS7ySG9XH2KJ/9GFHIv8cuW"})
    @DisplayName("Znuny's BCRYPT:cost:salt:hash verifies (vectors from Perl's Crypt::Eksblowfish::Bcrypt)")
    void znunyBcrypt(String password, String encoded) {
        assertThat(Bcrypt.isZnunyForm(encoded)).isTrue();
        assertThat(HASHER.verify(pw(password), encoded)).isTrue();
        assertThat(HASHER.verify(pw(password.toUpperCase(Locale.ROOT)), encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "BCRYPT:9:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz.", // hash part one short
            "BCRYPT:9:AbCdEfGhIjKlMnO:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..", // salt one short
            "BCRYPT:3:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..", // cost below bcrypt's least
            "BCRYPT:19:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..", // cost above what is verified
            "BCRYPT:x:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..", // cost not a number
            "BCRYPT:9:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz.!", // not bcrypt's base64
            "$2x$07$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6hi", // unknown version
            "$2y$07$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6h", // one character short
            "$2y$32$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6hi", // absurd cost
            "$2y$07$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6h$", // not bcrypt's base64
            "rl.3StKT.4T8", // DES one short
            "rl.3StKT.4T8M.", // DES one long
            "rl.3StKT.4T8$", // DES with a character outside its alphabet
            "BCRYPT:"})
    @DisplayName("malformed DES and bcrypt strings are refused: no match, no exception")
    void malformed(String encoded) {
        assertThat(HASHER.verify(pw("rasmuslerdorf"), encoded)).isFalse();
        assertThat(HASHER.verify(pw("Corr3ct-Horse"), encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
        assertThat(LegacyHashes.isLegacy(encoded)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CryptType.class)
    @DisplayName("each type writes what it verifies, in the form Znuny reads, and not another password")
    void writesEachType(CryptType type) {
        String encoded = LegacyHashes.hash(type, pw("Corr3ct-Horse"), PasswordStorage.MIN_BCRYPT_COST);

        assertThat(LegacyHashes.isOfType(type, encoded, PasswordStorage.MIN_BCRYPT_COST)).isTrue();
        if (type == CryptType.PLAIN) {
            assertThat(encoded).isEqualTo("Corr3ct-Horse");
            assertThat(LegacyHashes.plainMatches(pw("Corr3ct-Horse"), encoded)).isTrue();
            assertThat(LegacyHashes.plainMatches(pw("Wr0ng-Horse"), encoded)).isFalse();
        } else {
            assertThat(HASHER.verify(pw("Corr3ct-Horse"), encoded)).isTrue();
            assertThat(HASHER.verify(pw("Wr0ng-Horse"), encoded)).isFalse();
            assertThat(LegacyHashes.isOfType(CryptType.PLAIN, encoded, 0)).isFalse();
        }
        assertThat(LegacyHashes.hash(type, pw("Corr3ct-Horse"), PasswordStorage.MIN_BCRYPT_COST))
                .as("a fresh salt each time, where the type has one")
                .matches(again -> type == CryptType.PLAIN || type.name().startsWith("SHA") || !again.equals(encoded));
    }

    @Test
    @DisplayName("the forms written are Znuny's: lower-case hex, $1$, $apr1$, 13 DES characters, BCRYPT:cost:")
    void writtenForms() {
        char[] p = pw("Corr3ct-Horse");
        assertThat(LegacyHashes.hash(CryptType.SHA2, p, 9)).matches("[0-9a-f]{64}");
        assertThat(LegacyHashes.hash(CryptType.SHA1, p, 9)).matches("[0-9a-f]{40}");
        assertThat(LegacyHashes.hash(CryptType.SHA512, p, 9)).matches("[0-9a-f]{128}");
        assertThat(LegacyHashes.hash(CryptType.MD5, p, 9)).matches("\\$1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}");
        assertThat(LegacyHashes.hash(CryptType.APR1, p, 9)).matches("\\$apr1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}");
        assertThat(LegacyHashes.hash(CryptType.CRYPT, p, 9)).matches("[./0-9A-Za-z]{13}");
        assertThat(LegacyHashes.hash(CryptType.BCRYPT, p, 10)).matches("BCRYPT:10:[A-Za-z0-9]{16}:[./A-Za-z0-9]{31}");
    }

    @Test
    @DisplayName("a type is kept only in Znuny's form: upper-case hex, $2a$ or a lower bcrypt cost are not")
    void isOfType() {
        String sha2 = LegacyHashes.hash(CryptType.SHA2, pw("x"), 9);
        assertThat(LegacyHashes.isOfType(CryptType.SHA2, sha2.toUpperCase(Locale.ROOT), 9)).isFalse();
        assertThat(LegacyHashes.isOfType(CryptType.SHA1, sha2, 9)).isFalse();
        assertThat(LegacyHashes.isOfType(CryptType.MD5, "$apr1$rasmusle$rISCgZzpwk3UhDidwXvin0", 9)).isFalse();
        assertThat(LegacyHashes.isOfType(CryptType.BCRYPT,
                "$2a$10$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6hi", 9)).isFalse();
        assertThat(LegacyHashes.isOfType(CryptType.BCRYPT, "BCRYPT:9:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..",
                10)).isFalse();
        assertThat(LegacyHashes.isOfType(CryptType.BCRYPT, "BCRYPT:9:AbCdEfGhIjKlMnOp:xI8igJ6kaSsPrMNQfx4IMBh.W2hzz..",
                9)).isTrue();
        assertThat(LegacyHashes.isOfType(CryptType.PLAIN, HASHER.hash(pw("x")), 9)).isFalse();
        assertThat(LegacyHashes.isOfType(CryptType.SHA2, null, 9)).isFalse();
    }

    @Test
    @DisplayName("bcrypt refuses to write a password Znuny's bcrypt could not check (over 71 bytes), naming it")
    void bcryptTooLong() {
        char[] p = new char[72];
        Arrays.fill(p, 'a');
        assertThatThrownBy(() -> LegacyHashes.hash(CryptType.BCRYPT, p, 9))
                .isInstanceOf(ValidationException.class).hasMessageContaining("password")
                .hasMessageNotContaining("aaaa");
        assertThat(LegacyHashes.hash(CryptType.BCRYPT, Arrays.copyOf(p, 71), 9)).startsWith("BCRYPT:9:");
    }

    @Test
    @DisplayName("bcrypt's base64 of 16 salt octets is the 22 characters of a $2a$ salt")
    void bcryptBase64() {
        byte[] zeros = new byte[16];
        assertThat(Bcrypt.base64(zeros)).isEqualTo("......................");
        byte[] ones = new byte[16];
        Arrays.fill(ones, (byte) 0xff);
        assertThat(Bcrypt.base64(ones)).isEqualTo("999999999999999999999u");
    }
}
