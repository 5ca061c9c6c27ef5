package dev.clientele;

import java.util.Optional;

/**
 * The outcome of a login. The same type whatever the back-end (stored hash or LDAP bind).
 *
 * <p>{@link Outcome#BAD_CREDENTIALS} is returned for an unknown login as for a wrong password and for a locked
 * account, at the cost of a wrong password of the source that would own the login, so a caller cannot tell which
 * logins exist. Show users one message for every failure. That an account is locked is told to an admin, not to the
 * caller: {@code CustomerDirectory.loginStatus(login)} and the {@code LOGIN_FAILED} event ("locked out").
 *
 * @param outcome  what happened
 * @param customer the customer, present only on {@link Outcome#SUCCESS}
 */
public record AuthenticationResult(Outcome outcome, Optional<Customer> customer) {

    /** Why a login succeeded or failed. */
    public enum Outcome {
        SUCCESS,
        /** Unknown login, wrong password, no password set, or an account locked after too many failures. */
        BAD_CREDENTIALS,
        /** The password was right but the customer is not valid. */
        ACCOUNT_INVALID,
        /**
         * Not returned by {@code CustomerDirectory.authenticate}: a locked account answers {@link #BAD_CREDENTIALS},
         * since telling the caller would reveal that the login exists. Kept for callers that map outcomes (and for a
         * back-end's own use); an admin sees a lock in {@code loginStatus}.
         */
        LOCKED_OUT
    }

    public static AuthenticationResult success(Customer customer) {
        return new AuthenticationResult(Outcome.SUCCESS, Optional.of(customer));
    }

    public static AuthenticationResult failure(Outcome outcome) {
        if (outcome == Outcome.SUCCESS) {
            throw new IllegalArgumentException("a success needs the customer");
        }
        return new AuthenticationResult(outcome, Optional.empty());
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
