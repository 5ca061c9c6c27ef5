package dev.clientele.jdbc.internal;

import dev.clientele.spi.Secrets;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * What of a driver's exception may be shown: its SQL state and a scrubbed, bounded message — never a value of a row,
 * a statement or a password. A driver's message can hold all of them (PostgreSQL's {@code Detail: Key (email)=(...)},
 * {@code Batch entry 3 INSERT ... VALUES (...)}, H2's {@code VALUES ( /* 1 *&#47; 'jdoe' )} and
 * {@code SQL statement: ...}, a URL with {@code user:password@}); exceptions leave the back-end with a scrubbed copy of
 * the driver's chain as their cause (same classes' names, SQL states and stack traces).
 */
public final class SqlErrors {
    /** The longest message of one exception of a scrubbed chain. */
    public static final int MAX_MESSAGE = 300;
    private static final int MAX_DEPTH = 8;
    /** From these words on, a driver's message holds values or statements. */
    private static final Pattern TAIL = Pattern.compile(
            "(?is)(\\bdetail:|\\bwhere:|\\bhint:|\\bposition:|sql statement:|\\bcall getnextexception|\\[\\d{5}-\\d+\\]).*");
    private static final Pattern BATCH_ENTRY = Pattern.compile("(?is)(batch entry \\d+).*?(was aborted)");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'?");
    private static final Pattern VALUES = Pattern.compile("(?is)\\bvalues\\s*\\(.*?\\)");
    /** {@code user:password@host} without a scheme before it (a driver's message about the host). */
    private static final Pattern BARE_USER_INFO = Pattern.compile("([^\\s:/@;?]+:)[^\\s/@;?]+@");
    private static final Pattern KEY_VALUE = Pattern.compile("=\\s*\\([^)]*\\)?");

    private SqlErrors() {
    }

    /** A driver's message without values, statements or passwords, at most {@value #MAX_MESSAGE} characters. */
    public static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String m = BARE_USER_INFO.matcher(Secrets.masked(message)).replaceAll("$1" + Secrets.MASK + "@");
        m = BATCH_ENTRY.matcher(m).replaceAll("$1 $2");
        m = TAIL.matcher(m).replaceAll("");
        m = VALUES.matcher(m).replaceAll("VALUES (?)");
        m = KEY_VALUE.matcher(m).replaceAll("=(?)");
        m = QUOTED.matcher(m).replaceAll("'?'");
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE) + "...";
    }

    /**
     * The SQL states of the exception and those chained to it ({@code SQLSTATE 23505}), and the entry of a batch
     * that failed ({@code batch entry 3}, from 0), for a message: no text of the driver.
     */
    public static String states(SQLException e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && sb.indexOf(s.getSQLState()) < 0) {
                sb.append(sb.length() == 0 ? "SQLSTATE " : ", ").append(s.getSQLState());
            }
            Throwable next = t instanceof SQLException s ? s.getNextException() : null;
            t = next != null ? next : t.getCause() == t ? null : t.getCause();
        }
        int entry = failedEntry(e);
        if (entry >= 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append("batch entry ").append(entry);
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }

    /** The index (from 0) of the batch entry that failed, or -1 if the exception does not say. */
    public static int failedEntry(SQLException e) {
        if (!(e instanceof BatchUpdateException b) || b.getUpdateCounts() == null) {
            return -1;
        }
        int[] counts = b.getUpdateCounts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                return i;
            }
        }
        return counts.length;
    }

    /** A copy of the exception's chain (causes and next exceptions) with scrubbed, bounded messages. */
    public static Throwable scrubbed(Throwable e) {
        return copy(e, 0);
    }

    private static Throwable copy(Throwable t, int depth) {
        String text = t.getClass().getName() + ": " + scrub(t.getMessage());
        Throwable out;
        if (t instanceof SQLException s) {
            SQLException c = new ScrubbedSqlException(text, s.getSQLState(), s.getErrorCode());
            if (depth < MAX_DEPTH && s.getNextException() != null && s.getNextException() != s) {
                c.setNextException((SQLException) copy(s.getNextException(), depth + 1));
            }
            out = c;
        } else {
            out = new ScrubbedException(text);
        }
        out.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (depth < MAX_DEPTH && cause != null && cause != t) {
            out.initCause(copy(cause, depth + 1));
        }
        return out;
    }

    /** A scrubbed copy of a driver's {@link SQLException}: its class's name leads the message. */
    static final class ScrubbedSqlException extends SQLException {
        private static final long serialVersionUID = 1L;

        ScrubbedSqlException(String message, String state, int code) {
            super(message, state, code);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A scrubbed copy of any other exception of the chain: its class's name leads the message. */
    static final class ScrubbedException extends Exception {
        private static final long serialVersionUID = 1L;

        ScrubbedException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
