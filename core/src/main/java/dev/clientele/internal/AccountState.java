package dev.clientele.internal;

import dev.clientele.CustomerEvent;
import dev.clientele.LoginStatus;
import dev.clientele.internal.CustomerSources.Located;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the state store keeps of a customer besides its password: login bookkeeping as an admin sees it, preferences. */
final class AccountState {
    private final CustomerSources sources;
    private final Optional<StateStore> state;
    private final LockoutPolicy lockout;
    private final Events events;

    AccountState(CustomerSources sources, Optional<StateStore> state, LockoutPolicy lockout, Events events) {
        this.sources = sources;
        this.state = state;
        this.lockout = lockout;
        this.events = events;
    }

    private StateStore store() {
        return state.orElseThrow(() -> Roles.noStore("clientele.state", "customer state"));
    }

    LoginStatus loginStatus(String login) {
        Located at = sources.locateOrThrow(login);
        String stored = at.customer().login();
        LoginState s = store().loginState(stored);
        Instant now = events.now();
        return new LoginStatus(stored, s.lastLogin(), lockout.countedFailures(s, now),
                lockout.isLocked(s, now) ? s.lockedUntil() : Optional.empty());
    }

    /** Writes this customer's login state as stored here into the target's state store; false if there is none. */
    boolean copyTo(String login, AccountState target) {
        Located here = sources.locateOrThrow(login);
        LoginState s = store().loginState(here.customer().login());
        if (s.lastLogin().isEmpty() && s.failedLogins() == 0 && s.lockedUntil().isEmpty()) {
            return false;
        }
        Located there = target.sources.locateOrThrow(login);
        String stored = there.customer().login();
        StateStore st = target.store();
        target.sources.whileStored(there, () -> {
            st.updateLoginState(stored, old -> new LoginState(stored, s.lastLogin(), s.failedLogins(),
                    s.firstFailure(), s.lockedUntil()));
        });
        target.events.fire(CustomerEvent.Type.UPDATED, stored, "login state copied");
        return true;
    }

    Map<String, String> preferences(String login) {
        Located at = sources.locateOrThrow(login);
        return Map.copyOf(store().preferences(at.customer().login()));
    }

    void setPreference(String login, String key, String value) {
        Validation.checkPreference(key, value);
        Located at = sources.locateOrThrow(login);
        sources.whileStored(at, () -> store().setPreference(at.customer().login(), key, value));
        events.fire(CustomerEvent.Type.PREFERENCE_CHANGED, at.customer().login(), key + " set");
    }

    boolean removePreference(String login, String key) {
        Args.requireText("key", key);
        Located at = sources.locateOrThrow(login);
        StateStore st = store();
        if (!st.preferences(at.customer().login()).containsKey(key)) {
            return false;
        }
        sources.whileStored(at, () -> st.setPreference(at.customer().login(), key, null));
        events.fire(CustomerEvent.Type.PREFERENCE_CHANGED, at.customer().login(), key + " removed");
        return true;
    }
}
