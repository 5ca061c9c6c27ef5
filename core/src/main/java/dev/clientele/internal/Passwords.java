package dev.clientele.internal;

import dev.clientele.CustomerEvent;
import dev.clientele.NotFoundException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.internal.CustomerSources.Located;
import dev.clientele.internal.CustomerSources.Source;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.ResetTokens;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.ResetToken;
import dev.clientele.spi.StateStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Setting passwords where the owning source keeps them (a hash in its credential store, or the store itself, as an
 * LDAP directory does), reset tokens, and copying a stored hash to another directory.
 */
final class Passwords {
    private final CustomerSources sources;
    private final Optional<StateStore> state;
    private final PasswordPolicy policy;
    private final LockoutPolicy lockout;
    private final Duration resetTokenLifetime;
    private final Events events;

    Passwords(CustomerSources sources, Optional<StateStore> state, PasswordPolicy policy,
            LockoutPolicy lockout, Duration resetTokenLifetime, Events events) {
        this.sources = sources;
        this.state = state;
        this.policy = policy;
        this.lockout = lockout;
        this.resetTokenLifetime = resetTokenLifetime;
        this.events = events;
    }

    /** Checks a password against the policy; a {@code null} password (none given) is not checked. */
    void checkPolicy(char[] password) {
        if (password != null) {
            policy.check(password);
        }
    }

    void set(String login, char[] password) {
        Located at = sources.locateOrThrow(login);
        policy.check(password);
        Runnable write = write(at.source(), at.customer().login(), password);
        sources.whileStored(at, () -> {
            write.run();
            // A new password invalidates every outstanding reset token of the customer.
            state.ifPresent(st -> st.deleteResetTokens(at.customer().login()));
        });
        events.fire(CustomerEvent.Type.PASSWORD_CHANGED, at.customer().login(), null, null, "");
    }

    /**
     * Prepares the write of a password — checks that the source can take one and hashes it (slow, so never inside a
     * transaction) — and returns the write itself.
     */
    Runnable write(Source source, String login, char[] password) {
        Optional<CredentialStore> creds = source.credentials();
        if (creds.isPresent()) {
            if (creds.get().readOnly()) {
                throw new ReadOnlyBackendException(source.name(), "change the password of " + login);
            }
            String hash = source.hasher().hash(password); // in the format the source's back-end keeps
            return () -> creds.get().setPasswordHash(login, hash);
        }
        Optional<PasswordVerifier> verifier = source.backend().passwordVerifier();
        if (verifier.isPresent() && !verifier.get().readOnly()) {
            return () -> verifier.get().setPassword(login, password);
        }
        throw new ReadOnlyBackendException(source.name(), "change the password of " + login
                + (verifier.isPresent() ? "" : " (it keeps no passwords)"));
    }

    String createResetToken(String login) {
        Located at = sources.locateOrThrow(login);
        StateStore st = stateStore();
        String token = ResetTokens.newToken();
        ResetToken stored = new ResetToken(ResetTokens.hash(token), at.customer().login(),
                events.now().plus(resetTokenLifetime));
        sources.whileStored(at, () -> st.storeResetToken(stored));
        events.fire(CustomerEvent.Type.RESET_TOKEN_ISSUED, at.customer().login(), "valid for " + resetTokenLifetime);
        return token;
    }

    void reset(String token, char[] newPassword) {
        StateStore st = stateStore();
        if (token == null || token.isBlank()) {
            throw new NotFoundException("reset token", "(empty)");
        }
        policy.check(newPassword);
        Optional<ResetToken> t = st.takeResetToken(ResetTokens.hash(token));
        if (t.isEmpty() || !t.get().expiresAt().isAfter(events.now())) {
            throw new NotFoundException("reset token", "(given token: unknown, used or expired)");
        }
        Located at = sources.locateOrThrow(t.get().login());
        Runnable write = write(at.source(), at.customer().login(), newPassword);
        sources.whileStored(at, () -> {
            write.run();
            // Redeeming one token invalidates every other outstanding token of the customer.
            st.deleteResetTokens(at.customer().login());
            st.updateLoginState(at.customer().login(), lockout::unlocked);
        });
        events.fire(CustomerEvent.Type.PASSWORD_CHANGED, at.customer().login(), null, null, "by reset token");
    }

    /** Copies the stored hash of the login to the same customer in {@code target}; false if there is none here. */
    boolean copyTo(String login, Passwords target) {
        Located here = sources.locateOrThrow(login);
        Optional<String> hash = here.source().credentials().flatMap(c -> c.passwordHash(here.customer().login()));
        if (hash.isEmpty()) {
            return false;
        }
        Located there = target.sources.locateOrThrow(login);
        CredentialStore creds = there.source().credentials().filter(c -> !c.readOnly())
                .orElseThrow(() -> new ReadOnlyBackendException(there.source().name(),
                        "store the password hash of " + there.customer().login()));
        target.sources.whileStored(there, () -> creds.setPasswordHash(there.customer().login(), hash.get()));
        target.events.fire(CustomerEvent.Type.PASSWORD_CHANGED, there.customer().login(), null, null, "copied");
        return true;
    }

    private StateStore stateStore() {
        return state.orElseThrow(() -> Roles.noStore("clientele.state", "customer state"));
    }
}
