package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Legacy Znuny/OTRS hashes, checked through {@link Pbkdf2PasswordHasher} as the directory uses them. */
class LegacyHashesTest {
    private static final Pbkdf2PasswordHasher HASHER = Pbkdf2PasswordHasher.withIterations(1_000);

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    private static String hex(String algorithm, byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sha2,   2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b",
            "sha512, bd2b1aaf7ef4f09be9f52ce2d8d599674d81aa9d6a4421696dc4d93dd0619d682ce56b4d64a9ef097761ced99e0f67265b5f76085e5b0ee7ca4696b2ad6fe2b2",
            "sha1,   e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4",
            "md5,    5ebe2294ecd0e0f08eab7690d2a6ee69"})
    @DisplayName("a legacy hex digest of \"secret\" verifies with \"secret\" only, and needs a rehash")
    void knownVectors(String type, String digest) {
        assertThat(HASHER.verify(pw("secret"), digest)).isTrue();
        assertThat(HASHER.verify(pw("Secret"), digest)).isFalse();
        assertThat(HASHER.verify(pw(""), digest)).isFalse();
        assertThat(HASHER.needsRehash(digest)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MD5", "SHA-1", "SHA-256", "SHA-512"})
    @DisplayName("legacy digests are of the UTF-8 bytes of the password, as Znuny computes them")
    void utf8(String algorithm) throws NoSuchAlgorithmException {
        String password = "pässwörd €";
        String utf8 = hex(algorithm, password.getBytes(StandardCharsets.UTF_8));
        String latin1 = hex(algorithm, password.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(HASHER.verify(pw(password), utf8)).isTrue();
        assertThat(HASHER.verify(pw(password), latin1)).isFalse();
    }

    @Test
    @DisplayName("a known UTF-8 SHA-256 vector verifies")
    void knownUtf8Vector() {
        // printf 'pässwörd' | sha256sum
        assertThat(HASHER.verify(pw("pässwörd"), "46970bef70aced8123f0d5d094717e2a5cd412041e03b26376049fe65b2834a4"))
                .isTrue();
    }

    @Test
    @DisplayName("an upper-case hex digest verifies too")
    void upperCaseHex() {
        String digest = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b".toUpperCase(Locale.ROOT);

        assertThat(HASHER.verify(pw("secret"), digest)).isTrue();
        assertThat(HASHER.needsRehash(digest)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "secret", // plain: stored in clear text
            "sePKgFCKVMkJ.", // crypt: a DES crypt string of another password
            "$1$secret$abcdefghijklmnopqrstuv", // Znuny md5: MD5-crypt of another password
            "$apr1$secret$abcdefghijklmnopqrstuv", // apr1, likewise
            "BCRYPT:12:abcdefghijklmnop:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM", // bcrypt: a hash part too long
            "95c7fbca92ac5083afda62a564a3d014fc3b72c9140e3cb99ea6bf12", // 56 hex digits: SHA-224, not a Znuny type
            "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25g", // 64 characters, one not hex
            " 2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"}) // padded
    @DisplayName("unsupported, broken or other passwords' legacy strings do not verify, even with the password they might hold")
    void unsupportedFormats(String encoded) {
        assertThat(HASHER.verify(pw("secret"), encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
    }

    @Test
    @DisplayName("legacy formats are told apart by length and hex characters")
    void detection() {
        assertThat(LegacyHashes.detect("5ebe2294ecd0e0f08eab7690d2a6ee69")).contains(LegacyHashes.Format.MD5);
        assertThat(LegacyHashes.detect("e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4")).contains(LegacyHashes.Format.SHA1);
        assertThat(LegacyHashes.detect("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"))
                .contains(LegacyHashes.Format.SHA256);
        assertThat(LegacyHashes.detect("bd2b1aaf7ef4f09be9f52ce2d8d599674d81aa9d6a4421696dc4d93dd0619d682ce56b4d64a9ef097761"
                + "ced99e0f67265b5f76085e5b0ee7ca4696b2ad6fe2b2")).contains(LegacyHashes.Format.SHA512);
        assertThat(LegacyHashes.detect("５ebe2294ecd0e0f08eab7690d2a6ee69")).isEmpty(); // full-width digit
        assertThat(LegacyHashes.detect("")).isEmpty();
        assertThat(LegacyHashes.detect(null)).isEmpty();
    }
}
