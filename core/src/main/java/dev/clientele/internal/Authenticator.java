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
import dev.clientele.spi.LoginReader;
import dev.clientele.spi.LoginReader.LoginRead;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins: the owner of the login checks the password (a stored hash, or the store itself), the lock-out is kept in
 * the state store, an outdated hash is re-hashed on success, and an unknown login costs a dummy verification. The
 * store calls before the verification run in one session of the back-ends (one pooled connection on JDBC), released
 * before the hash is computed or the bind is made.
 */
final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final CustomerSources sources;
    private final Optional<StateStore> state;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final Events events;
    private final FailureCost cost;
    private final Sessions sessions;
    private final Optional<LoginReader> reader;

    /**
     * {@code reader}: the login reader of the one customer source, which keeps the login state ({@link
     * DirectoryParts}); empty otherwise.
     */
    Authenticator(CustomerSources sources, Optional<StateStore> state, PasswordHasher hasher, LockoutPolicy lockout,
            Events events, Sessions sessions, Optional<LoginReader> reader) {
        if (reader.isPresent() && (sources.all().size() != 1 || state.isEmpty())) {
            throw new IllegalArgumentException("a login reader is for one customer source that keeps the state");
        }
        this.sources = sources;
        this.state = state;
        this.reader = reader;
        this.hasher = hasher;
        this.lockout = lockout;
        this.events = events;
        this.cost = new FailureCost(sources, state, hasher, lockout);
        this.sessions = sessions;
    }

    /**
     * What the stores say of one login attempt, all read in one session of the back-ends (one connection on JDBC)
     * before any password is verified, so that no connection is held while a hash is computed or a bind waits.
     *
     * @param at       the customer and its source; null for an unknown login
     * @param locked   the account is locked: nothing is verified
     * @param reserved the login state after the attempt was reserved (counted as a failure), if state is kept
     * @param hash     the stored hash, if the source keeps hashes and has one
     */
    private record Attempt(@Nullable Located at, boolean locked, Optional<LoginState> reserved,
            Optional<String> hash) {
    }

    AuthenticationResult authenticate(String login, char[] password) {
        if (login == null || login.isBlank() || password == null || password.length == 0) {
            hasher.verify(new char[] {'x'}, hasher.dummyHash());
            return failed(login == null ? "" : login, Outcome.BAD_CREDENTIALS, "empty login or password");
        }
        Instant now = events.now();
        Attempt a = sessions.run(() -> prepare(login, now));
        if (a.at() == null) {
            cost.unknownLoginVerification(password);
            return failed(login, Outcome.BAD_CREDENTIALS, "unknown login");
        }
        Customer c = a.at().customer();
        Source source = a.at().source();
        if (a.locked()) {
            // No verification at all: a directory behind us must not count this attempt against its own lock-out.
            // The caller is told BAD_CREDENTIALS at the cost of a wrong password, as for an unknown login, so a
            // lock-out does not reveal that the login exists; the event and loginStatus say "locked out".
            cost.wrongPasswordVerification(source, password);
            return failed(c.login(), Outcome.BAD_CREDENTIALS, "locked out");
        }
        Optional<CredentialStore> creds = source.credentials();
        boolean ok;
        try {
            if (creds.isPresent()) {
                ok = source.hasher().verify(password, a.hash().orElse(hasher.dummyHash())) && a.hash().isPresent();
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
            boolean nowLocked = a.reserved().map(s -> lockout.isLocked(s, now)).orElse(false);
            return failed(c.login(), Outcome.BAD_CREDENTIALS, "bad credentials" + (nowLocked ? ", now locked out" : ""));
        }
        if (!c.isValid()) {
            state.ifPresent(st -> st.updateLoginState(c.login(), lockout::unlocked));
            return failed(c.login(), Outcome.ACCOUNT_INVALID, "account invalid");
        }
        // A success does not depend on the state before it (no failures, no lock, the login time): one write of
        // the row the reservation locked and left.
        a.reserved().ifPresent(r -> state.get().replaceLoginState(c.login(), lockout.afterSuccess(r, now)));
        // The source's hasher says whether and how (its back-end's rehash policy and crypt type).
        Optional<String> hash = a.hash();
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
     * The store calls of an attempt: the lookup, the reservation of the attempt in the state store (atomically
     * before the password is verified, so concurrent attempts never verify more than max-failures passwords in a
     * window; a success then clears the count) and the read of the stored hash — or, for an unknown login or a
     * locked account, the same calls on a decoy ({@link FailureCost}).
     */
    private Attempt prepare(String login, Instant now) {
        if (reader.isPresent()) {
            return prepareRead(reader.get(), state.orElseThrow(), login, now);
        }
        Optional<Located> at = sources.locate(login);
        if (at.isEmpty()) {
            cost.unknownLoginReads(login, now);
            return new Attempt(null, false, Optional.empty(), Optional.empty());
        }
        Customer c = at.get().customer();
        Source source = at.get().source();
        Optional<LoginState> reserved = state.isPresent() ? reserve(state.get(), c.login(), now) : Optional.empty();
        if (state.isPresent() && reserved.isEmpty()) {
            cost.wrongPasswordReads(source, c.login());
            return new Attempt(at.get(), true, Optional.empty(), Optional.empty());
        }
        Optional<String> hash;
        try {
            hash = source.credentials().flatMap(creds -> creds.passwordHash(c.login()));
        } catch (RuntimeException e) {
            state.ifPresent(st -> refund(st, c.login(), now, e));
            throw e;
        }
        return new Attempt(at.get(), false, reserved, hash);
    }

    /**
     * The store calls of an attempt through the back-end's {@link LoginReader}: the customer, its hash, its login
     * state and the decoy's in one read, then the attempt reserved by a compare-and-set of the state read — for an
     * unknown login on the decoy, so that it costs what a wrong password costs ({@link FailureCost}).
     */
    private Attempt prepareRead(LoginReader r, StateStore st, String login, Instant now) {
        String decoy = cost.decoy(login);
        LoginRead read = r.read(Args.unstorable(login) ? decoy : login, decoy);
        if (read.customer().isEmpty()) {
            reserve(st, decoy, read.otherState(), now);
            return new Attempt(null, false, Optional.empty(), Optional.empty());
        }
        Located at = new Located(read.customer().get(), sources.all().get(0));
        Optional<LoginState> reserved = reserve(st, at.customer().login(), read.state(), now);
        return new Attempt(at, reserved.isEmpty(), reserved, reserved.isEmpty() ? Optional.empty() : read.hash());
    }

    /**
     * Reserves an attempt from the state read with the customer (the empty state where the store holds none): one
     * compare-and-set of that state; the store's atomic update when another attempt came between.
     */
    private Optional<LoginState> reserve(StateStore st, String login, Optional<LoginState> read, Instant now) {
        LoginState before = read.orElseGet(() -> LoginState.empty(login));
        LoginState after = lockout.afterFailure(before, now);
        if (st.compareAndSetLoginState(login, before, after)) {
            return lockout.isLocked(before, now) ? Optional.empty() : Optional.of(after);
        }
        return reserve(st, login, now);
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
