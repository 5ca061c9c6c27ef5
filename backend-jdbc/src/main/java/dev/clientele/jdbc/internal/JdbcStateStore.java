package dev.clientele.jdbc.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Login state, reset tokens and preferences, by login key. Always writable, also in a read-only back-end (state is
 * kept even for customers of a read-only source).
 *
 * <ul>
 *   <li>{@link #updateLoginState}: in one transaction, the row is locked with {@code SELECT ... FOR UPDATE}
 *       (created first if missing, by an insert that does nothing when a concurrent one won), changed and written
 *       back: two statements for a login seen before; two concurrent updates of one login run one after the other.
 *       On PostgreSQL the transaction commits without waiting for the log flush
 *       ({@link Dialect#relaxedCommitSuffix()}).</li>
 *   <li>Reset tokens are stored by their hash (core never hands the token itself to the store);
 *       {@link #takeResetToken} deletes and returns the row in one statement, so a token is taken at most once;
 *       {@link #deleteResetTokens} deletes every token of a login key (indexed).</li>
 * </ul>
 */
public final class JdbcStateStore implements StateStore {
    private static final int ATTEMPTS = 5;

    private final Database db;
    private final String loginState;
    private final String tokens;
    private final String preferences;
    private final String selectSql;
    private final String updateSql;

    public JdbcStateStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.loginState = db.mapping().table("login_state");
        this.tokens = db.mapping().table("reset_tokens");
        this.preferences = db.mapping().table("preferences");
        this.selectSql = "SELECT login, last_login, failed_logins, first_failure, locked_until FROM " + loginState
                + " WHERE login_key = ?";
        this.updateSql = "UPDATE " + loginState + " SET login = ?, last_login = ?, failed_logins = ?, first_failure = ?,"
                + " locked_until = ? WHERE login_key = ?" + db.dialect().relaxedCommitSuffix();
    }

    /** The statement that locks a login's state row, and its parameter (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> lockQuery(String login) {
        return Map.entry(selectSql + " FOR UPDATE", List.of(Keys.of(login)));
    }

    /**
     * The statement that writes a login's state row, with the parameters of an empty state (public for the EXPLAIN
     * tests; bind them with {@link Jdbc#bind}).
     */
    public Map.Entry<String, List<Object>> updateQuery(String login) {
        return Map.entry(updateSql, List.of(login, Jdbc.NULL_TIMESTAMP, 0, Jdbc.NULL_TIMESTAMP, Jdbc.NULL_TIMESTAMP,
                Keys.of(login)));
    }

    @Override
    public LoginState loginState(String login) {
        Objects.requireNonNull(login, "login");
        return db.read("read the login state of '" + login + "'", c -> {
            Optional<LoginState> s = select(c, login, false);
            return s.orElse(LoginState.empty(login));
        });
    }

    private Optional<LoginState> select(Connection c, String login, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(forUpdate ? selectSql + " FOR UPDATE" : selectSql)) {
            ps.setString(1, Keys.of(login));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LoginState(rs.getString("login"),
                        Optional.ofNullable(Jdbc.instant(rs, "last_login")), rs.getInt("failed_logins"),
                        Optional.ofNullable(Jdbc.instant(rs, "first_failure")),
                        Optional.ofNullable(Jdbc.instant(rs, "locked_until"))));
            }
        }
    }

    @Override
    public LoginState updateLoginState(String login, UnaryOperator<LoginState> change) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(change, "change");
        NamedSql init = db.statement("init-login-state");
        return db.write("update the login state of '" + login + "'", c -> {
            // The row of a login that has logged in before is there: lock it (one statement). Only a first
            // attempt creates it, with an insert that does nothing when a concurrent one won, and locks it then.
            Optional<LoginState> current = select(c, login, true);
            for (int attempt = 0; attempt < ATTEMPTS && current.isEmpty(); attempt++) {
                try (PreparedStatement ps = init.prepare(c, Map.of("login_key", Keys.of(login), "login", login))) {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    // H2: a concurrent insert of the same key won; its row is there (or soon committed) to lock
                    if (!Database.isUniqueViolation(e)) {
                        throw e;
                    }
                }
                current = select(c, login, true);
            }
            LoginState before = current.orElseThrow(() -> new SQLException(
                    "the login state row of '" + login + "' could not be created and locked"));
            LoginState next = change.apply(before);
            if (next == null) {
                next = LoginState.empty(login);
            }
            write(c, login, next);
            return next;
        });
    }

    /** One UPDATE of the row, which is there: a login's success after its reserved attempt. */
    @Override
    public void replaceLoginState(String login, LoginState state) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(state, "state");
        db.write("update the login state of '" + login + "'", c -> {
            write(c, login, state);
            return null;
        });
    }

    private void write(Connection c, String login, LoginState next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(updateSql)) {
            ps.setString(1, next.login() == null ? login : next.login());
            Jdbc.bindInstant(ps, 2, next.lastLogin().orElse(null));
            ps.setInt(3, next.failedLogins());
            Jdbc.bindInstant(ps, 4, next.firstFailure().orElse(null));
            Jdbc.bindInstant(ps, 5, next.lockedUntil().orElse(null));
            ps.setString(6, Keys.of(login));
            ps.execute();
        }
    }

    @Override
    public void storeResetToken(ResetToken token) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(token.tokenHash(), "tokenHash");
        db.write("store a reset token of '" + token.login() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tokens
                    + " (token_hash, login, login_key, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, token.tokenHash());
                ps.setString(2, token.login());
                ps.setString(3, Keys.of(token.login()));
                Jdbc.bindInstant(ps, 4, token.expiresAt());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ResetToken> takeResetToken(String tokenHash) {
        if (tokenHash == null) {
            return Optional.empty();
        }
        NamedSql take = db.statement("take-reset-token");
        return db.write("take a reset token", c -> {
            try (PreparedStatement ps = take.prepare(c, Map.of("token_hash", tokenHash));
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<ResetToken>empty();
                }
                Instant expires = Jdbc.instant(rs, "expires_at");
                return Optional.of(new ResetToken(rs.getString("token_hash"), rs.getString("login"), expires));
            }
        });
    }

    @Override
    public int deleteResetTokens(String login) {
        Objects.requireNonNull(login, "login");
        return db.write("delete the reset tokens of '" + login + "'", c -> {
            // by login_key, which the index clientele_reset_tokens_login_key covers
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tokens + " WHERE login_key = ?")) {
                ps.setString(1, Keys.of(login));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, String> preferences(String login) {
        Objects.requireNonNull(login, "login");
        return db.read("read the preferences of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pref_key, pref_value FROM " + preferences
                    + " WHERE login_key = ?")) {
                ps.setString(1, Keys.of(login));
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, String> out = new TreeMap<>();
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                    return Collections.unmodifiableMap(out);
                }
            }
        });
    }

    @Override
    public void setPreference(String login, String key, String value) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(key, "key");
        String what = "set preference '" + key + "' of '" + login + "'";
        if (value == null) {
            db.write(what, c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + preferences
                        + " WHERE login_key = ? AND pref_key = ?")) {
                    ps.setString(1, Keys.of(login));
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            });
            return;
        }
        NamedSql upsert = db.statement("upsert-preference");
        db.write(what, c -> {
            try (PreparedStatement ps = upsert.prepare(c, Map.of("login_key", Keys.of(login), "pref_key", key,
                    "pref_value", value))) {
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean deleteAll(String login) {
        Objects.requireNonNull(login, "login");
        return db.write("delete the state of '" + login + "'", c -> {
            int n = 0;
            for (String table : new String[] {loginState, preferences, tokens}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE login_key = ?")) {
                    ps.setString(1, Keys.of(login));
                    n += ps.executeUpdate();
                }
            }
            return n > 0;
        });
    }
}
