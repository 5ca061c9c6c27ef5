package dev.clientele.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Test data written straight into the Znuny tables, as Znuny itself would have left them: {@value #CUSTOMERS}
 * customers with mixed-case logins, every validity, every password hash type core reads today, preferences
 * (Znuny's own UserLastLogin/UserLoginFailed too), additional customer IDs, groups and companies (some invalid),
 * customer links with keys Clientele does not model, company links in both contexts. Customer {@code n}:
 * <ul>
 *   <li>login {@code user%04d}, {@code User%04d} or {@code USER%04d} (n % 3), email {@code login@znuny.example};
 *       customer ID {@code comp<n % 100>}; valid_id 2 when n % 17 == 0, 3 when n % 19 == 0 (and not 17), else 1;</li>
 *   <li>password {@value #PASSWORD} as {@link #HASH_TYPES}[n % 7] (the last: no password);</li>
 *   <li>additional customer IDs {@code comp<(n+1) % 100>}, {@code comp<(n+2) % 100>} when n % 4 == 0;</li>
 *   <li>a link to {@code g<n % 20>}: rw when n % 3 == 0, ro (with move_into, create) when 1, only note and owner
 *       when 2; and rw to the invalid group {@code gx} when n % 11 == 0.</li>
 * </ul>
 * Company {@code comp<j>}: invalid when j % 10 == 9, invalid-temporarily when 8; linked ro to {@code g<(j+5) % 20>}
 * (Same), rw to {@code g<(j+6) % 20>} when j % 7 == 0, and in the Other context to {@code g<(j+7) % 20>} when
 * j % 13 == 0.
 */
public final class ZnunyFixture {
    public static final int CUSTOMERS = 3000;
    public static final int COMPANIES = 100;
    static final int GROUPS = 20;
    public static final String PASSWORD = "Secret-Pass1";
    public static final String[] HASH_TYPES = {"sha256", "sha1", "SHA512", "md5", "md5-crypt", "apr1", "none"};
    /** {@value #PASSWORD} in MD5-crypt and apr1, made with {@code openssl passwd -1 / -apr1} (the published scheme). */
    static final String MD5_CRYPT = "$1$8Gd2kP1q$d06rIdHp1jaqLab1PnZy30";
    static final String APR1 = "$apr1$Zq3rT9xw$ESkJIBVS3a7/eU/tZnAIe1";
    public static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 8, 0, 0);

    private ZnunyFixture() {
    }

    public static String login(int n) {
        String digits = String.format(Locale.ROOT, "%04d", n);
        return switch (n % 3) {
            case 0 -> "user" + digits;
            case 1 -> "User" + digits;
            default -> "USER" + digits;
        };
    }

    public static int validId(int n) {
        return n % 17 == 0 ? 2 : n % 19 == 0 ? 3 : 1;
    }

    static int companyValidId(int j) {
        return j % 10 == 9 ? 2 : j % 10 == 8 ? 3 : 1;
    }

    public static String hash(int n) {
        String type = HASH_TYPES[n % HASH_TYPES.length];
        return switch (type) {
            case "sha256" -> hex("SHA-256");
            case "sha1" -> hex("SHA-1");
            case "SHA512" -> hex("SHA-512").toUpperCase(Locale.ROOT);
            case "md5" -> hex("MD5");
            case "md5-crypt" -> MD5_CRYPT;
            case "apr1" -> APR1;
            default -> null;
        };
    }

    private static String hex(String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void load(ZnunyDatabase db) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            groups(c);
            companies(c);
            customers(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("loading the Znuny fixture: " + e.getMessage(), e);
        }
    }

    private static void groups(Connection c) throws SQLException {
        // one at a time, in this order, so that the serial ids are those of groupId
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO permission_groups (name, comments, valid_id,"
                + " create_time, create_by, change_time, change_by) VALUES (?, ?, ?, ?, 1, ?, 1)")) {
            group(ps, "users", 1);
            for (int g = 0; g < GROUPS; g++) {
                group(ps, "g" + g, 1);
            }
            group(ps, "gx", 2);
            group(ps, "gy", 3);
        }
    }

    private static void group(PreparedStatement ps, String name, int valid) throws SQLException {
        ps.setString(1, name);
        ps.setString(2, "group " + name);
        ps.setInt(3, valid);
        ps.setObject(4, START);
        ps.setObject(5, START);
        ps.executeUpdate();
    }

    /** The serial id the fixture's group got: users 1, g0..g19 2..21, gx (invalid) 22, gy (invalid-temporarily) 23. */
    public static int groupId(String name) {
        return name.equals("users") ? 1 : name.equals("gx") ? GROUPS + 2 : name.equals("gy") ? GROUPS + 3
                : 2 + Integer.parseInt(name.substring(1));
    }

    private static void companies(Connection c) throws SQLException {
        try (PreparedStatement co = c.prepareStatement("INSERT INTO customer_company (customer_id, name, city, url,"
                + " valid_id, create_time, create_by, change_time, change_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 1)");
                PreparedStatement link = c.prepareStatement("INSERT INTO group_customer (customer_id, group_id,"
                        + " permission_key, permission_value, permission_context, create_time, create_by,"
                        + " change_time, change_by) VALUES (?, ?, ?, 1, ?, ?, 1, ?, 1)")) {
            for (int j = 0; j < COMPANIES; j++) {
                co.setString(1, "comp" + j);
                co.setString(2, "Company " + j);
                co.setString(3, "City " + (j % 7));
                co.setString(4, "https://comp" + j + ".example");
                co.setInt(5, companyValidId(j));
                co.setObject(6, START.plusHours(j));
                co.setObject(7, START.plusHours(j).plusDays(j % 3));
                co.addBatch();
                companyLink(link, j, "g" + ((j + 5) % GROUPS), "ro", "Ticket::CustomerID::Same");
                if (j % 7 == 0) {
                    companyLink(link, j, "g" + ((j + 6) % GROUPS), "rw", "Ticket::CustomerID::Same");
                }
                if (j % 13 == 0) {
                    companyLink(link, j, "g" + ((j + 7) % GROUPS), "ro", "Ticket::CustomerID::Other");
                }
            }
            co.executeBatch();
            link.executeBatch();
        }
    }

    private static void companyLink(PreparedStatement ps, int j, String group, String key, String context)
            throws SQLException {
        ps.setString(1, "comp" + j);
        ps.setInt(2, groupId(group));
        ps.setString(3, key);
        ps.setString(4, context);
        ps.setObject(5, START);
        ps.setObject(6, START);
        ps.addBatch();
    }

    private static void customers(Connection c) throws SQLException {
        try (PreparedStatement cu = c.prepareStatement("INSERT INTO customer_user (login, email, customer_id, pw,"
                + " title, first_name, last_name, phone, city, comments, valid_id, create_time, create_by,"
                + " change_time, change_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1)");
                PreparedStatement ids = c.prepareStatement("INSERT INTO customer_user_customer (user_id, customer_id,"
                        + " create_time, create_by, change_time, change_by) VALUES (?, ?, ?, 1, ?, 1)");
                PreparedStatement prefs = c.prepareStatement("INSERT INTO customer_preferences (user_id,"
                        + " preferences_key, preferences_value) VALUES (?, ?, ?)");
                PreparedStatement links = c.prepareStatement("INSERT INTO group_customer_user (user_id, group_id,"
                        + " permission_key, permission_value, create_time, create_by, change_time, change_by)"
                        + " VALUES (?, ?, ?, ?, ?, 1, ?, 1)")) {
            for (int n = 0; n < CUSTOMERS; n++) {
                String login = login(n);
                LocalDateTime created = START.plusMinutes(n);
                cu.setString(1, login);
                cu.setString(2, login + "@znuny.example");
                cu.setString(3, "comp" + (n % COMPANIES));
                cu.setString(4, hash(n));
                cu.setString(5, n % 5 == 0 ? "Dr." : null);
                cu.setString(6, "First" + n);
                cu.setString(7, "Last" + (n % 50));
                cu.setString(8, "+49 30 " + n);
                cu.setString(9, "City " + (n % 7));
                cu.setString(10, n % 9 == 0 ? "from Znuny" : null);
                cu.setInt(11, validId(n));
                cu.setObject(12, created);
                cu.setObject(13, n % 2 == 0 ? created : created.plusDays(3));
                cu.addBatch();
                if (n % 4 == 0) {
                    for (int k = 1; k <= 2; k++) {
                        ids.setString(1, login);
                        ids.setString(2, "comp" + ((n + k) % COMPANIES));
                        ids.setObject(3, created);
                        ids.setObject(4, created);
                        ids.addBatch();
                    }
                }
                pref(prefs, login, "UserLanguage", n % 2 == 0 ? "de" : "en");
                if (n % 10 == 3) {
                    pref(prefs, login, "UserLoginFailed", "2");
                }
                if (n % 10 == 4) {
                    pref(prefs, login, "UserLastLogin", Long.toString(1_700_000_000L + n));
                }
                String group = "g" + (n % GROUPS);
                switch (n % 3) {
                    case 0 -> {
                        link(links, login, group, "ro", 1);
                        link(links, login, group, "rw", 1);
                    }
                    case 1 -> {
                        link(links, login, group, "ro", 1);
                        link(links, login, group, "move_into", 1);
                        link(links, login, group, "create", 1);
                        link(links, login, group, "rw", 0);
                    }
                    default -> {
                        link(links, login, group, "note", 1);
                        link(links, login, group, "owner", 1);
                    }
                }
                if (n % 11 == 0) {
                    link(links, login, "gx", "rw", 1);
                }
                if (n % 500 == 499) {
                    cu.executeBatch();
                    ids.executeBatch();
                    prefs.executeBatch();
                    links.executeBatch();
                }
            }
            cu.executeBatch();
            ids.executeBatch();
            prefs.executeBatch();
            links.executeBatch();
        }
    }

    private static void pref(PreparedStatement ps, String login, String key, String value) throws SQLException {
        ps.setString(1, login);
        ps.setString(2, key);
        ps.setString(3, value);
        ps.addBatch();
    }

    private static void link(PreparedStatement ps, String login, String group, String key, int value)
            throws SQLException {
        ps.setString(1, login);
        ps.setInt(2, groupId(group));
        ps.setString(3, key);
        ps.setInt(4, value);
        ps.setObject(5, START);
        ps.setObject(6, START);
        ps.addBatch();
    }
}
