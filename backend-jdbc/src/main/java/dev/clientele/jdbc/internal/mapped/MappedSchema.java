package dev.clientele.jdbc.internal.mapped;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.BackendSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The start-up check of the mapped mode ({@code schema-mode = validate}, its default): every mapped table must be
 * there with every column the stores use. It only reads ({@code SELECT cols FROM table WHERE 1 = 0}); the mapped
 * mode never creates, migrates or alters a table.
 */
public final class MappedSchema {
    private MappedSchema() {
    }

    /** The columns the stores read and write, per table. */
    static Map<FieldMap.Table, List<String>> columns(FieldMap map) {
        List<String> times = List.of("create_time", "create_by", "change_time", "change_by");
        Map<FieldMap.Table, List<String>> m = new EnumMap<>(FieldMap.Table.class);
        List<String> customers = new ArrayList<>();
        map.columns().values().forEach(c -> customers.add(c.name()));
        customers.addAll(map.attributeColumns().values());
        if (map.passwordColumn() != null) {
            customers.add(map.passwordColumn());
        }
        customers.add("valid_id");
        customers.addAll(times);
        m.put(FieldMap.Table.CUSTOMERS, customers);
        List<String> companies = new ArrayList<>(List.of("customer_id", "name", "street", "zip", "city", "country",
                "url", "comments", "valid_id"));
        companies.addAll(times);
        m.put(FieldMap.Table.COMPANIES, companies);
        List<String> groups = new ArrayList<>(List.of("id", "name", "comments", "valid_id"));
        groups.addAll(times);
        m.put(FieldMap.Table.GROUPS, groups);
        List<String> customerLinks = new ArrayList<>(List.of("user_id", "group_id", "permission_key",
                "permission_value"));
        customerLinks.addAll(times);
        m.put(FieldMap.Table.CUSTOMER_LINKS, customerLinks);
        List<String> companyLinks = new ArrayList<>(List.of("customer_id", "group_id", "permission_key",
                "permission_value", "permission_context"));
        companyLinks.addAll(times);
        m.put(FieldMap.Table.COMPANY_LINKS, companyLinks);
        List<String> ids = new ArrayList<>(List.of("user_id", "customer_id"));
        ids.addAll(times);
        m.put(FieldMap.Table.CUSTOMER_IDS, ids);
        m.put(FieldMap.Table.PREFERENCES, List.of("user_id", "preferences_key", "preferences_value"));
        m.put(FieldMap.Table.VALID, List.of("id"));
        return m;
    }

    /**
     * Checks every mapped table and column; every one missing is a problem naming the setting of its table.
     *
     * @throws ConfigurationException      listing every missing table or column
     * @throws BackendUnavailableException if the database cannot be reached
     */
    public static void check(String backend, DataSource dataSource, FieldMap map) {
        List<Problem> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<FieldMap.Table, List<String>> e : columns(map).entrySet()) {
                String table = map.table(e.getKey());
                String key = BackendSettings.key(backend, e.getKey().setting());
                if (!readable(c, "SELECT 1 FROM " + table + " WHERE 1 = 0")) {
                    problems.add(new Problem(key, "names table " + table + ", which the database does not have (the"
                            + " mapped mode creates no table: is this the Znuny database and schema?)"));
                    continue;
                }
                for (String column : e.getValue()) {
                    if (!readable(c, "SELECT " + column + " FROM " + table + " WHERE 1 = 0")) {
                        problems.add(new Problem(key, "table " + table + " has no column " + column));
                    }
                }
            }
        } catch (SQLException e) {
            throw new BackendUnavailableException(backend, "cannot check the mapped tables: " + Database.describe(e),
                    e);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static boolean readable(Connection c, String sql) throws SQLException {
        boolean auto = c.getAutoCommit();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (Database.isConnectionProblem(e)) {
                throw e;
            }
            if (!auto) {
                c.rollback();
            }
            return false;
        }
    }
}
