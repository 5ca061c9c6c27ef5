package dev.clientele.spi;

import java.util.Optional;

/**
 * Stored password hashes (PHC strings made by core's {@code dev.clientele.password} package), by login key.
 * The store never sees a password and never verifies one: core does.
 */
public interface CredentialStore {

    boolean readOnly();

    /** The stored hash for this login, if a password is set. */
    Optional<String> passwordHash(String login);

    /** Sets or replaces the hash for this login. */
    void setPasswordHash(String login, String hash);

    /** Removes the hash; false if there was none. */
    boolean deletePasswordHash(String login);
}
