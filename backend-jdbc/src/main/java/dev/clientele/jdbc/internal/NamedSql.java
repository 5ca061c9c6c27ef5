package dev.clientele.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement with named parameters ({@code :name}), turned into JDBC's {@code ?} once. A name may appear more
 * than once. Text in single quotes is left alone.
 */
public final class NamedSql {
    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = List.copyOf(names);
    }

    /** Parses {@code text}: every {@code :name} outside quotes becomes a {@code ?}. */
    public static NamedSql parse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == ':' && i + 1 < text.length() && isNameStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return new NamedSql(out.toString(), names);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** This statement with {@code suffix} (SQL without parameters) appended. */
    public NamedSql append(String suffix) {
        return suffix.isEmpty() ? this : new NamedSql(sql + suffix, names);
    }

    /** The SQL with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The parameter names, in placeholder order. */
    public List<String> names() {
        return names;
    }

    /** Prepares the statement and binds every parameter from {@code values} (each name must be there). */
    public PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for parameter :" + name + " of " + sql);
                }
                Jdbc.bind(ps, i + 1, values.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedSql && ((NamedSql) o).sql.equals(sql) && ((NamedSql) o).names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, names);
    }
}
