package dev.clientele.jdbc.internal.mapped;

import dev.clientele.ValidationException;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.Keys;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.ResetToken;
import dev.clientele.spi.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Customer state in Znuny's {@code customer_preferences} (user_id = the login as stored, preferences_key,
 * preferences_value of at most 250 characters), so that Znuny and Clientele see one login state: Znuny's own
 * {@code UserLastLogin} (epoch seconds) and {@code UserLoginFailed} (a count) hold the last login and the failed
 * logins; the rest of Clientele's lock-out and its reset tokens are preferences whose keys start with
 * {@value #RESERVED} ({@code ClienteleFirstFailure}, {@code ClienteleLockedUntil}, {@code ClienteleResetToken:HASH}).
 * Those keys, and Znuny's two, are not among a customer's {@link #preferences}, and cannot be set as one.
 *
 * <p>{@link #updateLoginState} locks the customer's row ({@code SELECT ... FOR UPDATE}), or Znuny's {@code valid}
 * row 1 for a login the table does not hold, so two updates of one login run one after the other.
 */
public final class MappedStateStore implements StateStore {
    /** The prefix of the preference keys Clientele keeps for itself. */
    static final String RESERVED = "Clientele";
    static final String LAST_LOGIN = "UserLastLogin";
    static final String LOGIN_FAILED = "UserLoginFailed";
    static final String FIRST_FAILURE = "ClienteleFirstFailure";
    static final String LOCKED_UNTIL = "ClienteleLockedUntil";
    static final String TOKEN = "ClienteleResetToken:";
    /** The longest value Znuny's {@code preferences_value VARCHAR(250)} holds. */
    static final int MAX_VALUE = 250;

    private final Database db;
    private final FieldMap map;
    private final String prefs;

    public MappedStateStore(Database db, FieldMap map) {
        this.db = Objects.requireNonNull(db, "db");
        this.map = Objects.requireNonNull(map, "map");
        this.prefs = map.table(FieldMap.Table.PREFERENCES);
    }

    static boolean internal(String key) {
        return key.startsWith(RESERVED) || key.equals(LAST_LOGIN) || key.equals(LOGIN_FAILED);
    }

    @Override
    public LoginState loginState(String login) {
        Objects.requireNonNull(login, "login");
        return db.read("read the login state of '" + login + "'", c -> read(c, login, user(c, login, false)));
    }

    private LoginState read(Connection c, String login, String user) throws SQLException {
        Map<String, String> p = all(c, user);
        return new LoginState(login, Optional.ofNullable(seconds(p.get(LAST_LOGIN))), count(p.get(LOGIN_FAILED)),
                Optional.ofNullable(millis(p.get(FIRST_FAILURE))), Optional.ofNullable(millis(p.get(LOCKED_UNTIL))));
    }

    @Override
    public LoginState updateLoginState(String login, UnaryOperator<LoginState> change) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(change, "change");
        return db.write("update the login state of '" + login + "'", c -> {
            String user = user(c, login, true);
            LoginState before = read(c, login, user);
            LoginState next = change.apply(before);
            if (next == null) {
                next = LoginState.empty(login);
            }
            if (!next.lastLogin().equals(before.lastLogin())) {
                set(c, user, LAST_LOGIN, next.lastLogin().map(t -> Long.toString(t.getEpochSecond())).orElse(null));
            }
            // Written every time, changed or not: every login attempt then costs one write here, whether it is a wrong
            // password, an unknown login (a decoy key) or a locked account, so their times do not tell them apart.
            set(c, user, LOGIN_FAILED, Integer.toString(next.failedLogins()));
            if (!next.firstFailure().equals(before.firstFailure())) {
                set(c, user, FIRST_FAILURE, next.firstFailure().map(t -> Long.toString(t.toEpochMilli())).orElse(null));
            }
            if (!next.lockedUntil().equals(before.lockedUntil())) {
                set(c, user, LOCKED_UNTIL, next.lockedUntil().map(t -> Long.toString(t.toEpochMilli())).orElse(null));
            }
            return read(c, login, user);
        });
    }

    @Override
    public void storeResetToken(ResetToken token) {
        Objects.requireNonNull(token, "token");
        db.write("store a reset token of '" + token.login() + "'", c -> {
            set(c, user(c, token.login(), false), TOKEN + token.tokenHash(),
                    Long.toString(token.expiresAt().toEpochMilli()));
            return null;
        });
    }

    @Override
    public Optional<ResetToken> takeResetToken(String tokenHash) {
        if (tokenHash == null) {
            return Optional.empty();
        }
        return db.write("take a reset token", c -> {
            String user;
            Instant expires;
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, preferences_value FROM " + prefs
                    + " WHERE preferences_key = ?")) {
                ps.setString(1, TOKEN + tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ResetToken>empty();
                    }
                    user = rs.getString(1);
                    expires = millis(rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefs + " WHERE preferences_key = ?")) {
                ps.setString(1, TOKEN + tokenHash);
                if (ps.executeUpdate() == 0 || expires == null) {
                    return Optional.<ResetToken>empty();
                }
            }
            return Optional.of(new ResetToken(tokenHash, user, expires));
        });
    }

    @Override
    public int deleteResetTokens(String login) {
        Objects.requireNonNull(login, "login");
        return db.write("delete the reset tokens of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefs + " WHERE user_id = ? AND"
                    + " preferences_key LIKE '" + TOKEN + "%'")) {
                ps.setString(1, user(c, login, false));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, String> preferences(String login) {
        Objects.requireNonNull(login, "login");
        return db.read("read the preferences of '" + login + "'", c -> {
            Map<String, String> out = new TreeMap<>(all(c, user(c, login, false)));
            out.keySet().removeIf(MappedStateStore::internal);
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public void setPreference(String login, String key, @Nullable String value) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(key, "key");
        if (internal(key)) {
            throw ValidationException.ofArgument("key", "'" + key + "' is kept by the login state of this back-end"
                    + " (keys " + LAST_LOGIN + ", " + LOGIN_FAILED + " and " + RESERVED + "*)");
        }
        if (value != null && value.length() > MAX_VALUE) {
            throw ValidationException.ofArgument("value", "must be at most " + MAX_VALUE
                    + " characters in Znuny's customer_preferences, was " + value.length());
        }
        db.write("set preference '" + key + "' of '" + login + "'", c -> {
            set(c, user(c, login, false), key, value);
            return null;
        });
    }

    @Override
    public boolean deleteAll(String login) {
        Objects.requireNonNull(login, "login");
        return db.write("delete the state of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefs + " WHERE user_id = ?")) {
                ps.setString(1, user(c, login, false));
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ----- helpers -------------------------------------------------------------------------------------------------

    /**
     * The {@code user_id} of a login: as stored in the customer table (its row locked if {@code lock}), else the
     * login's key (the login itself when case-sensitive), then with Znuny's valid row 1 locked if {@code lock}.
     */
    private String user(Connection c, String login, boolean lock) throws SQLException {
        boolean exact = map.caseSensitiveLogin();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + map.loginColumn() + " FROM "
                + map.table(FieldMap.Table.CUSTOMERS) + " WHERE " + Rows.match(map.loginColumn(), exact)
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, Rows.key(login, exact));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        if (lock) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + map.table(FieldMap.Table.VALID)
                    + " WHERE id = 1 FOR UPDATE"); ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
        return Rows.key(login, exact);
    }

    private Map<String, String> all(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT preferences_key, preferences_value FROM " + prefs
                + " WHERE user_id = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> out = new HashMap<>();
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
                return out;
            }
        }
    }

    /** Replaces one preference row (Znuny keeps no key: delete, then insert); {@code null} removes it. */
    private void set(Connection c, String user, String key, @Nullable String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefs + " WHERE user_id = ? AND"
                + " preferences_key = ?")) {
            ps.setString(1, user);
            ps.setString(2, key);
            ps.executeUpdate();
        }
        if (value == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefs
                + " (user_id, preferences_key, preferences_value) VALUES (?, ?, ?)")) {
            ps.setString(1, user);
            ps.setString(2, key);
            ps.setString(3, value);
            ps.executeUpdate();
        }
    }

    private static int count(@Nullable String v) {
        try {
            return v == null ? 0 : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable Instant seconds(@Nullable String v) {
        try {
            return v == null || v.isBlank() ? null : Instant.ofEpochSecond(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Instant millis(@Nullable String v) {
        try {
            return v == null || v.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
