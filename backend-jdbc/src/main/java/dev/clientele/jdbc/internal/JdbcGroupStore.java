package dev.clientele.jdbc.internal;

import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.Validity;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Groups by name key (the primary key). */
public final class JdbcGroupStore implements GroupStore {
    private final Database db;
    private final String table;

    public JdbcGroupStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = db.mapping().table("groups");
    }

    /** True if this store's groups are in this database (so a join with its table sees them). */
    boolean isIn(Database database) {
        return db == database;
    }

    /** The groups table. */
    String table() {
        return table;
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    @Override
    public Optional<Group> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return db.read("find group '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, comments, validity FROM " + table
                    + " WHERE name_key = ?")) {
                ps.setString(1, Keys.of(name));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Group>empty();
                }
            }
        });
    }

    /** One statement for all of them: {@code WHERE name_key IN (...)}. */
    @Override
    public Map<String, Group> findAll(Collection<String> names) {
        List<String> keys = names.stream().filter(Objects::nonNull).map(Keys::of).distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.read("find groups " + keys, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, comments, validity FROM " + table
                    + " WHERE name_key IN (" + JdbcCustomerStore.placeholders(keys.size()) + ")")) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 1, keys.get(i));
                }
                Map<String, Group> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Group g = read(rs);
                        out.put(Keys.of(g.name()), g);
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Group> list() {
        return db.read("list groups", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, comments, validity FROM " + table
                    + " ORDER BY name_key"); ResultSet rs = ps.executeQuery()) {
                List<Group> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return Collections.unmodifiableList(out);
            }
        });
    }

    @Override
    public void insert(Group group) {
        Objects.requireNonNull(group, "group");
        db.checkWritable("create group '" + group.name() + "'");
        db.write("create group '" + group.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (name_key, name, comments, validity) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, Keys.of(group.name()));
                ps.setString(2, group.name());
                ps.setString(3, group.comment());
                ps.setString(4, group.validity().name());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new DuplicateKeyException("group", "name", group.name());
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void update(Group group) {
        Objects.requireNonNull(group, "group");
        db.checkWritable("update group '" + group.name() + "'");
        db.write("update group '" + group.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET name = ?, comments = ?, validity = ? WHERE name_key = ?")) {
                ps.setString(1, group.name());
                ps.setString(2, group.comment());
                ps.setString(3, group.validity().name());
                ps.setString(4, Keys.of(group.name()));
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("group", group.name());
                }
            }
            return null;
        });
    }

    private static Group read(ResultSet rs) throws SQLException {
        return read(rs, 1);
    }

    /** The group in the columns name, comments, validity from {@code first} on. */
    static Group read(ResultSet rs, int first) throws SQLException {
        return new Group(rs.getString(first), rs.getString(first + 1), Jdbc.validity(rs.getString(first + 2)));
    }
}
