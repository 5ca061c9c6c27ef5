package dev.clientele.jdbc.internal;

import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.Validity;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links of customers and companies to groups, one row each, keyed by (kind, subject key, group key, context). The
 * primary key serves the lookups by subject ({@link #linksOf} in one query), an index on the group key serves
 * {@link #linksTo}. Results are ordered by the key, so they are stable.
 */
public final class JdbcMembershipStore implements MembershipStore {
    private static final String COLUMNS = "kind, subject, group_name, permission, context";
    private static final String ORDER = " ORDER BY kind, subject_key, group_key, context";
    private static final String LINK_ORDER = " ORDER BY l.kind, l.subject_key, l.group_key, l.context";

    private final Database db;
    private final String table;

    public JdbcMembershipStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = db.mapping().table("links");
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    @Override
    public List<Membership> linksOf(String login, Collection<String> customerIds) {
        Map.Entry<String, List<Object>> q = linksOfQuery(login, customerIds);
        if (q == null) {
            return List.of();
        }
        return query("read the links of '" + login + "'", q.getKey(), q.getValue());
    }

    /**
     * The SQL and parameters of {@link #linksOf}: one statement, or {@code null} when there is nothing to ask (public
     * for the EXPLAIN tests). The subjects — the customer, then its companies — are rows of a {@code VALUES} list
     * joined to the links on the primary key's first two columns, so each is a seek on the key. Not an {@code OR} of
     * the subjects (H2 cannot use the key for an OR of two ranges and walks the whole table) and not a
     * {@code UNION ALL} of one query per kind of subject: H2 parses and plans a union again on every execution (it
     * keeps only plain selects in its statement cache), which cost more than the seeks themselves.
     */
    public Map.Entry<String, List<Object>> linksOfQuery(String login, Collection<String> customerIds) {
        Subjects subjects = Subjects.of(login, customerIds, List.of(), false);
        if (subjects.rows.isEmpty()) {
            return null;
        }
        return Map.entry("SELECT l.kind, l.subject, l.group_name, l.permission, l.context, l.subject_key, l.group_key"
                + " FROM " + subjects.values + " JOIN " + table + " l ON l.kind = s.kind AND l.subject_key = s.k"
                + LINK_ORDER, subjects.params);
    }

    /**
     * The SQL and parameters of {@link #linksAndGroupsOf} on the groups table {@code groupsTable}: the statement of
     * {@link #linksOfQuery} with each link's group row joined to it by its primary key, a row for each group of
     * {@code alsoGroups} (a seek on the groups' primary key) and, given this database's company store, a row for each
     * company of the customer IDs (a seek on the companies' primary key) — one statement, or {@code null} when there
     * is nothing to ask (public for the EXPLAIN tests). Every row of the {@code VALUES} list gives at least one result
     * row (outer joins), found or not; the last column says what it asked: {@code L} links (with their groups, if
     * stored), {@code G} an also-group, {@code C} a company (key and validity in the group's columns).
     */
    public Map.Entry<String, List<Object>> linksAndGroupsQuery(String login, Collection<String> customerIds,
            Collection<String> alsoGroups, String groupsTable, @Nullable JdbcCompanyStore companies) {
        Subjects subjects = Subjects.of(login, customerIds, alsoGroups, companies != null);
        if (subjects.rows.isEmpty()) {
            return null;
        }
        LinkJoins j = linkJoins("s.k", subjects.rows.contains("G"), groupsTable,
                subjects.rows.contains("C") ? companies : null, "s.k");
        return Map.entry("SELECT " + j.columns() + " FROM " + subjects.values + j.joins() + LINK_ORDER,
                subjects.params);
    }

    /**
     * What {@link #linksAndGroupsQuery} and {@link #customerAndLinksQuery} share: the columns of a links-and-groups
     * row ({@link LinkRows} reads them) — the link, its group's or the also-group's name, comments and validity (a
     * company's key and validity in a {@code C} row), the row's tag — and the outer joins that read them for the rows
     * of a {@code VALUES} list {@code s(t, kind, k)}: a link by the first two columns of the links' primary key, the
     * group by the groups' primary key, the company by the companies' own.
     *
     * @param subjectKey what a link row's subject key is (the list's key, or a column of the customer's row)
     * @param alsoGroups whether the list has {@code G} rows (their key is the group's)
     * @param companies  the company store, if the list has {@code C} rows
     * @param companyKey what a company row's key is
     */
    private LinkJoins linkJoins(String subjectKey, boolean alsoGroups, String groupsTable,
            @Nullable JdbcCompanyStore companies, String companyKey) {
        String name = companies != null ? "COALESCE(g.name, " + companies.column("co", "customer_id_key") + ")"
                : "g.name";
        String validity = companies != null ? "COALESCE(g.validity, " + companies.column("co", "validity") + ")"
                : "g.validity";
        String groupKey = alsoGroups ? "CASE WHEN s.t = 'G' THEN s.k ELSE l.group_key END" : "l.group_key";
        return new LinkJoins("l.kind, l.subject, l.group_name, l.permission, l.context, l.subject_key, l.group_key, "
                + name + ", g.comments, " + validity + ", s.t",
                " LEFT JOIN " + table + " l ON s.t = 'L' AND l.kind = s.kind AND l.subject_key = " + subjectKey
                        + " LEFT JOIN " + groupsTable + " g ON g.name_key = " + groupKey
                        + (companies != null ? companies.leftJoinOnKey("co", "s.t = 'C' AND ", companyKey) : ""));
    }

    /** The select list and the joins of {@link #linkJoins}. */
    private record LinkJoins(String columns, String joins) {
    }

    /**
     * The rows of a {@code VALUES} list {@code s(t, kind, k)} — what is asked ({@code L}, {@code G}, {@code C}), the
     * kind of subject of links, the key — as SQL with one parameter per key.
     */
    private record Subjects(String values, List<String> rows, List<Object> params) {
        static Subjects of(@Nullable String login, @Nullable Collection<String> customerIds,
                Collection<String> alsoGroups, boolean companies) {
            Set<String> ids = new LinkedHashSet<>();
            if (customerIds != null) {
                for (String id : customerIds) {
                    if (id != null) {
                        ids.add(Keys.of(id));
                    }
                }
            }
            List<String> rows = new ArrayList<>();
            List<String> sql = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (login != null) {
                rows.add("L");
                sql.add("('L', '" + Membership.Kind.CUSTOMER.name() + "', ?)");
                params.add(Keys.of(login));
            }
            for (String id : ids) {
                rows.add("L");
                sql.add("('L', '" + Membership.Kind.COMPANY.name() + "', ?)");
                params.add(id);
            }
            for (String g : alsoGroups.stream().filter(Objects::nonNull).map(Keys::of).distinct().toList()) {
                rows.add("G");
                sql.add("('G', NULL, ?)");
                params.add(g);
            }
            if (companies) {
                for (String id : ids) {
                    rows.add("C");
                    sql.add("('C', NULL, ?)");
                    params.add(id);
                }
            }
            return new Subjects("(VALUES " + String.join(", ", sql) + ") s(t, kind, k)", List.copyOf(rows),
                    List.copyOf(params));
        }
    }

    /**
     * One statement for the links, their groups and the companies when the group store (and the company store, if
     * any) is this database's own table (a join on its primary key); else the default, one read of each.
     */
    @Override
    public LinksAndGroups linksAndGroupsOf(String login, Collection<String> customerIds,
            Collection<String> alsoGroups, GroupStore groups, @Nullable CompanyStore companies) {
        if (!(groups instanceof JdbcGroupStore own) || !own.isIn(db)
                || companies != null && !(companies instanceof JdbcCompanyStore ownCompanies && ownCompanies.isIn(db))) {
            return MembershipStore.super.linksAndGroupsOf(login, customerIds, alsoGroups, groups, companies);
        }
        JdbcCompanyStore jdbcCompanies = (JdbcCompanyStore) companies;
        Map.Entry<String, List<Object>> q = linksAndGroupsQuery(login, customerIds, alsoGroups, own.table(),
                jdbcCompanies);
        if (q == null) {
            return new LinksAndGroups(List.of(), Map.of(), companies == null ? null : Map.of());
        }
        return db.read("read the links and groups of '" + login + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
                List<Object> params = q.getValue();
                for (int i = 0; i < params.size(); i++) {
                    Jdbc.bind(ps, i + 1, params.get(i));
                }
                LinkRows rows = new LinkRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs);
                    }
                }
                return rows.result(companies != null);
            }
        });
    }

    /**
     * The statement of {@link JdbcAccessReader}: the customer's row, by its primary key, joined to the rows of
     * {@link #linksAndGroupsQuery} — whose keys are that row's own login key and customer ID key — with the columns
     * of {@code customers} first (public for the EXPLAIN tests).
     */
    public Map.Entry<String, List<Object>> customerAndLinksQuery(String login, Collection<String> alsoGroups,
            String customerColumns, String groupsTable, JdbcCompanyStore companies) {
        Mapping m = db.mapping();
        // typed once: H2 refuses a VALUES column of NULLs only (no also-groups)
        List<String> sql = new ArrayList<>(List.of("('L', '" + Membership.Kind.CUSTOMER.name()
                + "', CAST(NULL AS VARCHAR(400)))",
                "('L', '" + Membership.Kind.COMPANY.name() + "', NULL)", "('C', NULL, NULL)"));
        List<Object> params = new ArrayList<>();
        for (String g : alsoGroups.stream().filter(Objects::nonNull).map(Keys::of).distinct().toList()) {
            sql.add("('G', NULL, ?)");
            params.add(g);
        }
        params.add(Keys.of(login));
        String subject = "CASE WHEN s.kind = '" + Membership.Kind.CUSTOMER.name() + "' THEN c." + m.loginKey()
                + " ELSE c." + m.customerIdKey() + " END";
        LinkJoins j = linkJoins(subject, true, groupsTable, companies, "c." + m.customerIdKey());
        return Map.entry("SELECT " + customerColumns + ", " + j.columns() + " FROM " + m.customers()
                + " c CROSS JOIN (VALUES " + String.join(", ", sql) + ") s(t, kind, k)" + j.joins()
                + " WHERE c." + m.loginKey() + " = ?" + LINK_ORDER, params);
    }

    /**
     * The rows of a {@link #linksAndGroupsQuery} (or {@link #customerAndLinksQuery}), whose columns start at
     * {@code first}: each a link (with its group, if stored), an also-group, or a company, as the last column says.
     */
    static final class LinkRows {
        private final int first;
        private final List<Membership> links = new ArrayList<>();
        private final Map<String, Group> groups = new HashMap<>();
        private final Map<String, Boolean> companies = new HashMap<>();

        LinkRows(int first) {
            this.first = first;
        }

        void add(ResultSet rs) throws SQLException {
            int f = first;
            if ("C".equals(rs.getString(f + 10))) {
                String key = rs.getString(f + 7);
                if (key != null) {
                    companies.put(key, Jdbc.validity(rs.getString(f + 9)).isValid());
                }
                return;
            }
            if (rs.getString(f) != null) {
                links.add(read(rs, f));
            }
            if (rs.getString(f + 7) != null) {
                Group g = JdbcGroupStore.read(rs, f + 7);
                groups.put(Keys.of(g.name()), g);
            }
        }

        LinksAndGroups result(boolean withCompanies) {
            return new LinksAndGroups(links, groups, withCompanies ? companies : null);
        }
    }

    @Override
    public List<Membership> linksTo(String group) {
        if (group == null) {
            return List.of();
        }
        return query("read the links to group '" + group + "'", "SELECT " + COLUMNS + " FROM " + table
                + " WHERE group_key = ?" + ORDER, List.of(Keys.of(group)));
    }

    private List<Membership> query(String what, String sql, List<Object> params) {
        return db.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    Jdbc.bind(ps, i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<Membership> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                    return Collections.unmodifiableList(out);
                }
            }
        });
    }

    private static Membership read(ResultSet rs) throws SQLException {
        return read(rs, 1);
    }

    /** The link in the columns kind, subject, group name, permission, context from {@code first} on. */
    private static Membership read(ResultSet rs, int first) throws SQLException {
        return new Membership(Membership.Kind.valueOf(rs.getString(first)), rs.getString(first + 1),
                rs.getString(first + 2), Permission.valueOf(rs.getString(first + 3)),
                PermissionContext.valueOf(rs.getString(first + 4)));
    }

    @Override
    public void put(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        db.checkWritable("link " + describe(membership));
        NamedSql upsert = db.statement("upsert-link");
        Map<String, Object> values = Map.of(
                "kind", membership.kind().name(),
                "subject", membership.subject(),
                "subject_key", Keys.of(membership.subject()),
                "group_name", membership.group(),
                "group_key", Keys.of(membership.group()),
                "context", membership.context().name(),
                "permission", membership.permission().name());
        db.write("link " + describe(membership), c -> {
            try (PreparedStatement ps = upsert.prepare(c, values)) {
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        db.checkWritable("unlink " + describe(membership));
        return db.write("unlink " + describe(membership), c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                    + " WHERE kind = ? AND subject_key = ? AND group_key = ? AND context = ?")) {
                ps.setString(1, membership.kind().name());
                ps.setString(2, Keys.of(membership.subject()));
                ps.setString(3, Keys.of(membership.group()));
                ps.setString(4, membership.context().name());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int removeAll(Membership.Kind kind, String subject) {
        Objects.requireNonNull(kind, "kind");
        String what = "remove every link of " + kind.name().toLowerCase(Locale.ROOT) + " '" + subject + "'";
        db.checkWritable(what);
        if (subject == null) {
            return 0;
        }
        return db.write(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                    + " WHERE kind = ? AND subject_key = ?")) {
                ps.setString(1, kind.name());
                ps.setString(2, Keys.of(subject));
                return ps.executeUpdate();
            }
        });
    }

    private static String describe(Membership m) {
        return m.kind().name().toLowerCase(Locale.ROOT) + " '" + m.subject() + "' to group '" + m.group() + "'";
    }
}
