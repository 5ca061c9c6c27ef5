package dev.clientele.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import dev.clientele.AlgorithmUnavailableException;
import dev.clientele.ValidationException;

/**
 * Password reset tokens: {@link #newToken()} makes one to send to the customer, {@link #hash(String)} makes what is
 * stored ({@link dev.clientele.spi.ResetToken#tokenHash()}) and looked up when the token comes back. The token
 * itself is never stored.
 */
public final class ResetTokens {
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResetTokens() {
    }

    /**
     * A new token: 32 bytes from {@link SecureRandom} (256 bits), in base64url without padding, so 43 characters
     * of {@code A-Z a-z 0-9 - _}, safe in a URL.
     */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The hash to store for a token: lower-case hex SHA-256 of its UTF-8 bytes, 64 characters. Deterministic, so a
     * returned token is found by its hash.
     *
     * <p>A fast, unsalted hash is right here, unlike for passwords: a token from {@link #newToken()} has 256 bits
     * of entropy, so nobody can guess it from its hash however fast the hash is, while a slow hash would only make
     * every lookup slow.
     */
    public static String hash(String token) {
        if (token == null) {
            throw ValidationException.ofArgument("token", "is required");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AlgorithmUnavailableException("SHA-256", e);
        }
    }
}
