package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.clientele.ValidationException;
import dev.clientele.spi.LoginState;

class LockoutPolicyTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final LockoutPolicy POLICY = LockoutPolicy.of(3, WINDOW, LOCK);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static LoginState fail(LoginState state, Instant... times) {
        LoginState s = state;
        for (Instant t : times) {
            s = POLICY.afterFailure(s, t);
        }
        return s;
    }

    @Test
    @DisplayName("the defaults lock for 15 minutes after 5 failures within 15 minutes")
    void defaults() {
        LockoutPolicy policy = LockoutPolicy.defaults();

        assertThat(policy.maxFailures()).isEqualTo(5);
        assertThat(policy.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.enabled()).isTrue();
    }

    @Test
    @DisplayName("of() rejects a negative maxFailures and non-positive durations when enabled, naming the parameter")
    void validation() {
        assertThatThrownBy(() -> LockoutPolicy.of(-1, WINDOW, LOCK))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxFailures");
        assertThatThrownBy(() -> LockoutPolicy.of(3, Duration.ZERO, LOCK))
                .isInstanceOf(ValidationException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> LockoutPolicy.of(3, WINDOW, Duration.ofMinutes(-1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lockDuration");
        assertThatThrownBy(() -> LockoutPolicy.of(0, Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageContaining("window");
        assertThat(LockoutPolicy.of(0, Duration.ZERO, Duration.ZERO).enabled()).isFalse();
    }

    @Test
    @DisplayName("failures within the window are counted from the first one")
    void countsWithinWindow() {
        LoginState state = fail(LoginState.empty("alice"), at(0), at(5));

        assertThat(state.failedLogins()).isEqualTo(2);
        assertThat(state.firstFailure()).contains(at(0));
        assertThat(state.lockedUntil()).isEmpty();
        assertThat(POLICY.isLocked(state, at(5))).isFalse();
    }

    @Test
    @DisplayName("a failure after the window has ended starts a new window with a count of 1")
    void windowExpiryResetsCount() {
        LoginState state = fail(LoginState.empty("alice"), at(0), at(5), at(10));

        assertThat(state.failedLogins()).isEqualTo(1);
        assertThat(state.firstFailure()).contains(at(10));
        assertThat(state.lockedUntil()).isEmpty();
    }

    @Test
    @DisplayName("maxFailures failures within the window lock until now plus lockDuration and clear the count")
    void locksAfterMaxFailures() {
        Instant lastLogin = T0.minus(Duration.ofDays(1));
        LoginState start = new LoginState("alice", Optional.of(lastLogin), 0, Optional.empty(), Optional.empty());

        LoginState state = fail(start, at(0), at(1), at(2));

        assertThat(state.lockedUntil()).contains(at(2).plus(LOCK));
        assertThat(state.failedLogins()).isZero();
        assertThat(state.firstFailure()).isEmpty();
        assertThat(state.lastLogin()).contains(lastLogin);
        assertThat(POLICY.isLocked(state, at(2))).isTrue();
    }

    @Test
    @DisplayName("the lock ends at lockedUntil, and then the customer has maxFailures fresh tries")
    void lockExpires() {
        LoginState locked = fail(LoginState.empty("alice"), at(0), at(1), at(2));
        Instant until = at(2).plus(LOCK);

        assertThat(POLICY.isLocked(locked, until.minusSeconds(1))).isTrue();
        assertThat(POLICY.isLocked(locked, until)).isFalse();

        LoginState afterOne = fail(locked, until);
        assertThat(afterOne.failedLogins()).isEqualTo(1);
        assertThat(afterOne.lockedUntil()).isEmpty();
        LoginState afterTwo = fail(afterOne, until.plusSeconds(1));
        assertThat(POLICY.isLocked(afterTwo, until.plusSeconds(1))).isFalse();
        LoginState afterThree = fail(afterTwo, until.plusSeconds(2));
        assertThat(afterThree.lockedUntil()).contains(until.plusSeconds(2).plus(LOCK));
    }

    @Test
    @DisplayName("a failure while locked neither extends the lock nor counts")
    void failureWhileLockedDoesNotExtend() {
        LoginState locked = fail(LoginState.empty("alice"), at(0), at(1), at(2));

        LoginState after = fail(locked, at(3), at(4), at(5));

        assertThat(after).isEqualTo(locked);
        assertThat(after.lockedUntil()).contains(at(2).plus(LOCK));
    }

    @Test
    @DisplayName("a success records the login and clears failures and lock")
    void successClears() {
        LoginState failed = fail(LoginState.empty("alice"), at(0), at(1));

        LoginState state = POLICY.afterSuccess(failed, at(2));

        assertThat(state).isEqualTo(new LoginState("alice", Optional.of(at(2)), 0, Optional.empty(),
                Optional.empty()));
    }

    @Test
    @DisplayName("unlocking clears failures and lock and keeps the last login")
    void unlockKeepsLastLogin() {
        LoginState start = new LoginState("alice", Optional.of(T0), 0, Optional.empty(), Optional.empty());
        LoginState locked = fail(start, at(1), at(2), at(3));

        LoginState state = POLICY.unlocked(locked);

        assertThat(state).isEqualTo(new LoginState("alice", Optional.of(T0), 0, Optional.empty(), Optional.empty()));
        assertThat(POLICY.isLocked(state, at(3))).isFalse();
    }

    @Test
    @DisplayName("a disabled policy never locks, however many failures")
    void disabledNeverLocks() {
        LockoutPolicy disabled = LockoutPolicy.disabled();
        LoginState state = LoginState.empty("alice");

        for (int i = 0; i < 100; i++) {
            state = disabled.afterFailure(state, at(0).plusSeconds(i));
        }

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.maxFailures()).isZero();
        assertThat(state.lockedUntil()).isEmpty();
        assertThat(disabled.isLocked(state, at(1))).isFalse();
        assertThat(state.failedLogins()).isEqualTo(100);
    }

    @Test
    @DisplayName("with maxFailures 1 the first failure locks")
    void singleFailureLocks() {
        LockoutPolicy strict = LockoutPolicy.of(1, WINDOW, LOCK);

        LoginState state = strict.afterFailure(LoginState.empty("alice"), T0);

        assertThat(strict.isLocked(state, T0)).isTrue();
        assertThat(state.lockedUntil()).contains(T0.plus(LOCK));
    }

    @Test
    @DisplayName("policies with the same settings are equal")
    void equality() {
        assertThat(LockoutPolicy.of(5, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .isEqualTo(LockoutPolicy.defaults())
                .hasSameHashCodeAs(LockoutPolicy.defaults())
                .isNotEqualTo(LockoutPolicy.disabled());
    }

    @Test
    @DisplayName("a refund takes back one failure counted in advance, but never lifts a lock")
    void refund() {
        LoginState two = fail(LoginState.empty("jdoe"), at(0), at(1));

        LoginState one = POLICY.refunded(two, at(2));
        assertThat(one.failedLogins()).isEqualTo(1);
        assertThat(one.firstFailure()).contains(at(0));
        LoginState none = POLICY.refunded(one, at(2));
        assertThat(none.failedLogins()).isZero();
        assertThat(none.firstFailure()).isEmpty();
        assertThat(POLICY.refunded(none, at(2))).isEqualTo(none);

        LoginState locked = fail(two, at(2));
        assertThat(POLICY.refunded(locked, at(3))).isEqualTo(locked);
    }
}
