package dev.clientele.jdbc.internal.mapped;

import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.CredentialStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Password hashes in the customer table's password column ({@code pw}), as core hands them: Znuny's own formats
 * stay readable there for Znuny as long as core writes one of them (the re-hash policy of core decides which; this
 * store never changes a hash). Setting or removing a hash leaves {@code change_time} alone (it is the customer's
 * version, see {@link CustomerRows}), as Znuny's own password change does.
 */
public final class MappedCredentialStore implements CredentialStore {
    private final Database db;
    private final FieldMap map;
    private final String table;
    private final String column;

    public MappedCredentialStore(Database db, FieldMap map) {
        this.db = Objects.requireNonNull(db, "db");
        this.map = Objects.requireNonNull(map, "map");
        this.table = map.table(FieldMap.Table.CUSTOMERS);
        this.column = Objects.requireNonNull(map.passwordColumn(), "passwordColumn");
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    private String where() {
        return " WHERE " + Rows.match(map.loginColumn(), map.caseSensitiveLogin());
    }

    @Override
    public Optional<String> passwordHash(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return db.read("read the password of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + where())) {
                ps.setString(1, Rows.key(login, map.caseSensitiveLogin()));
                try (ResultSet rs = ps.executeQuery()) {
                    String hash = rs.next() ? rs.getString(1) : null;
                    return hash == null || hash.isBlank() ? Optional.<String>empty() : Optional.of(hash.strip());
                }
            }
        });
    }

    /** Sets the hash of a customer of this table; a login it does not have is left alone (nothing to hold it). */
    @Override
    public void setPasswordHash(String login, String hash) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(hash, "hash");
        db.checkWritable("set the password of '" + login + "'");
        write("set the password of '" + login + "'", login, hash);
    }

    @Override
    public boolean deletePasswordHash(String login) {
        db.checkWritable("remove the password of '" + login + "'");
        if (login == null || passwordHash(login).isEmpty()) {
            return false;
        }
        return write("remove the password of '" + login + "'", login, null) > 0;
    }

    private int write(String what, String login, String hash) {
        return db.write(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + column + " = ?" + where())) {
                ps.setString(1, hash);
                ps.setString(2, Rows.key(login, map.caseSensitiveLogin()));
                return ps.executeUpdate();
            }
        });
    }
}
