package dev.clientele;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the directory knows of a customer's logins, for an admin screen: the last successful login, the failed
 * logins counted in the current window, and whether the account is locked out (and until when).
 *
 * @param login        the customer's login as stored
 * @param lastLogin    the last successful login, if any
 * @param failedLogins failed logins counted in the current lock-out window
 * @param lockedUntil  the end of the lock-out, present only while the account is locked
 */
public record LoginStatus(String login, Optional<Instant> lastLogin, int failedLogins, Optional<Instant> lockedUntil) {

    public LoginStatus {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(lastLogin, "lastLogin");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
    }

    /** True while the account is locked out. */
    public boolean locked() {
        return lockedUntil.isPresent();
    }
}
