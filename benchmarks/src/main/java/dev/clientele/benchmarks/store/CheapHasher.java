package dev.clientele.benchmarks.store;

import dev.clientele.password.PasswordHasher;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One unsalted SHA-256: a hash that costs next to nothing, so a login benchmark measures what the directory does
 * beyond the hash. For benchmarks only — never for real passwords.
 */
final class CheapHasher implements PasswordHasher {
    private static final String PREFIX = "bench-sha256$";

    @Override
    public String hash(char[] password) {
        return PREFIX + digest(password);
    }

    @Override
    public boolean verify(char[] password, @Nullable String encoded) {
        return encoded != null && encoded.startsWith(PREFIX)
                && MessageDigest.isEqual(encoded.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII),
                        digest(password).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsRehash(String encoded) {
        return !encoded.startsWith(PREFIX);
    }

    @Override
    public String dummyHash() {
        return PREFIX + "0".repeat(64);
    }

    private static String digest(char[] password) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
