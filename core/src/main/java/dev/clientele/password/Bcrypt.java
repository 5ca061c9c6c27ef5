package dev.clientele.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.clientele.ValidationException;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt in the two forms found in Znuny/OTRS tables: Znuny's own {@code BCRYPT:cost:salt:hash} and the modular
 * crypt form {@code $2a$}, {@code $2b$}, {@code $2y$} ({@code $2y$cost$<22 salt><31 hash>}). The Blowfish work is
 * Spring Security's {@link BCrypt}.
 *
 * <p>Znuny's form keeps the 16 salt octets as they are (Znuny writes 16 random letters and digits) and the 23 hash
 * octets in bcrypt's base64; the key is the password's UTF-8 bytes with a terminating NUL, as in {@code $2a$}. So
 * its hash part is the hash part of the {@code $2a$} string made from the same octets, which is how it is computed
 * here. A stored cost outside {@value #MIN_COST} to {@value #MAX_COST} is treated as malformed (not computed).
 */
final class Bcrypt {
    /** The least cost bcrypt knows. */
    static final int MIN_COST = 4;
    /** The greatest cost verified or configured; a stored string with more is refused without doing the work. */
    static final int MAX_COST = 18;
    /** Znuny's own prefix. */
    static final String ZNUNY_PREFIX = "BCRYPT:";

    private static final String BASE64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SALT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern ZNUNY = Pattern.compile("BCRYPT:([0-9]{1,2}):([\\x20-\\x7e]{16}):([./A-Za-z0-9]{31})");
    private static final Pattern MODULAR = Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$[./A-Za-z0-9]{53}");
    /** bcrypt uses at most this many key bytes; Znuny's library refuses more than 71 (72 with the NUL). */
    private static final int MAX_KEY_BYTES = 72;
    private static final int SALT_BYTES = 16;
    private static final int HASH_CHARS = 31;

    private Bcrypt() {
    }

    /** True for a well-formed string of either form with a cost that is verified. */
    static boolean isBcrypt(String encoded) {
        return cost(encoded).isPresent();
    }

    /** True for Znuny's own form with a cost that is verified. */
    static boolean isZnunyForm(String encoded) {
        return encoded != null && encoded.startsWith(ZNUNY_PREFIX) && cost(encoded).isPresent();
    }

    /** The cost of a well-formed string of either form; empty when malformed or out of range. */
    static OptionalInt cost(String encoded) {
        if (encoded == null) {
            return OptionalInt.empty();
        }
        Matcher m = encoded.startsWith(ZNUNY_PREFIX) ? ZNUNY.matcher(encoded) : MODULAR.matcher(encoded);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int cost = Integer.parseInt(m.group(1));
        return cost >= MIN_COST && cost <= MAX_COST ? OptionalInt.of(cost) : OptionalInt.empty();
    }

    /** Whether the password's UTF-8 bytes match; false for anything that is not a bcrypt string. Never throws. */
    static boolean verify(byte[] password, String encoded) {
        OptionalInt cost = cost(encoded);
        if (cost.isEmpty()) {
            return false;
        }
        byte[] key = password.length > MAX_KEY_BYTES ? Arrays.copyOf(password, MAX_KEY_BYTES) : password;
        try {
            if (encoded.startsWith(ZNUNY_PREFIX)) {
                Matcher m = ZNUNY.matcher(encoded);
                m.matches();
                String hash = hashPart(key, cost.getAsInt(), m.group(2).getBytes(StandardCharsets.ISO_8859_1));
                return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                        m.group(3).getBytes(StandardCharsets.US_ASCII));
            }
            return BCrypt.checkpw(key, encoded);
        } catch (IllegalArgumentException e) {
            return false; // a salt the library refuses: malformed, not a match
        } finally {
            if (key != password) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /**
     * A new hash in Znuny's form with a random 16-character salt.
     *
     * @throws ValidationException naming {@code password} when it has more than 71 UTF-8 bytes, which Znuny's
     *                             bcrypt refuses
     */
    static String znunyHash(byte[] password, int cost, SecureRandom random) {
        if (password.length >= MAX_KEY_BYTES) {
            throw ValidationException.ofArgument("password", "is longer than the " + (MAX_KEY_BYTES - 1)
                    + " bytes (UTF-8) that bcrypt hashes");
        }
        StringBuilder salt = new StringBuilder(SALT_BYTES);
        for (int i = 0; i < SALT_BYTES; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        String hash = hashPart(password, cost, salt.toString().getBytes(StandardCharsets.US_ASCII));
        return ZNUNY_PREFIX + cost + ":" + salt + ":" + hash;
    }

    /** The 31 characters of the hash of {@code $2a$} with these salt octets. */
    private static String hashPart(byte[] key, int cost, byte[] salt) {
        String setting = "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + base64(salt);
        String full = BCrypt.hashpw(key, setting);
        return full.substring(full.length() - HASH_CHARS);
    }

    /** bcrypt's base64: its own alphabet, no padding. */
    static String base64(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 4 + 2) / 3);
        for (int i = 0; i < bytes.length; i += 3) {
            int b0 = bytes[i] & 0xff;
            int b1 = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            int b2 = i + 2 < bytes.length ? bytes[i + 2] & 0xff : 0;
            out.append(BASE64.charAt(b0 >>> 2));
            out.append(BASE64.charAt(((b0 & 0x03) << 4) | (b1 >>> 4)));
            if (i + 1 < bytes.length) {
                out.append(BASE64.charAt(((b1 & 0x0f) << 2) | (b2 >>> 6)));
            }
            if (i + 2 < bytes.length) {
                out.append(BASE64.charAt(b2 & 0x3f));
            }
        }
        return out.toString();
    }
}
