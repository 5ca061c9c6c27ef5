package dev.clientele.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import dev.clientele.AlgorithmUnavailableException;

/**
 * The unsalted hex-digest password hashes found in Znuny/OTRS {@code customer_user} tables, verified so that an
 * existing customer base can migrate to {@link Pbkdf2PasswordHasher} without password resets: the first
 * successful login re-hashes the password.
 *
 * <p>Supported, told apart by length and a hex-only character set (upper or lower case):
 * <ul>
 *   <li>{@code sha2} (Znuny's {@code CustomerUserEncryptionType} default): hex SHA-256 of the UTF-8 password,
 *       64 hex digits;</li>
 *   <li>{@code sha512}: hex SHA-512, 128 hex digits;</li>
 *   <li>{@code sha1}: hex SHA-1, 40 hex digits;</li>
 *   <li>plain hex MD5, 32 hex digits;</li>
 *   <li>{@code md5} (Znuny's own type): MD5-crypt, {@code $1$salt$hash}; and {@code apr1}, Apache's variant,
 *       {@code $apr1$salt$hash} (see {@link Md5Crypt}).</li>
 * </ul>
 *
 * <p>Not supported yet: {@code plain} (clear text), {@code crypt} (Unix DES crypt) and {@code bcrypt}
 * ({@code BCRYPT:cost:salt:hash}). Customers with such hashes need a password reset.
 *
 * <p>Digests are compared in constant time.
 */
final class LegacyHashes {

    /** A supported legacy format, identified by the length of its hex digest. */
    enum Format {
        MD5("MD5", 32),
        SHA1("SHA-1", 40),
        SHA256("SHA-256", 64),
        SHA512("SHA-512", 128);

        private final String algorithm;
        private final int hexLength;

        Format(String algorithm, int hexLength) {
            this.algorithm = algorithm;
            this.hexLength = hexLength;
        }

        String algorithm() {
            return algorithm;
        }
    }

    private LegacyHashes() {
    }

    /** The legacy format of this stored string, if it is one of the supported ones. */
    static Optional<Format> detect(String encoded) {
        if (encoded == null || !isHex(encoded)) {
            return Optional.empty();
        }
        for (Format f : Format.values()) {
            if (f.hexLength == encoded.length()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether this stored string is in one of the supported legacy formats. */
    static boolean isLegacy(String encoded) {
        return detect(encoded).isPresent() || Md5Crypt.isMd5Crypt(encoded);
    }

    /**
     * Whether the password matches a legacy hash; {@code false} when it does not or the string is not a supported
     * legacy hash. Never throws for bad input.
     */
    static boolean verify(char[] password, String encoded) {
        if (password == null) {
            return false;
        }
        if (Md5Crypt.isMd5Crypt(encoded)) {
            byte[] bytes = utf8(password);
            try {
                return Md5Crypt.verify(bytes, encoded);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        Optional<Format> format = detect(encoded);
        if (format.isEmpty()) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(encoded);
        byte[] bytes = utf8(password);
        try {
            return MessageDigest.isEqual(digest(format.get(), bytes), expected);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] digest(Format format, byte[] bytes) {
        try {
            return MessageDigest.getInstance(format.algorithm()).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AlgorithmUnavailableException(format.algorithm(), e);
        }
    }

    /** The password's UTF-8 bytes, without making a {@code String} of it. The caller clears the result. */
    static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static boolean isHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }
}
