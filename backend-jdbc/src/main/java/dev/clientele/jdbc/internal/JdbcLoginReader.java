package dev.clientele.jdbc.internal;

import dev.clientele.Customer;
import dev.clientele.spi.Keys;
import dev.clientele.spi.LoginReader;
import dev.clientele.spi.LoginState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login attempt reads before the password is verified, in one statement: a {@code VALUES} list of the two
 * login keys asked for, the first joined to its customer row and its credentials row, both to their login-state
 * rows — each a seek on a primary key. Two rows come back, told apart by the list's tag; the stores' own calls are
 * three statements (and the decoy's state a fourth).
 */
public final class JdbcLoginReader implements LoginReader {
    private final Database db;
    private final CustomerColumns columns;
    private final String sql;

    public JdbcLoginReader(Database db, JdbcCredentialStore credentials, JdbcStateStore states) {
        this.db = Objects.requireNonNull(db, "db");
        this.columns = new CustomerColumns(db.mapping());
        Mapping m = db.mapping();
        this.sql = "SELECT " + columns.selectColumns("c") + ", k.t, cr.password_hash, "
                + JdbcStateStore.selectColumns("s")
                + " FROM (VALUES ('L', CAST(? AS VARCHAR(400))), ('O', CAST(? AS VARCHAR(400)))) k(t, login_key)"
                + " LEFT JOIN " + m.customers() + " c ON k.t = 'L' AND c." + m.loginKey() + " = k.login_key"
                + " LEFT JOIN " + credentials.table() + " cr ON k.t = 'L' AND cr.login_key = k.login_key"
                + " LEFT JOIN " + states.table() + " s ON s.login_key = k.login_key";
    }

    /** The statement and its parameters (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> query(String login, String other) {
        return Map.entry(sql, List.of(Keys.of(login), Keys.of(other)));
    }

    @Override
    public LoginRead read(String login, String other) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(other, "other");
        Map.Entry<String, List<Object>> q = query(login, other);
        return db.read("read the login of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
                ps.setString(1, (String) q.getValue().get(0));
                ps.setString(2, (String) q.getValue().get(1));
                Optional<Customer> customer = Optional.empty();
                Optional<String> hash = Optional.empty();
                Optional<LoginState> state = Optional.empty();
                Optional<LoginState> otherState = Optional.empty();
                int tag = columns.readCount() + 1;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // a state row is there when its login is (a stored row always has one)
                        Optional<LoginState> s = rs.getString(tag + 2) == null ? Optional.empty()
                                : Optional.of(JdbcStateStore.read(rs, tag + 2));
                        if ("O".equals(rs.getString(tag))) {
                            otherState = s;
                            continue;
                        }
                        state = s;
                        customer = rs.getString(CustomerColumns.LOGIN_COLUMN) == null ? Optional.empty()
                                : Optional.of(CustomerColumns.read(rs));
                        hash = Optional.ofNullable(rs.getString(tag + 1));
                    }
                }
                return new LoginRead(customer, hash, state, otherState);
            }
        });
    }
}
