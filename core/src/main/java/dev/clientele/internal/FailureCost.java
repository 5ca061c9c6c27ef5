package dev.clientele.internal;

import dev.clientele.internal.CustomerSources.Source;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordHasher;
import dev.clientele.spi.Keys;
import dev.clientele.spi.StateStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * What a login that cannot succeed costs, so that its timing does not tell whether the login exists: an unknown
 * login, and a locked account, cost what a wrong password costs for the source that would have owned the login.
 *
 * <ul>
 *   <li>An unknown login is charged to the first source of the chain that checks passwords. It makes the same store
 *       calls as a wrong password there: one login-state update (on one of {@value #DECOYS} decoy keys that no
 *       customer can have, so no state is kept per unknown login and nothing grows), the read of a stored hash, and
 *       a verification.</li>
 *   <li>The verification: for a hash store, of the hasher's dummy hash (the current algorithm and parameters, those
 *       of every hash stored or re-hashed since); for a bind source, a bind of equal cost
 *       ({@link dev.clientele.spi.PasswordVerifier#verifyAbsent}). Its result is never used.</li>
 * </ul>
 *
 * <p>Limit: a customer whose stored hash still has older parameters (until its next successful login re-hashes it)
 * costs those parameters, not the dummy's.
 */
final class FailureCost {
    /** How many decoy login-state keys unknown logins are spread over. */
    static final int DECOYS = 64;

    private final Optional<Source> unknownOwner;
    private final Optional<StateStore> state;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final int salt = new SecureRandom().nextInt();

    FailureCost(CustomerSources sources, Optional<StateStore> state, PasswordHasher hasher, LockoutPolicy lockout) {
        this.unknownOwner = sources.all().stream()
                .filter(s -> s.credentials().isPresent() || s.backend().passwordVerifier().isPresent()).findFirst();
        this.state = state;
        this.hasher = hasher;
        this.lockout = lockout;
    }

    /**
     * The store calls of a wrong password of a stored customer, for a login no source has: the login-state update
     * (on a decoy key) and the read of a stored hash; {@link #unknownLoginVerification} is the rest.
     */
    void unknownLoginReads(String login, Instant now) {
        // The decoy key starts with a control character, which no login may hold; the stores are asked for it, never
        // for the login given (which may be anything: a NUL, a megabyte).
        String decoy = decoy(login);
        state.ifPresent(st -> st.updateLoginState(decoy, s -> lockout.afterFailure(s, now)));
        unknownOwner.ifPresent(owner -> wrongPasswordReads(owner, decoy));
    }

    /** The verification of a wrong password, for a login no source has (after {@link #unknownLoginReads}). */
    void unknownLoginVerification(char[] password) {
        if (unknownOwner.isPresent()) {
            wrongPasswordVerification(unknownOwner.get(), password);
        } else {
            hasher.verify(password, hasher.dummyHash());
        }
    }

    /** The store calls of checking a wrong password in this source: the read of the stored hash, if it keeps one. */
    void wrongPasswordReads(Source source, String login) {
        source.credentials().ifPresent(creds -> creds.passwordHash(login));
    }

    /** The verification of a wrong password in this source, without checking the customer's password. */
    void wrongPasswordVerification(Source source, char[] password) {
        if (source.credentials().isEmpty() && source.backend().passwordVerifier().isPresent()) {
            source.backend().passwordVerifier().get().verifyAbsent(password);
        } else {
            hasher.verify(password, hasher.dummyHash());
        }
    }

    /** The decoy login-state key an unknown login is charged to. */
    String decoy(String login) {
        return "\u0001absent-" + Math.floorMod(Keys.of(login).hashCode() ^ salt, DECOYS);
    }
}
