package dev.clientele.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Customer state: login bookkeeping, reset tokens and preferences, by login key. Kept locally even for customers
 * of a read-only directory (as OTRS keeps it in its database), so a state store is always writable, also in a
 * back-end whose customers are read-only. Reset tokens are found by their exact hash (not case-folded).
 */
public interface StateStore {

    LoginState loginState(String login);

    /**
     * Atomically replaces the login state with {@code change.apply(current)} and returns the new state; two
     * concurrent updates of one login are applied one after the other, none lost. {@code change} never returns
     * {@code null} and may be called more than once (it must have no side effects).
     */
    LoginState updateLoginState(String login, UnaryOperator<LoginState> change);

    /**
     * Sets the login state of a login that has one to {@code state}, whatever it was: for a change that does not
     * depend on the state before — a success after the attempt was reserved — in one write where the store can (no
     * read, no lock taken in advance). A store may leave a login without a state as it is.
     */
    default void replaceLoginState(String login, LoginState state) {
        updateLoginState(login, s -> state);
    }

    /**
     * Atomically sets the login state to {@code next} if it still holds what {@code expected} holds — a state read
     * from this store (by {@link #loginState} or a {@link LoginReader}), compared by its last login, failures, first
     * failure and lock, not by the spelling of its login (a login without a stored state holds the empty state, so
     * {@code expected} empty also sets the first state of a login that has none); true if it did, false if another
     * update came between. For
     * a change computed from a state read in the same round trip as other data: one write where the store can. By
     * default an {@link #updateLoginState} that keeps any other state as it is.
     */
    default boolean compareAndSetLoginState(String login, LoginState expected, LoginState next) {
        AtomicBoolean set = new AtomicBoolean();
        updateLoginState(login, s -> {
            set.set(s.lastLogin().equals(expected.lastLogin()) && s.failedLogins() == expected.failedLogins()
                    && s.firstFailure().equals(expected.firstFailure())
                    && s.lockedUntil().equals(expected.lockedUntil()));
            return set.get() ? next : s;
        });
        return set.get();
    }

    void storeResetToken(ResetToken token);

    /** Removes and returns the token with this hash: a token is consumed at most once, even under concurrency. */
    Optional<ResetToken> takeResetToken(String tokenHash);

    /**
     * Removes every reset token of a login (by login key), expired or not: a redeemed token or a new password
     * invalidates all the others. Returns how many were removed.
     */
    int deleteResetTokens(String login);

    Map<String, String> preferences(String login);

    /** Sets a preference; a {@code null} value removes it. */
    void setPreference(String login, String key, @Nullable String value);

    /** Removes login state, tokens and preferences of a login (erasure); true if there was any. */
    boolean deleteAll(String login);
}
