package dev.clientele.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into a PostgreSQL table by {@code COPY ... FROM STDIN} (text format) through pgjdbc's copy API: one statement
 * and one stream for many rows, where a JDBC batch runs one insert per row.
 *
 * <p>Values are the ones {@link Jdbc#bind} takes: strings, {@code null} and {@link Jdbc.TypedNull} (both {@code \N}),
 * integers, longs, and instants (UTC, rounded to the microsecond half up, as pgjdbc sends them). In a string a
 * backslash, tab, newline and carriage return are escaped ({@code \\ \t \n \r}); every other character is sent as it
 * is, in UTF-8 (the client encoding pgjdbc always sets), so that an empty string stays an empty string and differs from
 * {@code \N}. A value COPY would store differently from the insert, or refuse with another error, is not encoded
 * ({@link #encode} returns {@code null}): a string holding U+0000 or a lone surrogate, an instant outside the years 1
 * to 9999 — the caller then inserts those rows as before.
 */
public final class PgCopy {
    private final String sql;

    /** A copy into these columns of the table, in this order. */
    public PgCopy(String table, List<String> columns) {
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** True if this connection is pgjdbc's (directly or through a pool's proxy) and can copy. */
    public static boolean available(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    /** Copies the encoded rows; a failed row fails the whole copy (the caller's savepoint undoes it). */
    public long copy(Connection c, Encoded rows) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(rows.bytes, 0, rows.length);
            return in.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);   // a broken connection: the first failure is the one to report
                }
            }
            throw e;
        }
    }

    /** Rows in COPY's text format. */
    public static final class Encoded {
        private byte[] bytes = new byte[8192];
        private int length;

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        private void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        private void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        public int length() {
            return length;
        }

    }

    /** An encoder of rows, each one value per column, in column order. */
    public static final class Encoder {
        /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
        private static final long FIRST_SECOND = -62_135_596_800L;
        private static final long LAST_SECOND = 253_402_300_799L;
        private final Encoded out = new Encoded();

        /** Adds one row; false (and nothing added) if a value cannot be copied as the insert would store it. */
        public boolean row(@Nullable Object[] values) {
            int mark = out.length;
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.put((byte) '\t');
                }
                if (!value(values[i])) {
                    out.length = mark;
                    return false;
                }
            }
            out.put((byte) '\n');
            return true;
        }

        public Encoded encoded() {
            return out;
        }

        private boolean value(@Nullable Object v) {
            if (v == null || v instanceof Jdbc.TypedNull) {
                out.ascii("\\N");
                return true;
            }
            if (v instanceof String s) {
                return string(s);
            }
            if (v instanceof Integer || v instanceof Long) {
                out.ascii(v.toString());
                return true;
            }
            if (v instanceof Instant t) {
                return instant(t);
            }
            throw new IllegalArgumentException("cannot copy a " + v.getClass().getName());
        }

        private boolean string(String s) {
            int n = s.length();
            out.ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '\\') {
                    out.bytes[out.length++] = (byte) c;   // the common case: room was made above
                    continue;
                }
                switch (c) {
                    case '\\' -> twoBytes('\\', '\\');
                    case '\t' -> twoBytes('\\', 't');
                    case '\n' -> twoBytes('\\', 'n');
                    case '\r' -> twoBytes('\\', 'r');
                    case 0 -> {
                        return false;
                    }
                    default -> {
                        if (c < 0x80) {
                            out.put((byte) c);   // the other control characters: stored as they are
                        } else if (c < 0x800) {
                            out.ensure(2);
                            out.bytes[out.length++] = (byte) (0xc0 | (c >> 6));
                            out.bytes[out.length++] = (byte) (0x80 | (c & 0x3f));
                        } else if (Character.isSurrogate(c)) {
                            if (!Character.isHighSurrogate(c) || i + 1 >= n
                                    || !Character.isLowSurrogate(s.charAt(i + 1))) {
                                return false;
                            }
                            int cp = Character.toCodePoint(c, s.charAt(++i));
                            out.ensure(4);
                            out.bytes[out.length++] = (byte) (0xf0 | (cp >> 18));
                            out.bytes[out.length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                            out.bytes[out.length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                            out.bytes[out.length++] = (byte) (0x80 | (cp & 0x3f));
                        } else {
                            out.ensure(3);
                            out.bytes[out.length++] = (byte) (0xe0 | (c >> 12));
                            out.bytes[out.length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                            out.bytes[out.length++] = (byte) (0x80 | (c & 0x3f));
                        }
                    }
                }
                // what follows may be longer than one byte a character: make room for the rest again
                out.ensure(n - i);
            }
            return true;
        }

        private void twoBytes(char a, char b) {
            out.ensure(2);
            out.bytes[out.length++] = (byte) a;
            out.bytes[out.length++] = (byte) b;
        }

        /** {@code yyyy-MM-dd HH:mm:ss.ffffff+00}, rounded to the microsecond half up as pgjdbc rounds. */
        private boolean instant(Instant t) {
            if (t.getEpochSecond() < FIRST_SECOND || t.getEpochSecond() > LAST_SECOND) {
                return false;
            }
            Instant r = t.plusNanos(500);
            LocalDateTime d = LocalDateTime.ofEpochSecond(r.getEpochSecond(), r.getNano(), ZoneOffset.UTC);
            if (d.getYear() < 1 || d.getYear() > 9999) {
                return false;
            }
            digits(d.getYear(), 4);
            out.put((byte) '-');
            digits(d.getMonthValue(), 2);
            out.put((byte) '-');
            digits(d.getDayOfMonth(), 2);
            out.put((byte) ' ');
            digits(d.getHour(), 2);
            out.put((byte) ':');
            digits(d.getMinute(), 2);
            out.put((byte) ':');
            digits(d.getSecond(), 2);
            out.put((byte) '.');
            digits(d.getNano() / 1000, 6);
            out.ascii("+00");
            return true;
        }

        private void digits(int v, int width) {
            out.ensure(width);
            for (int i = width - 1; i >= 0; i--) {
                out.bytes[out.length + i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            out.length += width;
        }
    }
}
