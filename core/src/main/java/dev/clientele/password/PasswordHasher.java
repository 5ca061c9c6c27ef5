package dev.clientele.password;

import org.jspecify.annotations.Nullable;

/**
 * Hashes passwords for storage and checks a password against a stored hash.
 *
 * <p>Implementations are immutable and thread-safe. Passwords are passed as {@code char[]} so that callers can
 * clear them after use; an implementation never keeps, logs or returns them.
 *
 * <p>On a successful login the caller asks {@link #needsRehash(String)} and, when it says so, stores
 * {@link #hash(char[])} of the password just verified: that is how stored hashes move to stronger parameters and
 * away from legacy formats without anyone resetting a password.
 */
public interface PasswordHasher {

    /**
     * Hashes a password with a fresh random salt and the current parameters.
     *
     * @param password the password; not changed, and not {@code null}
     * @return the encoded hash, holding everything needed to verify it later
     */
    String hash(char[] password);

    /**
     * Whether the password matches the encoded hash. The hashes are compared in constant time.
     *
     * @param password the password to check
     * @param encoded  a hash as stored
     * @return {@code true} only when the password matches; {@code false} for a wrong password and also for a
     *         {@code null}, malformed or unknown encoded string (this method does not throw for bad input)
     */
    boolean verify(char[] password, @Nullable String encoded);

    /**
     * Whether the encoded hash should be replaced by a fresh {@link #hash(char[])} at the next successful login,
     * because it is not in this hasher's current format or was made with weaker parameters.
     *
     * @param encoded a hash as stored
     * @return {@code true} when the hash is weaker than current, in a legacy format, or not understood
     */
    boolean needsRehash(String encoded);

    /**
     * A hash of a random password, made with the current parameters. Computed once, lazily, and then returned
     * every time. Verifying a password against it when the login is unknown makes an unknown login cost as much
     * as a wrong password, so response times don't tell which logins exist. No password verifies against it in
     * practice.
     *
     * @return the same encoded hash on every call
     */
    String dummyHash();
}
