package dev.clientele.password;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import dev.clientele.AlgorithmUnavailableException;

/**
 * MD5-crypt ({@code $1$salt$hash}, Poul-Henning Kamp's FreeBSD algorithm, Znuny's {@code md5}
 * {@code CustomerUserEncryptionType}) and its Apache variant ({@code $apr1$salt$hash}, Znuny's {@code apr1}).
 * Written only where a back-end keeps Znuny's CryptType ({@link PasswordStorage}); a weak, fast scheme — which is
 * why a successful login otherwise re-hashes.
 */
final class Md5Crypt {
    /** The 64 characters of the crypt family's base64 (MD5-crypt, DES crypt), in their order. */
    static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SALT_CHARS = 8;

    private Md5Crypt() {
    }

    /** True for strings that look like {@code $1$salt$22chars} or {@code $apr1$salt$22chars}. */
    static boolean isMd5Crypt(String encoded) {
        String magic = magic(encoded);
        if (magic == null) {
            return false;
        }
        int end = encoded.indexOf('$', magic.length());
        if (end < 0 || end - magic.length() > 8) {
            return false;
        }
        String hash = encoded.substring(end + 1);
        if (hash.length() != 22) {
            return false;
        }
        for (int i = 0; i < hash.length(); i++) {
            if (ALPHABET.indexOf(hash.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the password's UTF-8 bytes match; false for anything that is not an MD5-crypt string. */
    static boolean verify(byte[] password, String encoded) {
        if (!isMd5Crypt(encoded)) {
            return false;
        }
        String magic = magic(encoded);
        int end = encoded.indexOf('$', magic.length());
        String salt = encoded.substring(magic.length(), end);
        byte[] computed = crypt(password, magic, salt).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] stored = encoded.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(computed, stored);
    }

    /** A new MD5-crypt string with this magic ({@code $1$} or {@code $apr1$}) and a random 8-character salt. */
    static String hash(byte[] pw, String magic, java.security.SecureRandom random) {
        StringBuilder salt = new StringBuilder(SALT_CHARS);
        for (int i = 0; i < SALT_CHARS; i++) {
            salt.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return crypt(pw, magic, salt.toString());
    }

    private static String magic(String encoded) {
        if (encoded == null) {
            return null;
        }
        if (encoded.startsWith("$1$")) {
            return "$1$";
        }
        if (encoded.startsWith("$apr1$")) {
            return "$apr1$";
        }
        return null;
    }

    /** The full crypt string for a password, magic and salt (at most 8 characters). */
    static String crypt(byte[] pw, String magic, String salt) {
        byte[] saltBytes = salt.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] magicBytes = magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update(magicBytes);
        ctx.update(saltBytes);
        MessageDigest alt = md5();
        alt.update(pw);
        alt.update(saltBytes);
        alt.update(pw);
        byte[] fin = alt.digest();
        for (int pl = pw.length; pl > 0; pl -= 16) {
            ctx.update(fin, 0, Math.min(16, pl));
        }
        Arrays.fill(fin, (byte) 0);
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update(fin, 0, 1);
            } else {
                ctx.update(pw, 0, 1);
            }
        }
        fin = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            MessageDigest c = md5();
            if ((i & 1) != 0) {
                c.update(pw);
            } else {
                c.update(fin, 0, 16);
            }
            if (i % 3 != 0) {
                c.update(saltBytes);
            }
            if (i % 7 != 0) {
                c.update(pw);
            }
            if ((i & 1) != 0) {
                c.update(fin, 0, 16);
            } else {
                c.update(pw);
            }
            fin = c.digest();
        }
        StringBuilder out = new StringBuilder(magic).append(salt).append('$');
        to64(out, ((fin[0] & 0xff) << 16) | ((fin[6] & 0xff) << 8) | (fin[12] & 0xff), 4);
        to64(out, ((fin[1] & 0xff) << 16) | ((fin[7] & 0xff) << 8) | (fin[13] & 0xff), 4);
        to64(out, ((fin[2] & 0xff) << 16) | ((fin[8] & 0xff) << 8) | (fin[14] & 0xff), 4);
        to64(out, ((fin[3] & 0xff) << 16) | ((fin[9] & 0xff) << 8) | (fin[15] & 0xff), 4);
        to64(out, ((fin[4] & 0xff) << 16) | ((fin[10] & 0xff) << 8) | (fin[5] & 0xff), 4);
        to64(out, fin[11] & 0xff, 2);
        Arrays.fill(fin, (byte) 0);
        return out.toString();
    }

    private static void to64(StringBuilder out, int v, int n) {
        for (int i = 0; i < n; i++) {
            out.append(ALPHABET.charAt(v & 0x3f));
            v >>>= 6;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new AlgorithmUnavailableException("MD5", e);
        }
    }
}
