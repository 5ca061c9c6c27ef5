package dev.clientele.jdbc.internal.mapped;

import dev.clientele.BackendRefusedException;
import dev.clientele.Membership;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Links in Znuny's permission tables: customers in {@code group_customer_user}, companies in {@code group_customer}
 * (context {@code Ticket::CustomerID::Same} or {@code Ticket::CustomerID::Other}). Znuny keeps one row per permission
 * key with value 1 (granted) or 0; Clientele's link is what the keys {@code rw} and {@code ro} say — {@code rw}
 * granted is RW (it implies every key), else {@code ro} granted is RO. Writing a link sets those two rows (RW: both
 * 1; RO: ro 1, rw 0) and leaves every other key ({@code move_into}, {@code create}, {@code note}, {@code owner},
 * {@code priority}) as it is; removing one removes the two rows. Erasing a subject removes all its rows.
 *
 * <p>Znuny has no context for a customer's own links: an other-customer-IDs link of a customer is refused
 * ({@link BackendRefusedException}).
 */
public final class MappedMembershipStore implements MembershipStore {
    static final String SAME = "Ticket::CustomerID::Same";
    static final String OTHER = "Ticket::CustomerID::Other";
    private static final String KEYS = "permission_key IN ('ro', 'rw')";

    private final String backend;
    private final Database db;
    private final FieldMap map;
    private final String customerLinks;
    private final String companyLinks;
    private final String groups;

    public MappedMembershipStore(String backend, Database db, FieldMap map) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.db = Objects.requireNonNull(db, "db");
        this.map = Objects.requireNonNull(map, "map");
        this.customerLinks = map.table(FieldMap.Table.CUSTOMER_LINKS);
        this.companyLinks = map.table(FieldMap.Table.COMPANY_LINKS);
        this.groups = map.table(FieldMap.Table.GROUPS);
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    /** Znuny keeps the other-customer-IDs context for companies only. */
    @Override
    public boolean keepsOtherContextOfCustomers() {
        return false;
    }

    private String select(Membership.Kind kind) {
        boolean customer = kind == Membership.Kind.CUSTOMER;
        return "SELECT l." + (customer ? "user_id" : "customer_id") + ", g.name, l.permission_key, "
                + (customer ? "'" + SAME + "'" : "l.permission_context") + " FROM "
                + (customer ? customerLinks : companyLinks) + " l JOIN " + groups + " g ON g.id = l.group_id WHERE l."
                + KEYS + " AND l.permission_value = 1";
    }

    @Override
    public List<Membership> linksOf(@Nullable String login, Collection<String> customerIds) {
        List<String> companies = new ArrayList<>(new LinkedHashSet<>(customerIds == null ? List.of()
                : customerIds.stream().filter(Objects::nonNull).map(Keys::of).toList()));
        return db.read("read the links of '" + login + "'", c -> {
            Map<String, Membership> out = new LinkedHashMap<>();
            if (login != null) {
                collect(c, select(Membership.Kind.CUSTOMER) + " AND l.user_id = ?",
                        List.of(subject(c, Membership.Kind.CUSTOMER, login)), Membership.Kind.CUSTOMER, out);
            }
            for (int from = 0; from < companies.size(); from += CustomerRows.CHUNK) {
                List<String> chunk = Rows.chunk(companies, from, CustomerRows.CHUNK);
                collect(c, select(Membership.Kind.COMPANY) + " AND LOWER(l.customer_id) IN ("
                        + Rows.placeholders(chunk.size()) + ")", chunk, Membership.Kind.COMPANY, out);
            }
            return List.copyOf(out.values());
        });
    }

    @Override
    public List<Membership> linksTo(String group) {
        if (group == null) {
            return List.of();
        }
        return db.read("read the links to group '" + group + "'", c -> {
            Map<String, Membership> out = new LinkedHashMap<>();
            for (Membership.Kind k : Membership.Kind.values()) {
                collect(c, select(k) + " AND LOWER(g.name) = ?", List.of(Keys.of(group)), k, out);
            }
            return List.copyOf(out.values());
        });
    }

    /** Folds the granted ro/rw rows into links: one per subject, group and context, RW where rw is granted. */
    private static void collect(Connection c, String sql, List<String> params, Membership.Kind kind,
            Map<String, Membership> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY 1, 2")) {
            Rows.bindAll(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PermissionContext context = OTHER.equals(rs.getString(4)) ? PermissionContext.OTHER_CUSTOMER_IDS
                            : PermissionContext.OWN;
                    Permission p = "rw".equalsIgnoreCase(rs.getString(3)) ? Permission.RW : Permission.RO;
                    String id = kind + "\u0000" + Keys.of(rs.getString(1)) + "\u0000" + Keys.of(rs.getString(2))
                            + "\u0000" + context;
                    Membership before = out.get(id);
                    if (before == null || p == Permission.RW) {
                        out.put(id, new Membership(kind, rs.getString(1), rs.getString(2), p, context));
                    }
                }
            }
        }
    }

    @Override
    public void put(Membership m) {
        Objects.requireNonNull(m, "membership");
        db.checkWritable("link " + describe(m));
        if (m.kind() == Membership.Kind.CUSTOMER && m.context() != PermissionContext.OWN) {
            throw new BackendRefusedException(backend, "Znuny keeps the other-customer-IDs context for company links"
                    + " only (group_customer), not for customer " + m.subject());
        }
        db.write("link " + describe(m), c -> {
            int group = groupId(c, m.group());
            String subject = subject(c, m.kind(), m.subject());
            Instant now = Instant.now();
            setKey(c, m, subject, group, "ro", 1, now);
            setKey(c, m, subject, group, "rw", m.permission() == Permission.RW ? 1 : 0, now);
            return null;
        });
    }

    private void setKey(Connection c, Membership m, String subject, int group, String key, int value, Instant now)
            throws SQLException {
        boolean customer = m.kind() == Membership.Kind.CUSTOMER;
        String table = customer ? customerLinks : companyLinks;
        String who = customer ? "user_id" : "customer_id";
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET permission_value = ?,"
                + " change_time = ?, change_by = ? WHERE " + who + " = ? AND group_id = ? AND permission_key = ?"
                + (customer ? "" : " AND permission_context = ?"))) {
            ps.setInt(1, value);
            Rows.bindTime(ps, 2, now);
            ps.setInt(3, map.userId());
            ps.setString(4, subject);
            ps.setInt(5, group);
            ps.setString(6, key);
            if (!customer) {
                ps.setString(7, context(m.context()));
            }
            if (ps.executeUpdate() > 0 || value == 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + who + ", group_id,"
                + " permission_key, permission_value, " + (customer ? "" : "permission_context, ")
                + "create_time, create_by, change_time, change_by) VALUES (" + Rows.placeholders(customer ? 8 : 9)
                + ")")) {
            int i = 1;
            ps.setString(i++, subject);
            ps.setInt(i++, group);
            ps.setString(i++, key);
            ps.setInt(i++, value);
            if (!customer) {
                ps.setString(i++, context(m.context()));
            }
            Rows.bindTime(ps, i++, now);
            ps.setInt(i++, map.userId());
            Rows.bindTime(ps, i++, now);
            ps.setInt(i, map.userId());
            ps.executeUpdate();
        }
    }

    @Override
    public boolean remove(Membership m) {
        Objects.requireNonNull(m, "membership");
        db.checkWritable("unlink " + describe(m));
        if (m.kind() == Membership.Kind.CUSTOMER && m.context() != PermissionContext.OWN) {
            return false;
        }
        return db.write("unlink " + describe(m), c -> {
            boolean customer = m.kind() == Membership.Kind.CUSTOMER;
            String where = " WHERE " + (customer ? "user_id" : "customer_id") + " = ? AND group_id IN (SELECT id FROM "
                    + groups + " WHERE LOWER(name) = ?) AND " + KEYS + (customer ? "" : " AND permission_context = ?");
            String table = customer ? customerLinks : companyLinks;
            String subject = subject(c, m.kind(), m.subject());
            boolean granted;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + where
                    + " AND permission_value = 1")) {
                bindWhere(ps, subject, m);
                try (ResultSet rs = ps.executeQuery()) {
                    granted = rs.next();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + where)) {
                bindWhere(ps, subject, m);
                ps.executeUpdate();
            }
            return granted;
        });
    }

    private static void bindWhere(PreparedStatement ps, String subject, Membership m) throws SQLException {
        ps.setString(1, subject);
        ps.setString(2, Keys.of(m.group()));
        if (m.kind() == Membership.Kind.COMPANY) {
            ps.setString(3, context(m.context()));
        }
    }

    @Override
    public int removeAll(Membership.Kind kind, String subject) {
        Objects.requireNonNull(kind, "kind");
        String what = "remove every link of " + kind.name().toLowerCase(Locale.ROOT) + " '" + subject + "'";
        db.checkWritable(what);
        if (subject == null) {
            return 0;
        }
        int links = kind == Membership.Kind.CUSTOMER ? linksOf(subject, List.of()).size()
                : linksOf(null, List.of(subject)).size();
        db.write(what, c -> {
            boolean customer = kind == Membership.Kind.CUSTOMER;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + (customer ? customerLinks : companyLinks)
                    + (customer ? " WHERE user_id = ?" : " WHERE LOWER(customer_id) = ?"))) {
                ps.setString(1, customer ? subject(c, kind, subject) : Keys.of(subject));
                return ps.executeUpdate();
            }
        });
        return links;
    }

    private int groupId(Connection c, String name) throws SQLException {
        Integer id = MappedGroupStore.id(c, map, name);
        if (id == null) {
            throw new NotFoundException("group", name);
        }
        return id;
    }

    /** The subject as Znuny keeps it: the stored login or customer ID, or the given one if there is none. */
    private String subject(Connection c, Membership.Kind kind, String given) throws SQLException {
        boolean customer = kind == Membership.Kind.CUSTOMER;
        String column = customer ? map.loginColumn() : "customer_id";
        boolean exact = customer && map.caseSensitiveLogin();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM "
                + map.table(customer ? FieldMap.Table.CUSTOMERS : FieldMap.Table.COMPANIES) + " WHERE "
                + Rows.match(column, exact))) {
            ps.setString(1, Rows.key(given, exact));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : given.strip();
            }
        }
    }

    static String context(PermissionContext context) {
        return context == PermissionContext.OTHER_CUSTOMER_IDS ? OTHER : SAME;
    }

    private static String describe(Membership m) {
        return m.kind().name().toLowerCase(Locale.ROOT) + " '" + m.subject() + "' to group '" + m.group() + "'";
    }
}
