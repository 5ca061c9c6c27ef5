package dev.clientele.password;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.clientele.ValidationException;
import dev.clientele.spi.LoginState;
import org.jspecify.annotations.Nullable;

/**
 * When failed logins lock an account: {@link #maxFailures()} failures within {@link #window()} lock it for
 * {@link #lockDuration()}. Immutable.
 *
 * <p>The rule itself is here too, as pure functions from one {@link LoginState} to the next; the directory loads the
 * state, applies them and stores the result:
 * <ul>
 *   <li>A failure starts a counting window of {@link #window()} when there is none or the last one has ended,
 *       otherwise it adds to the count (a window started at {@code t} covers {@code [t, t + window)}). When the count reaches {@link #maxFailures()} the account is locked until
 *       {@code now + lockDuration} and the count and window are cleared, so after the lock expires the customer
 *       has {@link #maxFailures()} fresh tries.</li>
 *   <li>A failure while locked changes nothing: it neither counts nor extends the lock.</li>
 *   <li>Under concurrency the directory reserves an attempt before verifying its password: it applies
 *       {@link #afterFailure} atomically in advance (and verifies only if the state it replaced was not locked),
 *       so concurrent attempts can never verify more than {@link #maxFailures()} passwords within a window; a
 *       success clears the count, an attempt that could not be checked is {@linkplain #refunded refunded}.</li>
 *   <li>A success records the login time and clears failures and lock; an administrator's
 *       {@link #unlocked(LoginState) unlock} clears failures and lock only.</li>
 * </ul>
 *
 * <p>A {@link #disabled()} policy ({@code maxFailures == 0}) never locks; failures are still counted for
 * information.
 */
public final class LockoutPolicy {
    private static final LockoutPolicy DEFAULTS = of(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final LockoutPolicy DISABLED = of(0, Duration.ZERO, Duration.ZERO);

    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;

    private LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    /** 5 failed logins within 15 minutes lock the account for 15 minutes. */
    public static LockoutPolicy defaults() {
        return DEFAULTS;
    }

    /** Never locks ({@code maxFailures} 0, zero durations). */
    public static LockoutPolicy disabled() {
        return DISABLED;
    }

    /**
     * A policy.
     *
     * @param maxFailures  failed logins within {@code window} that lock the account; 0 never locks
     * @param window       how long failures are counted together; positive unless {@code maxFailures} is 0
     * @param lockDuration how long the account stays locked; positive unless {@code maxFailures} is 0
     * @throws ValidationException naming the parameter, when {@code maxFailures} or a duration is negative, or a
     *                             duration is zero while locking is enabled, or a duration is {@code null}
     */
    public static LockoutPolicy of(int maxFailures, Duration window, Duration lockDuration) {
        if (maxFailures < 0) {
            throw ValidationException.ofArgument("maxFailures", "must not be negative, was " + maxFailures);
        }
        boolean enabled = maxFailures > 0;
        checkDuration("window", window, enabled);
        checkDuration("lockDuration", lockDuration, enabled);
        return new LockoutPolicy(maxFailures, window, lockDuration);
    }

    private static void checkDuration(String name, Duration d, boolean enabled) {
        if (d == null) {
            throw ValidationException.ofArgument(name, "is required");
        }
        if (d.isNegative() || (enabled && d.isZero())) {
            throw ValidationException.ofArgument(name, "must be " + (enabled ? "positive" : "non-negative")
                    + ", was " + d);
        }
    }

    /** Failed logins within {@link #window()} that lock the account; 0 when locking is disabled. */
    public int maxFailures() {
        return maxFailures;
    }

    /** How long failures are counted together, from the first one. */
    public Duration window() {
        return window;
    }

    /** How long a locked account stays locked. */
    public Duration lockDuration() {
        return lockDuration;
    }

    /** Whether failed logins can lock an account at all ({@code maxFailures > 0}). */
    public boolean enabled() {
        return maxFailures > 0;
    }

    /** Whether the state says the account is locked at {@code now}: locked until a time after {@code now}. */
    public boolean isLocked(LoginState state, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        return state.lockedUntil().map(until -> until.isAfter(now)).orElse(false);
    }

    /**
     * The state after a failed login at {@code now}. While locked, the state is returned unchanged. Otherwise an
     * expired lock is cleared, the failure is counted in the current window (or starts a new one), and reaching
     * {@link #maxFailures()} locks the account until {@code now + lockDuration} with the count and window cleared.
     */
    public LoginState afterFailure(LoginState state, Instant now) {
        if (isLocked(state, now)) {
            return state;
        }
        int previous = Math.max(0, state.failedLogins());
        int failures;
        Optional<Instant> firstFailure;
        if (!enabled()) {
            // Nothing locks: keep counting for information, from the first failure counted.
            failures = increment(previous);
            firstFailure = Optional.of(state.firstFailure().orElse(now));
        } else if (previous > 0 && windowOpen(state, now)) {
            failures = increment(previous);
            firstFailure = state.firstFailure();
        } else {
            failures = 1;
            firstFailure = Optional.of(now);
        }
        if (enabled() && failures >= maxFailures) {
            return new LoginState(state.login(), state.lastLogin(), 0, Optional.empty(),
                    Optional.of(now.plus(lockDuration)));
        }
        return new LoginState(state.login(), state.lastLogin(), failures, firstFailure, Optional.empty());
    }

    /**
     * The failed logins that count at {@code now}: those of a window still open (all of them when nothing locks);
     * failures of a window that has ended count for nothing.
     */
    public int countedFailures(LoginState state, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        return !enabled() || windowOpen(state, now) ? Math.max(0, state.failedLogins()) : 0;
    }

    private boolean windowOpen(LoginState state, Instant now) {
        return state.firstFailure().map(first -> now.isBefore(first.plus(window))).orElse(false);
    }

    private static int increment(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }

    /**
     * The state after a reserved attempt could not be checked at all (the store failed): the failure counted in
     * advance is taken back, unless the reservation has locked the account or the window has ended.
     */
    public LoginState refunded(LoginState state, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        if (isLocked(state, now) || state.failedLogins() <= 0 || (enabled() && !windowOpen(state, now))) {
            return state;
        }
        int failures = state.failedLogins() - 1;
        return new LoginState(state.login(), state.lastLogin(), failures,
                failures == 0 ? Optional.empty() : state.firstFailure(), state.lockedUntil());
    }

    /** The state after a successful login at {@code now}: last login {@code now}, no failures, no lock. */
    public LoginState afterSuccess(LoginState state, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        return new LoginState(state.login(), Optional.of(now), 0, Optional.empty(), Optional.empty());
    }

    /** The state after an administrator unlocks the account: no failures, no lock, last login kept. */
    public LoginState unlocked(LoginState state) {
        Objects.requireNonNull(state, "state");
        return new LoginState(state.login(), state.lastLogin(), 0, Optional.empty(), Optional.empty());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LockoutPolicy)) {
            return false;
        }
        LockoutPolicy other = (LockoutPolicy) o;
        return maxFailures == other.maxFailures && window.equals(other.window)
                && lockDuration.equals(other.lockDuration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFailures, window, lockDuration);
    }

    @Override
    public String toString() {
        return enabled()
                ? "LockoutPolicy[maxFailures=" + maxFailures + ", window=" + window + ", lockDuration="
                        + lockDuration + "]"
                : "LockoutPolicy[disabled]";
    }
}
