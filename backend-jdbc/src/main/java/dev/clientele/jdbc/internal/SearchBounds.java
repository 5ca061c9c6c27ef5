package dev.clientele.jdbc.internal;

import dev.clientele.BackendUnavailableException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bounds of a back-end's searches ({@link Database#search}): how many run at once (a fair semaphore; a further
 * search waits for a turn as long as the data source waits for a connection, then fails), the statement timeout each
 * of their statements gets, and the message of a search its timeout cancelled. Searches are bounded so that lookups
 * and logins always find a connection; the bounds can be set again while searches run (the ones running keep the
 * turn they took).
 */
final class SearchBounds {
    private final String backendName;
    private volatile int timeoutSeconds = 10;
    private volatile Semaphore turns = new Semaphore(5, true);
    private volatile long waitMillis = 5_000;

    SearchBounds(String backendName) {
        this.backendName = backendName;
    }

    /** See {@link Database#boundSearches}: the wait for a turn is HikariCP's connection timeout, if it is a pool. */
    void bound(Duration timeout, int concurrency, javax.sql.DataSource dataSource) {
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
        this.turns = new Semaphore(concurrency, true);
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource h) {
            waitMillis = h.getConnectionTimeout();
        }
    }

    /** Runs a search as {@code db}'s {@link Database#read} does, in a turn; see {@link Database#search}. */
    <T> T run(Database db, String what, Database.Work<T> work) {
        Semaphore turn = turns;
        boolean got;
        try {
            got = turn.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(backendName, what + ": interrupted while waiting for a turn", e);
        }
        if (!got) {
            throw new BackendUnavailableException(backendName, what + ": too many searches are running (the most at"
                    + " once is set by search-concurrency); try again", null);
        }
        try {
            return db.read(what, c -> {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    if (SqlStates.cancelled(e)) {
                        // no cause: the driver's message may quote the statement's values
                        throw new BackendUnavailableException(backendName, what + " was cancelled after the"
                                + " search-timeout of " + timeoutSeconds + "s (fewer wildcards or longer"
                                + " literal parts make a search cheaper)", null);
                    }
                    throw e;
                }
            });
        } finally {
            turn.release();
        }
    }

    /** Sets the search statement timeout on a statement of a search. */
    void timeout(Statement statement) throws SQLException {
        if (timeoutSeconds > 0) {
            statement.setQueryTimeout(timeoutSeconds);
        }
    }
}
