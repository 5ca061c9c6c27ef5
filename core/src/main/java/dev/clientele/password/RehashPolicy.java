package dev.clientele.password;

import dev.clientele.spi.Values;

/**
 * What a successful login does to a stored hash that is not in the back-end's current format
 * ({@code clientele.backend.NAME.rehash}, see {@link PasswordStorage}).
 */
public enum RehashPolicy {
    /**
     * The default: re-hash with the directory's hasher (PBKDF2) whatever the stored format, so legacy hashes
     * disappear as customers log in; new passwords are PBKDF2 too.
     */
    PBKDF2("pbkdf2"),
    /**
     * Keep the back-end's configured {@link CryptType}: a hash in another format (or a bcrypt hash of a lower cost)
     * is re-hashed in that type, and new passwords are written in it, so Znuny keeps working on a shared table.
     */
    KEEP_CRYPT_TYPE("keep-crypt-type"),
    /**
     * Never re-hash on login; new passwords are written in the configured {@link CryptType}, or PBKDF2 when none is.
     */
    OFF("off");

    private final String key;

    RehashPolicy(String key) {
        this.key = key;
    }

    /** The value in {@code clientele.backend.NAME.rehash}. */
    public String key() {
        return key;
    }

    /**
     * The policy of this name, ignoring case and surrounding white space.
     *
     * @throws IllegalArgumentException listing the names, for an unknown one
     */
    public static RehashPolicy parse(String text) {
        return Values.oneOf(text, values(), RehashPolicy::key);
    }
}
