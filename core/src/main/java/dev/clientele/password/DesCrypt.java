package dev.clientele.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.UnixCrypt;

/**
 * Traditional Unix DES crypt, Znuny's {@code crypt} CryptType: 13 characters, the first two the salt, of
 * {@code ./0-9A-Za-z}. Only the first 8 bytes of a password count, and of each only the low 7 bits — which is why a
 * successful login re-hashes, unless a back-end keeps this type for Znuny. The algorithm is Apache Commons Codec's
 * {@link UnixCrypt}.
 */
final class DesCrypt {
    private static final Pattern DES = Pattern.compile("[./0-9A-Za-z]{13}");

    private DesCrypt() {
    }

    /** True for a 13-character string of the crypt alphabet. */
    static boolean isDesCrypt(String encoded) {
        return encoded != null && DES.matcher(encoded).matches();
    }

    /** Whether the password's bytes match; false for anything that is not a DES crypt string. */
    static boolean verify(byte[] password, String encoded) {
        if (!isDesCrypt(encoded)) {
            return false;
        }
        byte[] computed = UnixCrypt.crypt(password, encoded.substring(0, 2)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(computed, encoded.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new DES crypt string with a random two-character salt. */
    static String hash(byte[] password, SecureRandom random) {
        String alphabet = Md5Crypt.ALPHABET;
        String salt = "" + alphabet.charAt(random.nextInt(64)) + alphabet.charAt(random.nextInt(64));
        return UnixCrypt.crypt(password, salt);
    }
}
