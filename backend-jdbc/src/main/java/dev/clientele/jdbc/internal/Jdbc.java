package dev.clientele.jdbc.internal;

import dev.clientele.Validity;
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
        } else if (value instanceof String[]) {
            // a driver's array holds no resource of its own that outlives the statement (pgjdbc's, H2's)
            ps.setArray(index, ps.getConnection().createArrayOf("varchar", (String[]) value));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    /** Binds an instant that may be {@code null}. */
    public static void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        bind(ps, index, value == null ? NULL_TIMESTAMP : value);
    }

    /**
     * A validity as the stores write it, its {@link Validity#name()}: told apart by length first, as a read of
     * hundreds of rows (a search) spent a sixth of its time hashing the column's fresh strings in
     * {@link Validity#valueOf}.
     *
     * @throws IllegalArgumentException for any other text, as {@code valueOf} does
     */
    public static Validity validity(String stored) {
        Validity v = stored == null ? null : switch (stored.length()) {
            case 5 -> Validity.VALID;
            case 7 -> Validity.INVALID;
            case 19 -> Validity.INVALID_TEMPORARILY;
            default -> null;
        };
        if (v == null || !v.name().equals(stored)) {
            throw new IllegalArgumentException("not a stored validity: '" + stored + "'");
        }
        return v;
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
