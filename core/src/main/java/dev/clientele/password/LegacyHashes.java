package dev.clientele.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import dev.clientele.AlgorithmUnavailableException;
import dev.clientele.ValidationException;

/**
 * The password hashes found in Znuny/OTRS {@code customer_user} tables (every {@link CryptType}), verified so that
 * an existing customer base can migrate to {@link Pbkdf2PasswordHasher} without password resets, and written where a
 * back-end keeps Znuny's type ({@link PasswordStorage}).
 *
 * <p>Told apart by their form:
 * <ul>
 *   <li>{@code sha2} (Znuny's default): hex SHA-256 of the UTF-8 password, 64 hex digits; {@code sha512}: 128;
 *       {@code sha1}: 40; and plain hex MD5, 32 (not a Znuny type, found in older tables). Upper or lower case
 *       verifies; lower case is written, as Znuny compares it;</li>
 *   <li>{@code md5}: MD5-crypt, {@code $1$salt$hash}; {@code apr1}: {@code $apr1$salt$hash} (see {@link Md5Crypt});</li>
 *   <li>{@code crypt}: Unix DES crypt, 13 characters of {@code ./0-9A-Za-z} (see {@link DesCrypt});</li>
 *   <li>{@code bcrypt}: Znuny's {@code BCRYPT:cost:salt:hash} and {@code $2a$/$2b$/$2y$} (see {@link Bcrypt}).</li>
 * </ul>
 *
 * <p>{@code plain} cannot be told apart from the others, so it is not here: {@link PasswordStorage} accepts it for
 * a back-end configured with it. Comparisons are in constant time; a malformed string is "no match", never an
 * exception.
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

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether this stored string is in one of the supported legacy formats. */
    static boolean isLegacy(String encoded) {
        return detect(encoded).isPresent() || Md5Crypt.isMd5Crypt(encoded) || DesCrypt.isDesCrypt(encoded)
                || Bcrypt.isBcrypt(encoded);
    }

    /**
     * Whether a stored string is what {@link #hash} writes for this type (lower-case hex, Znuny's bcrypt form with
     * at least this cost), so that Znuny reads it. {@link CryptType#PLAIN}: anything that is no hash.
     */
    static boolean isOfType(CryptType type, String encoded, int bcryptCost) {
        if (encoded == null) {
            return false;
        }
        switch (type) {
            case SHA2: return isLowerHex(encoded, Format.SHA256);
            case SHA1: return isLowerHex(encoded, Format.SHA1);
            case SHA512: return isLowerHex(encoded, Format.SHA512);
            case MD5: return encoded.startsWith("$1$") && Md5Crypt.isMd5Crypt(encoded);
            case APR1: return encoded.startsWith("$apr1$") && Md5Crypt.isMd5Crypt(encoded);
            case CRYPT: return DesCrypt.isDesCrypt(encoded);
            case BCRYPT: return Bcrypt.isZnunyForm(encoded) && Bcrypt.cost(encoded).getAsInt() >= bcryptCost;
            case PLAIN: return !isLegacy(encoded) && !Pbkdf2PasswordHasher.isPhc(encoded);
            default: throw new IllegalStateException(type.name());
        }
    }

    /**
     * A new hash of the password in this type, as Znuny writes it (with a random salt where the type has one).
     *
     * @throws ValidationException naming {@code password} for a bcrypt password of more than 71 UTF-8 bytes
     */
    static String hash(CryptType type, char[] password, int bcryptCost) {
        if (type == CryptType.PLAIN) {
            return new String(password);
        }
        byte[] bytes = utf8(password);
        try {
            switch (type) {
                case SHA2: return HexFormat.of().formatHex(digest(Format.SHA256, bytes));
                case SHA1: return HexFormat.of().formatHex(digest(Format.SHA1, bytes));
                case SHA512: return HexFormat.of().formatHex(digest(Format.SHA512, bytes));
                case MD5: return Md5Crypt.hash(bytes, "$1$", RANDOM);
                case APR1: return Md5Crypt.hash(bytes, "$apr1$", RANDOM);
                case CRYPT: return DesCrypt.hash(bytes, RANDOM);
                case BCRYPT: return Bcrypt.znunyHash(bytes, bcryptCost, RANDOM);
                default: throw new IllegalStateException(type.name());
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether the password matches a legacy hash; {@code false} when it does not or the string is not a supported
     * legacy hash. Never throws for bad input.
     */
    static boolean verify(char[] password, String encoded) {
        if (password == null) {
            return false;
        }
        if (Md5Crypt.isMd5Crypt(encoded) || DesCrypt.isDesCrypt(encoded) || Bcrypt.isBcrypt(encoded)) {
            byte[] bytes = utf8(password);
            try {
                return Md5Crypt.verify(bytes, encoded) || DesCrypt.verify(bytes, encoded)
                        || Bcrypt.verify(bytes, encoded);
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

    /** Whether the password is the stored clear text, compared in constant time (as digests of equal length). */
    static boolean plainMatches(char[] password, String stored) {
        byte[] given = utf8(password);
        byte[] kept = utf8(stored.toCharArray());
        try {
            return MessageDigest.isEqual(digest(Format.SHA256, given), digest(Format.SHA256, kept));
        } finally {
            Arrays.fill(given, (byte) 0);
            Arrays.fill(kept, (byte) 0);
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

    private static boolean isLowerHex(String s, Format format) {
        return s.length() == format.hexLength && isHex(s) && s.equals(s.toLowerCase(java.util.Locale.ROOT));
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
