package dev.clientele.jdbc.internal;

import java.sql.SQLException;

/**
 * What kind of failure a driver's {@link SQLException} is, told by its SQL states and exception types along its chain
 * (causes and next exceptions): a unique violation, a connection problem, a statement cancelled by its timeout, any
 * state or class of states; and the chain's states and scrubbed messages in one line ({@link SqlErrors#scrub}). The
 * stores and the back-end reach these through {@link Database}'s static methods. Static: it owns nothing.
 */
final class SqlStates {
    private SqlStates() {
    }

    /**
     * The SQL state and scrubbed message ({@link SqlErrors#scrub}: no values, statements or passwords, bounded) of an
     * exception and of those chained to it, in one line.
     */
    static String describe(SQLException e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 4) {
            if (sb.length() > 0) {
                sb.append("; caused by ");
            }
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                sb.append('[').append(((SQLException) t).getSQLState()).append("] ");
            }
            String m = SqlErrors.scrub(t.getMessage());
            sb.append(m.isEmpty() ? t.getClass().getSimpleName() : m);
            Throwable next = t instanceof SQLException ? ((SQLException) t).getNextException() : null;
            t = next != null ? next : t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }

    /** True if the exception (or one chained to it) says a unique constraint was violated (SQL state 23505). */
    static boolean isUniqueViolation(SQLException e) {
        return hasState(e, "23505");
    }

    /**
     * True if the exception says the database could not be reached or the connection broke (SQL state class 08,
     * PostgreSQL's shutdown states 57P0x, a pool's connection timeout), rather than a problem with a statement.
     */
    static boolean isConnectionProblem(SQLException e) {
        Throwable t = e;
        for (int i = 0; t != null && i < 10; i++) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            t = t.getCause();
        }
        return hasState(e, "08") || hasState(e, "57P0");
    }

    /** True if the exception or one chained to it has this SQL state, or one starting with it. */
    static boolean hasState(Throwable e, String statePrefix) {
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 10) {
            if (t instanceof SQLException) {
                SQLException s = (SQLException) t;
                if (s.getSQLState() != null && s.getSQLState().startsWith(statePrefix)) {
                    return true;
                }
                if (s.getNextException() != null && hasState(s.getNextException(), statePrefix)) {
                    return true;
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    /** A statement cancelled by its timeout: SQLSTATE 57014 (PostgreSQL and H2), or the driver's timeout type. */
    static boolean cancelled(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTimeoutException
                    || (t instanceof SQLException s && "57014".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
