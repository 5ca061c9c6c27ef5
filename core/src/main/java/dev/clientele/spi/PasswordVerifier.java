package dev.clientele.spi;

import dev.clientele.Customer;

/**
 * Passwords checked by the store itself — an LDAP directory binds as the user — instead of hashes kept in a
 * {@link CredentialStore}. Core still applies lock-out, events and timing rules around it.
 */
public interface PasswordVerifier {

    /** What the store said about a login and password. */
    enum Verification {
        /** The password is right. */
        VALID,
        /** The login exists and the password is wrong (or the account may not log in, e.g. not in the required group). */
        INVALID,
        /** No such login in this store. */
        UNKNOWN_LOGIN
    }

    /**
     * Checks the password. Never succeeds for an empty password (an LDAP "unauthenticated bind" trap). Throws
     * {@link dev.clientele.BackendUnavailableException} when the store cannot answer.
     */
    Verification verify(String login, char[] password);

    /**
     * Checks the password of a customer that core has just located in this back-end's store (the very object its
     * {@link CustomerStore#findByLogin(String)} returned), so that a store which can tell where that customer lives
     * (an LDAP directory: the DN of the entry it read) checks the password without looking the customer up again.
     * Same rules and results as {@link #verify(String, char[])}, except that a customer removed from the store since
     * it was located may get {@link Verification#INVALID} instead of {@link Verification#UNKNOWN_LOGIN}. The default
     * checks by {@code located.login()}.
     */
    default Verification verify(Customer located, char[] password) {
        return verify(located.login(), password);
    }

    /**
     * Spends what checking a wrong password of a stored customer costs here, for a login this store does not have
     * (or an account core keeps locked), so that its timing does not tell whether the login exists: an LDAP
     * back-end binds, with this password, as an entry that does not exist. The result is not used and the attempt
     * must not count against any customer. The default does nothing: a verifier whose check costs time overrides it.
     */
    default void verifyAbsent(char[] password) {
        // nothing to spend
    }

    /** True if {@link #setPassword(String, char[])} is not possible. */
    boolean readOnly();

    /** Sets a new password in the store (after core checked the password policy). */
    void setPassword(String login, char[] password);
}
