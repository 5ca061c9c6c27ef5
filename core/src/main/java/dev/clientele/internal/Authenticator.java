package dev.clientele.internal;

import dev.clientele.AuthenticationResult;
import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.Customer;
import dev.clientele.CustomerEvent;
import dev.clientele.internal.CustomerSources.Located;
import dev.clientele.internal.CustomerSources.Source;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordHasher;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins: the owner of the login checks the password (a stored hash, or the store itself), the lock-out is kept in
 * the state store, an outdated hash is re-hashed on success, and an unknown login costs a dummy verification.
 */
final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final CustomerSources sources;
    private final Optional<StateStore> state;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final Events events;
    private final FailureCost cost;

    Authenticator(CustomerSources sources, Optional<StateStore> state, PasswordHasher hasher, LockoutPolicy lockout,
            Events events) {
        this.sources = sources;
        this.state = state;
        this.hasher = hasher;
        this.lockout = lockout;
        this.events = events;
        this.cost = new FailureCost(sources, state, hasher, lockout);
    }

    AuthenticationResult authenticate(String login, char[] password) {
        if (login == null || login.isBlank() || password == null || password.length == 0) {
            hasher.verify(new char[] {'x'}, hasher.dummyHash());
            return failed(login == null ? "" : login, Outcome.BAD_CREDENTIALS, "empty login or password");
        }
        Optional<Located> at = sources.locate(login);
        Instant now = events.now();
        if (at.isEmpty()) {
            cost.unknownLogin(login, password, now);
            return failed(login, Outcome.BAD_CREDENTIALS, "unknown login");
        }
        Customer c = at.get().customer();
        Source source = at.get().source();
        // The attempt is reserved (counted as a failure) atomically before the password is verified, so concurrent
        // attempts never verify more than max-failures passwords in a window; a success then clears the count.
        Optional<LoginState> reserved = state.isPresent() ? reserve(state.get(), c.login(), now) : Optional.empty();
        if (state.isPresent() && reserved.isEmpty()) {
            // No verification at all: a directory behind us must not count this attempt against its own lock-out.
            // The caller is told BAD_CREDENTIALS at the cost of a wrong password, as for an unknown login, so a
            // lock-out does not reveal that the login exists; the event and loginStatus say "locked out".
            cost.wrongPassword(source, c.login(), password);
            return failed(c.login(), Outcome.BAD_CREDENTIALS, "locked out");
        }
        Optional<CredentialStore> creds = source.credentials();
        Optional<String> hash = Optional.empty();
        boolean ok;
        try {
            if (creds.isPresent()) {
                hash = creds.get().passwordHash(c.login());
                ok = source.hasher().verify(password, hash.orElse(hasher.dummyHash())) && hash.isPresent();
            } else if (source.backend().passwordVerifier().isPresent()) {
                ok = source.backend().passwordVerifier().get().verify(c, password)
                        == PasswordVerifier.Verification.VALID;
            } else {
                hasher.verify(password, hasher.dummyHash());
                ok = false;
            }
        } catch (RuntimeException e) {
            state.ifPresent(st -> refund(st, c.login(), now, e));
            throw e;
        }
        if (!ok) {
            boolean nowLocked = reserved.map(s -> lockout.isLocked(s, now)).orElse(false);
            return failed(c.login(), Outcome.BAD_CREDENTIALS, "bad credentials" + (nowLocked ? ", now locked out" : ""));
        }
        if (!c.isValid()) {
            state.ifPresent(st -> st.updateLoginState(c.login(), lockout::unlocked));
            return failed(c.login(), Outcome.ACCOUNT_INVALID, "account invalid");
        }
        state.ifPresent(st -> st.updateLoginState(c.login(), s -> lockout.afterSuccess(s, now)));
        // The source's hasher says whether and how (its back-end's rehash policy and crypt type).
        if (hash.isPresent() && source.hasher().needsRehash(hash.get()) && !creds.get().readOnly()) {
            try {
                creds.get().setPasswordHash(c.login(), source.hasher().hash(password));
                LOG.debug("Re-hashed the password of {} as back-end {} keeps them", c.login(), source.name());
            } catch (RuntimeException e) {
                LOG.warn("Could not re-hash the password of {}: {}", c.login(), e.toString());
            }
        }
        events.fire(CustomerEvent.Type.LOGIN_SUCCEEDED, c.login(), null, c, "");
        return AuthenticationResult.success(c);
    }

    /**
     * Reserves an attempt: the state it left when an attempt was allowed, empty when the account is locked. The
     * check is made on the state the atomic update replaced (the last call of the operator is the one stored).
     */
    private Optional<LoginState> reserve(StateStore st, String login, Instant now) {
        AtomicBoolean allowed = new AtomicBoolean();
        LoginState after = st.updateLoginState(login, s -> {
            allowed.set(!lockout.isLocked(s, now));
            return lockout.afterFailure(s, now);
        });
        return allowed.get() ? Optional.of(after) : Optional.empty();
    }

    private void refund(StateStore st, String login, Instant now, RuntimeException cause) {
        try {
            st.updateLoginState(login, s -> lockout.refunded(s, now));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private AuthenticationResult failed(String login, Outcome outcome, String detail) {
        events.fire(CustomerEvent.Type.LOGIN_FAILED, login, null, null, detail);
        return AuthenticationResult.failure(outcome);
    }

    void unlock(String login) {
        Located at = sources.locateOrThrow(login);
        state.ifPresent(st -> st.updateLoginState(at.customer().login(), lockout::unlocked));
        events.fire(CustomerEvent.Type.UNLOCKED, at.customer().login(), "");
    }
}
