package dev.clientele.jdbc.internal.mapped;

import dev.clientele.Validity;
import dev.clientele.spi.Keys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every mapped table shares: Znuny's {@code valid_id} (1 valid, 2 invalid, 3 invalid-temporarily), its
 * {@code timestamp(0)} columns (UTC, whole seconds: Znuny's {@code OTRSTimeZone} is UTC), and how a login or key is
 * matched — {@code LOWER(col) = ?} with the key, or {@code col = ?} exactly when logins are case-sensitive.
 */
final class Rows {
    private Rows() {
    }

    static int validId(Validity v) {
        return switch (v) {
            case VALID -> 1;
            case INVALID -> 2;
            case INVALID_TEMPORARILY -> 3;
        };
    }

    /** The validity of a {@code valid_id}: 1 valid, 3 invalid-temporarily, anything else invalid. */
    static Validity validity(int validId) {
        return validId == 1 ? Validity.VALID : validId == 3 ? Validity.INVALID_TEMPORARILY : Validity.INVALID;
    }

    /** An instant as Znuny stores it: whole seconds (truncated, never rounded up). */
    static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    static void bindTime(PreparedStatement ps, int index, @Nullable Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(seconds(t), ZoneOffset.UTC));
        }
    }

    static @Nullable Instant time(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** {@code LOWER(col) = ?} (or {@code col = ?} when exact), to be bound with {@link #key(String, boolean)}. */
    static String match(String column, boolean exact) {
        return exact ? column + " = ?" : "LOWER(" + column + ") = ?";
    }

    /** The value a {@link #match} is bound with: the key, or the stripped value when exact. */
    static @Nullable String key(@Nullable String value, boolean exact) {
        return value == null ? null : exact ? value.strip() : Keys.of(value);
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds strings from a parameter index on; returns the next index. */
    static int bindAll(PreparedStatement ps, int from, Collection<String> values) throws SQLException {
        int i = from;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }

    static List<String> chunk(List<String> all, int from, int size) {
        return all.subList(from, Math.min(all.size(), from + size));
    }
}
