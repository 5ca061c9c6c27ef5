package dev.clientele.password;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import dev.clientele.ConfigurationException;
import dev.clientele.ValidationException;
import dev.clientele.spi.BackendSettings;
import org.jspecify.annotations.Nullable;

/**
 * How one back-end keeps the passwords it stores: which {@link RehashPolicy}, which Znuny {@link CryptType} and, for
 * bcrypt, which cost. Read by core from every back-end's settings, whatever its type:
 *
 * <pre>
 * clientele.backend.NAME.rehash      = pbkdf2 | keep-crypt-type | off    (default pbkdf2)
 * clientele.backend.NAME.crypt-type  = sha2 | sha1 | sha512 | md5 | apr1 | crypt | bcrypt | plain   (default none)
 * clientele.backend.NAME.bcrypt-cost = 9 to 18                            (default 12, with crypt-type = bcrypt)
 * </pre>
 *
 * <ul>
 *   <li>{@code rehash = pbkdf2} (the default): a successful login re-hashes every legacy hash with the directory's
 *       hasher (PBKDF2), and new passwords are PBKDF2. {@code crypt-type = plain} is the only type allowed with it:
 *       it lets clear-text passwords verify (and so re-hash) — a migration away from a {@code plain} table.</li>
 *   <li>{@code rehash = keep-crypt-type}: needs {@code crypt-type}; new passwords ({@code setPassword}, a reset)
 *       and re-hashes are written in that type, the way Znuny writes it, so a Znuny running on the same table keeps
 *       working. A login re-hashes what Znuny would not read as that type: another format, upper-case hex, a
 *       {@code $2a$} string or a lower cost where the type is bcrypt.</li>
 *   <li>{@code rehash = off}: logins never re-hash; new passwords are written in {@code crypt-type} when it is set,
 *       else PBKDF2.</li>
 * </ul>
 *
 * <p>Every type verifies on every back-end but {@code plain}, which only does with {@code crypt-type = plain}: then
 * any stored string but a PBKDF2 one is also compared as clear text, as Znuny does (a legacy hash is first checked
 * as the hash it looks like). Immutable.
 */
public final class PasswordStorage {
    /** The bcrypt cost written when none is configured: {@value}, Znuny's default. */
    public static final int DEFAULT_BCRYPT_COST = 12;
    /** The least bcrypt cost that can be configured: {@value}, Znuny's floor. */
    public static final int MIN_BCRYPT_COST = 9;
    /** The greatest bcrypt cost that can be configured, and verified in a stored hash: {@value}. */
    public static final int MAX_BCRYPT_COST = Bcrypt.MAX_COST;

    private static final PasswordStorage DEFAULTS = new PasswordStorage(RehashPolicy.PBKDF2, null, DEFAULT_BCRYPT_COST);

    private final RehashPolicy rehash;
    private final @Nullable CryptType cryptType;
    private final int bcryptCost;

    private PasswordStorage(RehashPolicy rehash, @Nullable CryptType cryptType, int bcryptCost) {
        this.rehash = rehash;
        this.cryptType = cryptType;
        this.bcryptCost = bcryptCost;
    }

    /** {@code rehash = pbkdf2}, no crypt type: what a back-end without these settings gets. */
    public static PasswordStorage defaults() {
        return DEFAULTS;
    }

    /**
     * A storage with this policy and type, and bcrypt cost {@value #DEFAULT_BCRYPT_COST}.
     *
     * @param cryptType the type, or {@code null} for none
     * @throws ValidationException naming {@code rehash} or {@code cryptType} when they do not go together (see the
     *                             class description)
     */
    public static PasswordStorage of(RehashPolicy rehash, @Nullable CryptType cryptType) {
        Objects.requireNonNull(rehash, "rehash");
        check(rehash, cryptType, (setting, message) -> {
            throw ValidationException.ofArgument(BackendSettings.REHASH.equals(setting) ? "rehash" : "cryptType",
                    message);
        });
        return new PasswordStorage(rehash, cryptType, DEFAULT_BCRYPT_COST);
    }

    /**
     * The same with another bcrypt cost.
     *
     * @throws ValidationException naming {@code bcryptCost} outside {@value #MIN_BCRYPT_COST} to
     *                             {@value #MAX_BCRYPT_COST}
     */
    public PasswordStorage withBcryptCost(int cost) {
        if (cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
            throw ValidationException.ofArgument("bcryptCost", "must be between " + MIN_BCRYPT_COST + " and "
                    + MAX_BCRYPT_COST + ", was " + cost);
        }
        return new PasswordStorage(rehash, cryptType, cost);
    }

    /**
     * Reads {@value BackendSettings#REHASH}, {@value BackendSettings#CRYPT_TYPE} and
     * {@value BackendSettings#BCRYPT_COST} of a back-end.
     *
     * @throws ConfigurationException listing every bad value, each under its full key
     */
    public static PasswordStorage read(BackendSettings settings) {
        BackendSettings.Reader r = settings.reader();
        RehashPolicy rehash = RehashPolicy.PBKDF2;
        CryptType type = null;
        Optional<String> rehashText = r.optional(BackendSettings.REHASH);
        Optional<String> typeText = r.optional(BackendSettings.CRYPT_TYPE);
        boolean valid = true;
        try {
            rehash = rehashText.map(RehashPolicy::parse).orElse(RehashPolicy.PBKDF2);
        } catch (IllegalArgumentException e) {
            r.problem(BackendSettings.REHASH, e.getMessage());
            valid = false;
        }
        try {
            type = typeText.map(CryptType::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            r.problem(BackendSettings.CRYPT_TYPE, e.getMessage());
            valid = false;
        }
        int cost = r.integer(BackendSettings.BCRYPT_COST, DEFAULT_BCRYPT_COST, MIN_BCRYPT_COST, MAX_BCRYPT_COST);
        if (valid) {
            check(rehash, type, r::problem);
        }
        if (settings.get(BackendSettings.BCRYPT_COST).isPresent() && type != CryptType.BCRYPT && valid) {
            r.problem(BackendSettings.BCRYPT_COST, "only applies with " + settings.fullKey(BackendSettings.CRYPT_TYPE)
                    + " = bcrypt");
        }
        r.done();
        return rehash == RehashPolicy.PBKDF2 && type == null ? DEFAULTS : new PasswordStorage(rehash, type, cost);
    }

    /** The rules of the class description; each broken one is handed over as (setting, message). */
    private static void check(RehashPolicy rehash, @Nullable CryptType type, BiConsumer<String, String> problem) {
        if (rehash == RehashPolicy.KEEP_CRYPT_TYPE && type == null) {
            problem.accept(BackendSettings.REHASH, "keep-crypt-type needs a crypt-type (the type to keep)");
        }
        if (rehash == RehashPolicy.PBKDF2 && type != null && type != CryptType.PLAIN) {
            problem.accept(BackendSettings.CRYPT_TYPE, type.key() + " has no effect with rehash = pbkdf2 (every type"
                    + " but plain verifies anyway): set rehash = keep-crypt-type to write " + type.key()
                    + " hashes for Znuny, or leave crypt-type out");
        }
    }

    public RehashPolicy rehash() {
        return rehash;
    }

    /** The configured Znuny type; empty when none is. */
    public Optional<CryptType> cryptType() {
        return Optional.ofNullable(cryptType);
    }

    /** The cost of the bcrypt hashes written (with {@link CryptType#BCRYPT}). */
    public int bcryptCost() {
        return bcryptCost;
    }

    /** The type new hashes are written in; empty for the directory's hasher. */
    Optional<CryptType> writtenType() {
        return rehash == RehashPolicy.PBKDF2 ? Optional.empty() : cryptType();
    }

    /**
     * The hasher of a back-end with this storage: {@code directoryHasher} itself for {@link #defaults()}, else one
     * that verifies with it (and clear text with {@code plain}), re-hashes as {@link #rehash()} says and writes
     * {@link #writtenType()}.
     */
    public PasswordHasher hasher(PasswordHasher directoryHasher) {
        Objects.requireNonNull(directoryHasher, "directoryHasher");
        return equals(DEFAULTS) ? directoryHasher : new BackendPasswordHasher(this, directoryHasher);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordStorage s && s.rehash == rehash && s.cryptType == cryptType
                && s.bcryptCost == bcryptCost;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rehash, cryptType, bcryptCost);
    }

    @Override
    public String toString() {
        return "PasswordStorage[rehash=" + rehash.key() + ", crypt-type=" + (cryptType == null ? "none" : cryptType.key())
                + (cryptType == CryptType.BCRYPT ? ", bcrypt-cost=" + bcryptCost : "") + "]";
    }
}
