package dev.clientele.password;

import java.util.Optional;

import dev.clientele.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The hasher of a back-end with a {@link PasswordStorage} other than the default: verifies with the directory's
 * hasher (and clear text where the type is {@code plain}), re-hashes as the policy says, writes the configured type.
 * Immutable and thread-safe.
 */
final class BackendPasswordHasher implements PasswordHasher {
    private final PasswordStorage storage;
    private final PasswordHasher base;

    BackendPasswordHasher(PasswordStorage storage, PasswordHasher base) {
        this.storage = storage;
        this.base = base;
    }

    @Override
    public String hash(char[] password) {
        if (password == null) {
            throw ValidationException.ofArgument("password", "is required");
        }
        Optional<CryptType> type = storage.writtenType();
        return type.isPresent() ? LegacyHashes.hash(type.get(), password, storage.bcryptCost()) : base.hash(password);
    }

    @Override
    public boolean verify(char @Nullable [] password, @Nullable String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        if (storage.cryptType().orElse(null) != CryptType.PLAIN || Pbkdf2PasswordHasher.isPhc(encoded)) {
            return base.verify(password, encoded);
        }
        if (LegacyHashes.isLegacy(encoded)) {
            if (base.verify(password, encoded)) { // costs a current hash, as for any legacy one
                return true;
            }
        } else {
            base.verify(password, base.dummyHash()); // clear text costs what a hash does
        }
        return LegacyHashes.plainMatches(password, encoded);
    }

    @Override
    public boolean needsRehash(@Nullable String encoded) {
        switch (storage.rehash()) {
            case OFF:
                return false;
            case KEEP_CRYPT_TYPE:
                return !LegacyHashes.isOfType(storage.cryptType().orElseThrow(), encoded, storage.bcryptCost());
            default:
                return base.needsRehash(encoded);
        }
    }

    @Override
    public String dummyHash() {
        return base.dummyHash();
    }

    @Override
    public String toString() {
        return "BackendPasswordHasher[" + storage + ", verifying with " + base + "]";
    }
}
