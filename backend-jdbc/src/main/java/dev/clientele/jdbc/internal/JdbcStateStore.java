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
import java.util.HashMap;
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
 *   <li>{@link #updateLoginState}: a compare-and-set in auto-commit mode — the row read, changed, and written back
 *       by an {@code UPDATE} whose {@code WHERE} is the primary key and every value read (the login's spelling
 *       aside), so it writes only if no other update came between (two statements for a login seen before, no
 *       transaction to begin or commit). A lost race reads again; after {@value #ATTEMPTS} lost races, and inside
 *       a caller's transaction, the row is locked instead ({@code SELECT ... FOR UPDATE}, changed, written, committed). Either way two concurrent
 *       updates of one login are applied one after the other, none lost. A login without a row (its first
 *       attempt) gets one by an insert of its changed state, which does nothing when a concurrent one won (a lost
 *       race: read again), so a first attempt is two statements too. {@link #replaceLoginState} is one {@code UPDATE} in
 *       auto-commit mode. On PostgreSQL these writes commit without waiting for the log flush
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
    private final String swapSql;
    private final NamedSql createSql;

    public JdbcStateStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.loginState = db.mapping().table("login_state");
        this.tokens = db.mapping().table("reset_tokens");
        this.preferences = db.mapping().table("preferences");
        this.selectSql = "SELECT " + selectColumns("s") + " FROM " + loginState + " s WHERE s.login_key = ?";
        this.updateSql = "UPDATE " + loginState + " SET login = ?, last_login = ?, failed_logins = ?, first_failure = ?,"
                + " locked_until = ? WHERE login_key = ?" + db.dialect().relaxedCommitSuffix();
        this.swapSql = "UPDATE " + loginState + " SET login = ?, last_login = ?, failed_logins = ?, first_failure = ?,"
                + " locked_until = ? WHERE login_key = ? AND last_login IS NOT DISTINCT FROM ? AND failed_logins = ?"
                + " AND first_failure IS NOT DISTINCT FROM ?"
                + " AND locked_until IS NOT DISTINCT FROM ?" + db.dialect().relaxedCommitSuffix();
        this.createSql = db.statement("create-login-state").append(db.dialect().relaxedCommitSuffix());
    }

    /** The statement that reads a login's state row, and its parameter (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> selectQuery(String login) {
        return Map.entry(selectSql, List.of(Keys.of(login)));
    }

    /**
     * The compare-and-set of a login's state row, with the parameters of an empty state replacing an empty state
     * (public for the EXPLAIN tests; bind them with {@link Jdbc#bind}).
     */
    public Map.Entry<String, List<Object>> swapQuery(String login) {
        return Map.entry(swapSql, List.of(login, Jdbc.NULL_TIMESTAMP, 0, Jdbc.NULL_TIMESTAMP, Jdbc.NULL_TIMESTAMP,
                Keys.of(login), Jdbc.NULL_TIMESTAMP, 0, Jdbc.NULL_TIMESTAMP, Jdbc.NULL_TIMESTAMP));
    }

    /**
     * The insert of a first attempt's state row (an empty state), with its parameters in placeholder order (public
     * for the EXPLAIN tests; bind them with {@link Jdbc#bind}).
     */
    public Map.Entry<String, List<Object>> createQuery(String login) {
        Map<String, Object> values = createValues(login, LoginState.empty(login));
        return Map.entry(createSql.sql(), createSql.names().stream().map(values::get).toList());
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
                return Optional.of(read(rs, 1));
            }
        }
    }

    /** The columns a login reader selects from this table (aliased {@code alias}), in the order {@link #read} reads. */
    static String selectColumns(String alias) {
        return alias + ".login, " + alias + ".last_login, " + alias + ".failed_logins, " + alias + ".first_failure, "
                + alias + ".locked_until";
    }

    String table() {
        return loginState;
    }

    /** A state row read from the columns of {@link #selectColumns} starting at {@code first}. */
    static LoginState read(ResultSet rs, int first) throws SQLException {
        return new LoginState(rs.getString(first), Optional.ofNullable(Jdbc.instant(rs, first + 1)),
                rs.getInt(first + 2), Optional.ofNullable(Jdbc.instant(rs, first + 3)),
                Optional.ofNullable(Jdbc.instant(rs, first + 4)));
    }

    @Override
    public LoginState updateLoginState(String login, UnaryOperator<LoginState> change) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(change, "change");
        String what = "update the login state of '" + login + "'";
        if (!db.inTransaction()) {
            Optional<LoginState> swapped = db.autoCommitted(what, c -> compareAndSet(c, login, change));
            if (swapped.isPresent()) {
                return swapped.get();
            }
        }
        return db.write(what, c -> {
            // The row of a login that has logged in before is there: lock it (one statement). Only a first
            // attempt creates it, with an insert that does nothing when a concurrent one won, and locks it then.
            Optional<LoginState> current = select(c, login, true);
            for (int attempt = 0; attempt < ATTEMPTS && current.isEmpty(); attempt++) {
                create(c, login, LoginState.empty(login));
                current = select(c, login, true);
            }
            LoginState before = current.orElseThrow(() -> new SQLException(
                    "the login state row of '" + login + "' could not be created and locked"));
            LoginState next = orEmpty(change.apply(before), login);
            write(c, login, next);
            return next;
        });
    }

    /**
     * Reads the row and writes the change only if the row still holds what was read (each statement commits on its
     * own); the state written, or empty when every attempt lost a race (the caller then locks the row).
     */
    private Optional<LoginState> compareAndSet(Connection c, String login, UnaryOperator<LoginState> change)
            throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<LoginState> current = select(c, login, false);
            LoginState next = orEmpty(change.apply(current.orElse(LoginState.empty(login))), login);
            if (current.isEmpty() ? create(c, login, next) : swap(c, login, current.get(), next)) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /**
     * One statement in auto-commit mode that writes {@code next} only if the row holds {@code expected}: for an
     * expected empty state, first the insert of a login that has no row (a first attempt), then the {@code UPDATE}
     * if it has one. Inside a caller's transaction the row is locked and compared instead.
     */
    @Override
    public boolean compareAndSetLoginState(String login, LoginState expected, LoginState next) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        if (db.inTransaction()) {
            return StateStore.super.compareAndSetLoginState(login, expected, next);
        }
        return db.autoCommitted("update the login state of '" + login + "'",
                c -> (isEmpty(expected) && create(c, login, next)) || swap(c, login, expected, next));
    }

    /** True for the state of a login without a row: what {@link #loginState} answers then. */
    private static boolean isEmpty(LoginState s) {
        return s.lastLogin().isEmpty() && s.failedLogins() == 0 && s.firstFailure().isEmpty()
                && s.lockedUntil().isEmpty();
    }

    private boolean swap(Connection c, String login, LoginState before, LoginState next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(swapSql)) {
            int i = bindState(ps, login, next);
            ps.setString(i++, Keys.of(login));
            Jdbc.bindInstant(ps, i++, before.lastLogin().orElse(null));
            ps.setInt(i++, before.failedLogins());
            Jdbc.bindInstant(ps, i++, before.firstFailure().orElse(null));
            Jdbc.bindInstant(ps, i, before.lockedUntil().orElse(null));
            return rowsChanged(ps) == 1;
        }
    }

    /**
     * Creates a login's state row holding {@code state} unless it has one; true if this insert made it, false if
     * the row was there or a concurrent insert of the same key won.
     */
    private boolean create(Connection c, String login, LoginState state) throws SQLException {
        try (PreparedStatement ps = createSql.prepare(c, createValues(login, state))) {
            return rowsChanged(ps) == 1;
        } catch (SQLException e) {
            // H2: a concurrent insert of the same key won; its row is there (or soon committed) to read
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            return false;
        }
    }

    private static Map<String, Object> createValues(String login, LoginState state) {
        Map<String, Object> values = new HashMap<>();
        values.put("login_key", Keys.of(login));
        values.put("login", state.login() == null ? login : state.login());
        values.put("last_login", instantOrNull(state.lastLogin()));
        values.put("failed_logins", state.failedLogins());
        values.put("first_failure", instantOrNull(state.firstFailure()));
        values.put("locked_until", instantOrNull(state.lockedUntil()));
        return values;
    }

    private static Object instantOrNull(Optional<Instant> t) {
        return t.isPresent() ? t.get() : Jdbc.NULL_TIMESTAMP;
    }

    private static LoginState orEmpty(LoginState next, String login) {
        return next == null ? LoginState.empty(login) : next;
    }

    /** The rows an update changed, also when the dialect's suffix makes it return a row per change. */
    private static int rowsChanged(PreparedStatement ps) throws SQLException {
        if (!ps.execute()) {
            return ps.getUpdateCount();
        }
        int n = 0;
        try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    /** One UPDATE of the row, which is there, in auto-commit mode: a login's success after its reserved attempt. */
    @Override
    public void replaceLoginState(String login, LoginState state) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(state, "state");
        db.autoCommitted("update the login state of '" + login + "'", c -> {
            write(c, login, state);
            return null;
        });
    }

    private void write(Connection c, String login, LoginState next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(updateSql)) {
            ps.setString(bindState(ps, login, next), Keys.of(login));
            ps.execute();
        }
    }

    /** Binds the five columns of a state row as the updates set them; the index of the next parameter. */
    private static int bindState(PreparedStatement ps, String login, LoginState next) throws SQLException {
        ps.setString(1, next.login() == null ? login : next.login());
        Jdbc.bindInstant(ps, 2, next.lastLogin().orElse(null));
        ps.setInt(3, next.failedLogins());
        Jdbc.bindInstant(ps, 4, next.firstFailure().orElse(null));
        Jdbc.bindInstant(ps, 5, next.lockedUntil().orElse(null));
        return 6;
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
