package dev.clientele.memory.internal;

import dev.clientele.spi.Keys;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.ResetToken;
import dev.clientele.spi.StateStore;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * Login state, reset tokens and preferences. Login state and preferences are kept per login key and changed with
 * {@link ConcurrentMap#compute}, so concurrent changes of one login are applied one after the other. Reset tokens
 * are kept by their hash exactly (hashes are case-sensitive) and taken with an atomic remove, so a token works at
 * most once.
 *
 * <p>The state store stays writable when the back-end is read-only: state is kept locally even for customers of a
 * read-only source, and {@link StateStore} has no read-only mode.
 */
public final class MemoryStateStore implements StateStore {
    private final ConcurrentMap<String, LoginState> loginStates = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ResetToken> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<String, String>> preferences = new ConcurrentHashMap<>();

    @Override
    public LoginState loginState(String login) {
        Objects.requireNonNull(login, "login");
        LoginState state = loginStates.get(Keys.of(login));
        return state == null ? LoginState.empty(login) : state;
    }

    @Override
    public LoginState updateLoginState(String login, UnaryOperator<LoginState> change) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(change, "change");
        LoginState[] result = new LoginState[1];
        loginStates.compute(Keys.of(login), (key, current) -> {
            LoginState next = change.apply(current == null ? LoginState.empty(login) : current);
            result[0] = next == null ? LoginState.empty(login) : next;
            return next;
        });
        return result[0];
    }

    @Override
    public void storeResetToken(ResetToken token) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(token.tokenHash(), "tokenHash");
        tokens.put(token.tokenHash(), token);
    }

    @Override
    public Optional<ResetToken> takeResetToken(String tokenHash) {
        return tokenHash == null ? Optional.empty() : Optional.ofNullable(tokens.remove(tokenHash));
    }

    @Override
    public int deleteResetTokens(String login) {
        Objects.requireNonNull(login, "login");
        int[] removed = new int[1];
        tokens.values().removeIf(t -> {
            boolean same = Keys.same(t.login(), login);
            if (same) {
                removed[0]++;
            }
            return same;
        });
        return removed[0];
    }

    @Override
    public Map<String, String> preferences(String login) {
        Objects.requireNonNull(login, "login");
        Map<String, String> prefs = preferences.get(Keys.of(login));
        return prefs == null ? Map.of() : prefs;
    }

    @Override
    public void setPreference(String login, String key, String value) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(key, "key");
        preferences.compute(Keys.of(login), (k, current) -> {
            Map<String, String> next = new TreeMap<>(current == null ? Map.of() : current);
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
            return next.isEmpty() ? null : Collections.unmodifiableMap(next);
        });
    }

    @Override
    public boolean deleteAll(String login) {
        Objects.requireNonNull(login, "login");
        String key = Keys.of(login);
        boolean any = loginStates.remove(key) != null;
        any |= preferences.remove(key) != null;
        any |= tokens.values().removeIf(t -> Keys.same(t.login(), login));
        return any;
    }
}
