package dev.clientele;

import java.util.Optional;

/**
 * The outcome of a login. The same type whatever the back-end (stored hash or LDAP bind).
 *
 * <p>{@link Outcome#BAD_CREDENTIALS} is returned for an unknown login as for a wrong password, and both take the
 * same time, so a caller cannot tell which logins exist. Show users one message for every failure.
 *
 * @param outcome  what happened
 * @param customer the customer, present only on {@link Outcome#SUCCESS}
 */
public record AuthenticationResult(Outcome outcome, Optional<Customer> customer) {

    /** Why a login succeeded or failed. */
    public enum Outcome {
        SUCCESS,
        /** Unknown login, wrong password, or no password set. */
        BAD_CREDENTIALS,
        /** The password was right but the customer is not valid. */
        ACCOUNT_INVALID,
        /** Too many failed logins: locked for a while, whatever the password. */
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
