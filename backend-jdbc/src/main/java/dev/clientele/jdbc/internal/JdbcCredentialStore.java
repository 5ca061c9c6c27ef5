package dev.clientele.jdbc.internal;

import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.Keys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Password hashes (PHC strings made by core) by login key, one row each. Never sees a password. */
public final class JdbcCredentialStore implements CredentialStore {
    private final Database db;
    private final String table;
    private final String hashSql;

    public JdbcCredentialStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = db.mapping().table("credentials");
        this.hashSql = "SELECT password_hash FROM " + table + " WHERE login_key = ?";
    }

    /** The statement that reads a login's hash, and its parameter (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> hashQuery(String login) {
        return Map.entry(hashSql, List.of(Keys.of(login)));
    }

    String table() {
        return table;
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    @Override
    public Optional<String> passwordHash(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return db.read("read the password of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(hashSql)) {
                ps.setString(1, Keys.of(login));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void setPasswordHash(String login, String hash) {
        db.checkWritable("set the password of '" + login + "'");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(hash, "hash");
        NamedSql upsert = db.statement("upsert-credential");
        db.write("set the password of '" + login + "'", c -> {
            try (PreparedStatement ps = upsert.prepare(c, Map.of("login_key", Keys.of(login), "password_hash", hash))) {
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean deletePasswordHash(String login) {
        db.checkWritable("delete the password of '" + login + "'");
        if (login == null) {
            return false;
        }
        return db.write("delete the password of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE login_key = ?")) {
                ps.setString(1, Keys.of(login));
                return ps.executeUpdate() > 0;
            }
        });
    }
}
