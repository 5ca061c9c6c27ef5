package dev.clientele.jdbc;

import dev.clientele.Permission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Znuny's {@code CustomerGroup::GroupMemberList} answers for a customer (CustomerGroupSupport on), computed
 * straight from the tables with Znuny's rules, independently of Clientele: for a permission type, the valid groups
 * with a granted row of that key or of {@code rw} — the customer's own ({@code group_customer_user}) and those of
 * its customer IDs ({@code customer_id} and {@code customer_user_customer}) in the {@code Ticket::CustomerID::Same}
 * context ({@code group_customer}), of valid companies only — plus the always-groups. An invalid customer has none.
 */
final class ZnunyGroupOracle {
    private ZnunyGroupOracle() {
    }

    /** The groups of a stored login with RW where the rw type is granted, else RO. */
    static Map<String, Permission> groupsOf(Connection c, String login, Set<String> alwaysRw) throws SQLException {
        Map<String, Permission> out = new TreeMap<>();
        if (!valid(c, "SELECT valid_id FROM customer_user WHERE login = ?", login)) {
            return out;
        }
        for (String type : new String[] {"ro", "rw"}) {
            Permission p = type.equals("rw") ? Permission.RW : Permission.RO;
            for (String g : memberList(c, login, type)) {
                out.merge(g, p, (a, b) -> a == Permission.RW || b == Permission.RW ? Permission.RW : Permission.RO);
            }
        }
        for (String g : alwaysRw) {
            out.put(g, Permission.RW);
        }
        return out;
    }

    private static List<String> memberList(Connection c, String login, String type) throws SQLException {
        List<String> out = new ArrayList<>();
        String own = "SELECT g.name FROM group_customer_user l JOIN permission_groups g ON g.id = l.group_id"
                + " WHERE l.user_id = ? AND l.permission_value = 1 AND l.permission_key IN (?, 'rw') AND g.valid_id = 1";
        String companies = "SELECT g.name FROM group_customer l JOIN permission_groups g ON g.id = l.group_id"
                + " JOIN customer_company co ON co.customer_id = l.customer_id"
                + " WHERE l.permission_value = 1 AND l.permission_key IN (?, 'rw') AND g.valid_id = 1"
                + " AND co.valid_id = 1 AND l.permission_context = 'Ticket::CustomerID::Same'"
                + " AND l.customer_id IN (SELECT customer_id FROM customer_user WHERE login = ?"
                + " UNION SELECT customer_id FROM customer_user_customer WHERE user_id = ?)";
        try (PreparedStatement ps = c.prepareStatement(own)) {
            ps.setString(1, login);
            ps.setString(2, type);
            read(ps, out);
        }
        try (PreparedStatement ps = c.prepareStatement(companies)) {
            ps.setString(1, type);
            ps.setString(2, login);
            ps.setString(3, login);
            read(ps, out);
        }
        return out;
    }

    private static void read(PreparedStatement ps, List<String> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
    }

    private static boolean valid(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
