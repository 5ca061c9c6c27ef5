package dev.clientele.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binding and reading of the few value types the stores use; instants travel as UTC {@link OffsetDateTime}s. */
public final class Jdbc {
    private Jdbc() {
    }

    /** A {@code null} of a given SQL type, for {@link #bind(PreparedStatement, int, Object)}. */
    public record TypedNull(int sqlType) {
    }

    /** A {@code null} timestamp with time zone. */
    public static final TypedNull NULL_TIMESTAMP = new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE);

    public static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else if (value instanceof TypedNull) {
            ps.setNull(index, ((TypedNull) value).sqlType());
        } else if (value instanceof String) {
            ps.setString(index, (String) value);
        } else if (value instanceof Integer) {
            ps.setInt(index, (Integer) value);
        } else if (value instanceof Long) {
            ps.setLong(index, (Long) value);
        } else if (value instanceof Instant) {
            ps.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    /** Binds an instant that may be {@code null}. */
    public static void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        bind(ps, index, value == null ? NULL_TIMESTAMP : value);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
