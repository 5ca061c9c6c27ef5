package dev.clientele.jdbc.internal;

import dev.clientele.spi.CacheChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's {@code LISTEN}/{@code NOTIFY} as {@link CacheChannel}s, one per directory, all served by one
 * listener per back-end: messages are published with {@code pg_notify} on a connection of the pool; while some
 * directory subscribes, one connection of the data source is kept for listening, by a
 * daemon thread that waits for notifications at most {@value #POLL_MILLIS} ms at a time and checks the connection
 * with a query every {@value #CHECK_MILLIS} ms, so a lost connection is noticed within about a second. Then it says
 * {@code connected(false)}, reconnects with a growing pause (up to {@value #MAX_PAUSE_MILLIS} ms), listens again
 * and says {@code connected(true)}.
 */
public final class PgCacheChannel {
    /** The notification channel every Clientele directory on the database listens on. */
    public static final String CHANNEL = "clientele_cache";
    private static final Logger LOG = LoggerFactory.getLogger(PgCacheChannel.class);
    private static final int POLL_MILLIS = 100;
    private static final int CHECK_MILLIS = 500;
    private static final int MAX_PAUSE_MILLIS = 5_000;

    private final String backendName;
    private final DataSource dataSource;
    private final Database db;
    private final List<CacheChannel.Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean up;
    /** The listening thread; a thread that is no longer this one stops. */
    private volatile @Nullable Thread listener;

    public PgCacheChannel(String backendName, DataSource dataSource, Database db) {
        this.backendName = Objects.requireNonNull(backendName, "backendName");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A channel for one directory; closing it unsubscribes it (the last one stops the listener). */
    public CacheChannel channel() {
        return new CacheChannel() {
            private volatile @Nullable Subscriber mine;

            @Override
            public void publish(String message) {
                PgCacheChannel.this.publish(message);
            }

            @Override
            public void subscribe(Subscriber subscriber) {
                mine = Objects.requireNonNull(subscriber, "subscriber");
                add(subscriber);
            }

            @Override
            public void close() {
                Subscriber s = mine;
                if (s != null) {
                    remove(s);
                }
            }
        };
    }

    private void publish(String message) {
        if (message.length() > CacheChannel.MAX_MESSAGE) {
            throw new IllegalArgumentException("a cache message is at most " + CacheChannel.MAX_MESSAGE
                    + " characters");
        }
        db.write("publish a cache invalidation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, message);
                ps.execute();
            }
            return null;
        });
    }

    /** Adds a subscriber; the first starts the listener and waits for its first try to connect. */
    private void add(CacheChannel.Subscriber subscriber) {
        CountDownLatch firstTry = null;
        synchronized (this) {
            subscribers.add(subscriber);
            if (listener == null) {
                CountDownLatch latch = new CountDownLatch(1);
                firstTry = latch;
                Thread t = new Thread(() -> listen(latch), "clientele-cache-channel-" + backendName);
                t.setDaemon(true);
                listener = t;
                t.start();
            } else if (up) {
                subscriber.connected(true);
            }
        }
        if (firstTry != null) {
            try {
                firstTry.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void remove(CacheChannel.Subscriber subscriber) {
        Thread stop = null;
        synchronized (this) {
            subscribers.remove(subscriber);
            if (subscribers.isEmpty() && listener != null) {
                stop = listener;
                listener = null;
            }
        }
        if (stop != null) {
            LockSupport.unpark(stop);
            try {
                stop.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tells every subscriber, if the calling thread is still the listener. */
    private void tell(boolean nowUp) {
        synchronized (this) {
            if (listener != Thread.currentThread()) {
                return;
            }
            up = nowUp;
            for (CacheChannel.Subscriber s : subscribers) {
                s.connected(nowUp);
            }
        }
    }

    private void listen(CountDownLatch firstTry) {
        long pause = 100;
        while (listener == Thread.currentThread()) {
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                pause = 100;
                tell(true);
                firstTry.countDown();
                try {
                    poll(c, pg);
                } finally {
                    unlisten(c);
                }
            } catch (SQLException | RuntimeException e) {
                if (listener != Thread.currentThread()) {
                    break;
                }
                LOG.warn("JDBC back-end '{}': cache channel lost, retrying in {} ms: {}", backendName, pause,
                        e instanceof SQLException s ? "SQLSTATE " + s.getSQLState() : e.getClass().getSimpleName());
            }
            tell(false);
            firstTry.countDown();
            if (listener == Thread.currentThread()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    /** Hands notifications to the subscribers until this thread is no longer the listener; checks the connection. */
    private void poll(Connection c, PGConnection pg) throws SQLException {
        long lastCheck = System.nanoTime();
        while (listener == Thread.currentThread()) {
            PGNotification[] got = pg.getNotifications(POLL_MILLIS);
            if (got != null) {
                for (PGNotification n : got) {
                    for (CacheChannel.Subscriber s : subscribers) {
                        s.received(n.getParameter());
                    }
                }
            }
            if (System.nanoTime() - lastCheck > TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)) {
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(2);
                    s.execute("SELECT 1");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    /** The connection goes back to the pool: it must not collect notifications there. */
    private static void unlisten(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UNLISTEN *");
        } catch (SQLException e) {
            // a broken connection: the pool drops it
        }
    }

    /** Stops listening for every subscriber (the back-end closes). */
    public void stop() {
        Thread stop;
        synchronized (this) {
            subscribers.clear();
            stop = listener;
            listener = null;
        }
        if (stop != null) {
            LockSupport.unpark(stop);
        }
    }
}
