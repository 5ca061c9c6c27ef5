package dev.clientele.spi;

import java.time.Instant;

/**
 * A stored password reset token: only its hash is stored, never the token.
 *
 * @param tokenHash hash of the token (made by core)
 * @param login     whose password it resets
 * @param expiresAt when it stops working
 */
public record ResetToken(String tokenHash, String login, Instant expiresAt) {
    @Override
    public String toString() {
        return "ResetToken[login=" + login + ", expiresAt=" + expiresAt + "]";
    }
}
