package dev.clientele.jdbc.internal.mapped;

import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Groups in Znuny's group table ({@code permission_groups}, or {@code groups} before Znuny 7): name, comments,
 * valid_id; the id is the database's ({@code serial}). Znuny's {@code UNIQUE (name)} is exact; names differing only
 * in case are refused here, as Clientele's keys are case-insensitive.
 */
public final class MappedGroupStore implements GroupStore {
    private final Database db;
    private final FieldMap map;
    private final String table;

    public MappedGroupStore(Database db, FieldMap map) {
        this.db = Objects.requireNonNull(db, "db");
        this.map = Objects.requireNonNull(map, "map");
        this.table = map.table(FieldMap.Table.GROUPS);
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
        return findAll(List.of(name)).values().stream().findFirst();
    }

    @Override
    public Map<String, Group> findAll(Collection<String> names) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(names.stream().filter(Objects::nonNull)
                .map(Keys::of).toList()));
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.read("find groups", c -> {
            Map<String, Group> out = new HashMap<>();
            for (int from = 0; from < keys.size(); from += CustomerRows.CHUNK) {
                List<String> chunk = Rows.chunk(keys, from, CustomerRows.CHUNK);
                for (Group g : query(c, " WHERE LOWER(name) IN (" + Rows.placeholders(chunk.size()) + ")", chunk)) {
                    out.put(Keys.of(g.name()), g);
                }
            }
            return out;
        });
    }

    @Override
    public List<Group> list() {
        return db.read("list groups", c -> query(c, " ORDER BY LOWER(name)", List.of()));
    }

    private List<Group> query(Connection c, String where, List<String> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, comments, valid_id FROM " + table + where)) {
            Rows.bindAll(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Group> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Group(rs.getString(1), rs.getString(2), Rows.validity(rs.getInt(3))));
                }
                return out;
            }
        }
    }

    /** The id of a group by name key, or null. */
    static Integer id(Connection c, FieldMap map, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + map.table(FieldMap.Table.GROUPS)
                + " WHERE LOWER(name) = ?")) {
            ps.setString(1, Keys.of(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    @Override
    public void insert(Group group) {
        Objects.requireNonNull(group, "group");
        db.checkWritable("create group '" + group.name() + "'");
        db.write("create group '" + group.name() + "'", c -> {
            if (id(c, map, group.name()) != null) {
                throw new DuplicateKeyException("group", "name", group.name());
            }
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (name, comments, valid_id,"
                    + " create_time, create_by, change_time, change_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, group.name());
                ps.setString(2, group.comment());
                ps.setInt(3, Rows.validId(group.validity()));
                Rows.bindTime(ps, 4, now);
                ps.setInt(5, map.userId());
                Rows.bindTime(ps, 6, now);
                ps.setInt(7, map.userId());
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new DuplicateKeyException("group", "name", group.name());
                }
                throw e;
            }
        });
    }

    @Override
    public void update(Group group) {
        Objects.requireNonNull(group, "group");
        db.checkWritable("change group '" + group.name() + "'");
        db.write("update group '" + group.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET name = ?, comments = ?,"
                    + " valid_id = ?, change_time = ?, change_by = ? WHERE LOWER(name) = ?")) {
                ps.setString(1, group.name());
                ps.setString(2, group.comment());
                ps.setInt(3, Rows.validId(group.validity()));
                Rows.bindTime(ps, 4, Instant.now());
                ps.setInt(5, map.userId());
                ps.setString(6, Keys.of(group.name()));
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("group", group.name());
                }
                return null;
            }
        });
    }
}
