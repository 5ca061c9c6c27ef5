package dev.clientele.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Per-login state kept for authentication. The lock-out rules that read and change it live in core.
 *
 * @param login          the login
 * @param lastLogin      last successful login
 * @param failedLogins   failed logins counted in the current window
 * @param firstFailure   start of the current counting window
 * @param lockedUntil    locked until then
 */
public record LoginState(String login, Optional<Instant> lastLogin, int failedLogins, Optional<Instant> firstFailure,
        Optional<Instant> lockedUntil) {

    public static LoginState empty(String login) {
        return new LoginState(login, Optional.empty(), 0, Optional.empty(), Optional.empty());
    }
}
