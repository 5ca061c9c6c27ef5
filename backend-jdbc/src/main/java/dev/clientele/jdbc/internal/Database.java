package dev.clientele.jdbc.internal;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ReadOnlyBackendException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The connections and transactions of one back-end instance, shared by its stores.
 *
 * <p>Transactions are bound to the thread: {@link #atomically(Supplier)} takes a connection, turns auto-commit off
 * and keeps the connection on the thread until the outermost call returns (commit) or throws (rollback); nested calls
 * join it. Every store method runs through {@link #read} or {@link #write}: inside such a transaction they use its
 * connection, outside it a read uses a connection in auto-commit mode and a write gets a transaction of its own.
 * Transactions run in READ COMMITTED (forced per transaction only when the data source's connections default to
 * another level), which the locking of the stores relies on: a statement that waited for a lock sees what the other
 * transaction committed.
 *
 * <p>Sessions: inside {@link #inSession(Supplier)} (one directory call) every read and every new transaction uses
 * one connection, borrowed at the first statement and given back when the call returns — one pool round trip per
 * call, not one per statement. Reads still run in auto-commit mode and writes still commit on their own.
 *
 * <p>Failures: an {@link SQLException} that a store does not turn into a domain exception (a unique key, say)
 * becomes a {@link BackendUnavailableException} naming the back-end and the operation, with the driver's exception as
 * the cause. A database that cannot be reached fails within the pool's connection timeout.
 */
public final class Database {
    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String backendName;
    private final javax.sql.DataSource dataSource;
    private final Dialect dialect;
    private final Mapping mapping;
    private final Map<String, NamedSql> statements;
    private final boolean forceReadCommitted;
    private final boolean readOnly;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private volatile int searchTimeoutSeconds = 10;
    private volatile Semaphore searches = new Semaphore(5, true);
    private volatile long searchWaitMillis = 5_000;
    private final ThreadLocal<Session> session = new ThreadLocal<>();

    /** The connection of a session, once its first statement has borrowed it. */
    private static final class Session {
        private @Nullable Connection connection;
    }

    public Database(String backendName, javax.sql.DataSource dataSource, Dialect dialect, Mapping mapping,
            boolean forceReadCommitted, boolean readOnly) {
        this.backendName = Objects.requireNonNull(backendName, "backendName");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.statements = dialect.statements(mapping);
        this.forceReadCommitted = forceReadCommitted;
        this.readOnly = readOnly;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Mapping mapping() {
        return mapping;
    }

    /** True if the customer data (everything but customer state) must not be written. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Throws {@link ReadOnlyBackendException} naming the operation if this back-end is read-only. */
    public void checkWritable(String operation) {
        if (readOnly) {
            throw new ReadOnlyBackendException(backendName, operation);
        }
    }

    /** A dialect statement by name (see {@code db/clientele/<database>/statements.properties}). */
    public NamedSql statement(String name) {
        return Objects.requireNonNull(statements.get(name), () -> "no statement " + name + " for " + dialect);
    }

    /**
     * Runs {@code work} (one directory call) with one connection for all its statements, borrowed when the first
     * needs it; nested calls and calls inside a transaction join the outer one.
     */
    public <T> T inSession(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (session.get() != null || current.get() != null) {
            return work.get();
        }
        Session s = new Session();
        session.set(s);
        try {
            return work.get();
        } finally {
            session.remove();
            if (s.connection != null) {
                closeQuietly(s.connection);
            }
        }
    }

    /** Runs a read: in the thread's transaction if there is one, else on the session's or a connection of its own. */
    public <T> T read(String what, Work<T> work) {
        Connection bound = current.get();
        if (bound != null) {
            return runOn(bound, what, work);
        }
        Session s = session.get();
        if (s != null) {
            return runOn(sessionConnection(s, what), what, work);
        }
        try (Connection c = connection(what)) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * The bounds of {@link #search}: the statement timeout ({@link Duration#ZERO} for none) and how many run at once.
     * A search waits for a turn as long as the data source waits for a connection (HikariCP's connection timeout).
     */
    public void boundSearches(Duration timeout, int concurrency) {
        this.searchTimeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
        this.searches = new Semaphore(concurrency, true);
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource h) {
            searchWaitMillis = h.getConnectionTimeout();
        }
    }

    /**
     * Runs a search as {@link #read} does, bounded: at most the configured number at once (a further one waits for
     * a turn, then fails with {@link BackendUnavailableException}), so that lookups and logins always find a
     * connection; the work gives each statement {@link #searchTimeout(Statement)}.
     */
    public <T> T search(String what, Work<T> work) {
        Semaphore turn = searches;
        boolean got;
        try {
            got = turn.tryAcquire(searchWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(backendName, what + ": interrupted while waiting for a turn", e);
        }
        if (!got) {
            throw new BackendUnavailableException(backendName, what + ": too many searches are running (the most at"
                    + " once is set by search-concurrency); try again", null);
        }
        try {
            return read(what, c -> {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    if (cancelled(e)) {
                        // no cause: the driver's message may quote the statement's values
                        throw new BackendUnavailableException(backendName, what + " was cancelled after the"
                                + " search-timeout of " + searchTimeoutSeconds + "s (fewer wildcards or longer"
                                + " literal parts make a search cheaper)", null);
                    }
                    throw e;
                }
            });
        } finally {
            turn.release();
        }
    }

    /** A statement cancelled by its timeout: SQLSTATE 57014 (PostgreSQL and H2), or the driver's timeout type. */
    private static boolean cancelled(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTimeoutException
                    || (t instanceof SQLException s && "57014".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Sets the search statement timeout on a statement of {@link #search}. */
    public void searchTimeout(Statement statement) throws SQLException {
        if (searchTimeoutSeconds > 0) {
            statement.setQueryTimeout(searchTimeoutSeconds);
        }
    }

    /** Runs a write: in the thread's transaction if there is one, else in a transaction of its own. */
    public <T> T write(String what, Work<T> work) {
        Connection bound = current.get();
        if (bound != null) {
            return runOn(bound, what, work);
        }
        return inNewTransaction(what, c -> runOn(c, what, work));
    }

    /** Runs {@code work} in one transaction; nested calls join the outer one. */
    public <T> T atomically(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        return inNewTransaction("a transaction", c -> work.get());
    }

    private <T> T runOn(Connection c, String what, Work<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private interface TxWork<T> {
        T run(Connection c);
    }

    private <T> T inNewTransaction(String what, TxWork<T> work) {
        Session s = session.get();
        Connection c = s != null ? sessionConnection(s, what) : connection(what);
        boolean restoreAutoCommit = false;
        int restoreIsolation = -1;
        try {
            try {
                if (c.getAutoCommit()) {
                    c.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                if (forceReadCommitted && c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                    restoreIsolation = c.getTransactionIsolation();
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            } catch (SQLException e) {
                throw failure(what + " (starting a transaction)", e);
            }
            current.set(c);
            T result;
            try {
                result = work.run(c);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                current.remove();
            }
            try {
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw failure(what + " (commit)", e);
            }
            return result;
        } finally {
            try {
                if (restoreIsolation >= 0) {
                    c.setTransactionIsolation(restoreIsolation);
                }
                if (restoreAutoCommit) {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // the connection is broken: the pool will find out
            }
            if (s == null) {
                closeQuietly(c);
            }
        }
    }

    private Connection sessionConnection(Session s, String what) {
        if (s.connection == null) {
            s.connection = connection(what);
        }
        return s.connection;
    }

    private Connection connection(String what) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(what + " (no database connection)", e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing more to do: the pool drops a connection it cannot reset
        }
    }

    /**
     * Runs {@code work} inside a savepoint of the current transaction: if it throws, only what it did is undone
     * and the transaction can go on (PostgreSQL refuses every statement after an error otherwise).
     */
    public static <T> T inSavepoint(Connection c, Work<T> work) throws SQLException {
        Savepoint sp = c.setSavepoint();
        T result;
        try {
            result = work.run(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback(sp);
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        c.releaseSavepoint(sp);
        return result;
    }

    /**
     * The exception for a failed database operation: the operation, the SQL states (and a batch's failed entry) and
     * the driver's message scrubbed of values and bounded; the cause is a scrubbed copy of the driver's chain.
     */
    public BackendUnavailableException failure(String what, SQLException e) {
        return new BackendUnavailableException(backendName, what + " failed (" + SqlErrors.states(e) + "): "
                + describe(e), SqlErrors.scrubbed(e));
    }

    /**
     * The SQL state and scrubbed message ({@link SqlErrors#scrub}: no values, statements or passwords, bounded) of an
     * exception and of those chained to it, in one line.
     */
    public static String describe(SQLException e) {
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
    public static boolean isUniqueViolation(SQLException e) {
        return hasState(e, "23505");
    }

    /**
     * True if the exception says the database could not be reached or the connection broke (SQL state class 08,
     * PostgreSQL's shutdown states 57P0x, a pool's connection timeout), rather than a problem with a statement.
     */
    public static boolean isConnectionProblem(SQLException e) {
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
    public static boolean hasState(Throwable e, String statePrefix) {
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
}
