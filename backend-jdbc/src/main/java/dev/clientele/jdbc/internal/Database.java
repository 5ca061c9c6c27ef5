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
 *
 * <p>This class owns the connections, transactions, sessions and savepoints, the dialect's named statements and the
 * read-only check; the bounds of {@link #search} are {@link SearchBounds}', and telling failures apart by their SQL
 * states is {@link SqlStates}' (the static methods here, {@link #isUniqueViolation} and the others, are its entry
 * points for the stores and the back-end).
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
    private final ThreadLocal<Session> session = new ThreadLocal<>();
    private final SearchBounds searches;

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
        this.searches = new SearchBounds(backendName);
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
        return autoCommitted(what, work);
    }

    /** Whether this thread is inside a transaction of this database ({@link #atomically} or a {@link #write}). */
    public boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * Runs a write whose statements each commit on their own (auto-commit mode; no {@code BEGIN}, no
     * {@code COMMIT} round trip): for a write that is atomic statement by statement, such as a compare-and-set. In
     * the thread's transaction if there is one (the statements then commit with it), else on the session's or a
     * connection of its own, as {@link #read}.
     */
    public <T> T autoCommitted(String what, Work<T> work) {
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
        searches.bound(timeout, concurrency, dataSource);
    }

    /**
     * Runs a search as {@link #read} does, bounded: at most the configured number at once (a further one waits for
     * a turn, then fails with {@link BackendUnavailableException}), so that lookups and logins always find a
     * connection; the work gives each statement {@link #searchTimeout(Statement)}.
     */
    public <T> T search(String what, Work<T> work) {
        return searches.run(this, what, work);
    }

    /** Sets the search statement timeout on a statement of {@link #search}. */
    public void searchTimeout(Statement statement) throws SQLException {
        searches.timeout(statement);
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
        return SqlStates.describe(e);
    }

    /** True if the exception (or one chained to it) says a unique constraint was violated (SQL state 23505). */
    public static boolean isUniqueViolation(SQLException e) {
        return SqlStates.isUniqueViolation(e);
    }

    /**
     * True if the exception says the database could not be reached or the connection broke (SQL state class 08,
     * PostgreSQL's shutdown states 57P0x, a pool's connection timeout), rather than a problem with a statement.
     */
    public static boolean isConnectionProblem(SQLException e) {
        return SqlStates.isConnectionProblem(e);
    }

    /** True if the exception or one chained to it has this SQL state, or one starting with it. */
    public static boolean hasState(Throwable e, String statePrefix) {
        return SqlStates.hasState(e, statePrefix);
    }
}
