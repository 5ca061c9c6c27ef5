package dev.clientele.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.Secrets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The HikariCP pool a back-end makes from its settings. Before the pool is made, one connection is opened straight
 * through the driver, so that a wrong URL, wrong credentials or a database that is down are reported at once and
 * precisely — a pool would only time out.
 */
public final class Pools {
    private Pools() {
    }

    /**
     * What the pool is made from.
     *
     * @param name              the back-end's name
     * @param url               JDBC URL
     * @param user              user name, or null
     * @param password          password, or null (never shown)
     * @param poolSize          the most connections
     * @param connectionTimeout longest wait for a connection (and for connecting, on PostgreSQL)
     * @param socketTimeout     longest wait for a database answer on PostgreSQL (zero: no limit)
     * @param keys              full configuration keys of url, user, password, for messages
     */
    public record PoolSettings(String name, String url, String user, char[] password, int poolSize,
            Duration connectionTimeout, Duration socketTimeout, Map<String, String> keys) {
        @Override
        public String toString() {
            return "PoolSettings[" + name + ", " + Secrets.masked(url) + ", user=" + user + ", password="
                    + (password == null ? "(none)" : Secrets.MASK) + ", poolSize=" + poolSize + "]";
        }
    }

    /** Checks the database can be reached with these settings, then makes the pool. */
    public static HikariDataSource open(PoolSettings s) {
        Properties driverProperties = driverProperties(s);
        probe(s, driverProperties);
        HikariConfig config = new HikariConfig();
        config.setPoolName("clientele-" + s.name());
        config.setJdbcUrl(s.url());
        if (s.user() != null) {
            config.setUsername(s.user());
        }
        if (s.password() != null) {
            config.setPassword(new String(s.password()));
        }
        config.setDataSourceProperties(driverProperties);
        config.setMaximumPoolSize(s.poolSize());
        config.setMinimumIdle(Math.min(s.poolSize(), 2));
        long timeout = s.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout, 5_000)));
        config.setInitializationFailTimeout(-1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * The gauges of a pool made here ({@link dev.clientele.spi.CustomerBackend#gauges()}), read from HikariCP's pool
     * bean each time; none for anything else (a host's data source is the host's to measure).
     */
    public static Map<String, LongSupplier> gauges(@Nullable AutoCloseable owned) {
        if (!(owned instanceof HikariDataSource pool)) {
            return Map.of();
        }
        return Map.of(
                CustomerBackend.POOL_ACTIVE, () -> read(pool, HikariPoolMXBean::getActiveConnections),
                CustomerBackend.POOL_IDLE, () -> read(pool, HikariPoolMXBean::getIdleConnections),
                CustomerBackend.POOL_PENDING, () -> read(pool, HikariPoolMXBean::getThreadsAwaitingConnection),
                CustomerBackend.POOL_MAX, pool::getMaximumPoolSize);
    }

    /** A figure of the pool; 0 once it is closed. */
    private static long read(HikariDataSource pool, ToIntFunction<HikariPoolMXBean> figure) {
        HikariPoolMXBean bean = pool.isClosed() ? null : pool.getHikariPoolMXBean();
        return bean == null ? 0 : figure.applyAsInt(bean);
    }

    private static Properties driverProperties(PoolSettings s) {
        Properties p = new Properties();
        if (s.url().startsWith("jdbc:postgresql:")) {
            int connectSeconds = (int) Math.max(1, (s.connectionTimeout().toMillis() + 999) / 1000);
            p.setProperty("connectTimeout", Integer.toString(connectSeconds));
            p.setProperty("loginTimeout", Integer.toString(connectSeconds));
            p.setProperty("socketTimeout", Long.toString(s.socketTimeout().toSeconds()));
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("reWriteBatchedInserts", "true");
            p.setProperty("ApplicationName", "clientele-" + s.name());
        }
        return p;
    }

    private static void probe(PoolSettings s, Properties driverProperties) {
        Driver driver;
        try {
            driver = DriverManager.getDriver(s.url());
        } catch (SQLException e) {
            throw new ConfigurationException(s.keys().get("url"), "no JDBC driver on the class path accepts '"
                    + Secrets.masked(s.url()) + "' (the back-end brings the drivers of H2 and PostgreSQL)");
        }
        Properties p = new Properties();
        p.putAll(driverProperties);
        if (s.user() != null) {
            p.setProperty("user", s.user());
        }
        if (s.password() != null) {
            p.setProperty("password", new String(s.password()));
        }
        try (Connection c = driver.connect(s.url(), p)) {
            if (c == null) {
                throw new ConfigurationException(s.keys().get("url"), "the JDBC driver does not accept '"
                        + Secrets.masked(s.url()) + "'");
            }
        } catch (SQLException e) {
            throw connectFailure(s, e);
        }
    }

    private static RuntimeException connectFailure(PoolSettings s, SQLException e) {
        String why = Database.describe(e);
        if (Database.hasState(e, "28")) {
            Map<String, String> k = s.keys();
            String user = s.user() == null ? "(none)" : "'" + s.user() + "'";
            return new ConfigurationException(List.of(
                    new Problem(k.get("user"), "the database refused the login of user " + user + " with the "
                            + (s.password() == null ? "missing password" : "password given") + ": " + why),
                    new Problem(k.get("password"), s.password() == null ? "is not set" : "may be wrong (" + Secrets.MASK
                            + ")")));
        }
        if (Database.hasState(e, "3D000") || Database.hasState(e, "90146") || Database.hasState(e, "90013")) {
            return new ConfigurationException(s.keys().get("url"), "names a database that does not exist: "
                    + Secrets.masked(s.url()) + ": " + why);
        }
        if (Database.hasState(e, "90020")) {
            return new BackendUnavailableException(s.name(), "the store " + H2Files.location(Secrets.masked(s.url()))
                    + " is in use by another process: an embedded H2 store is opened by one process at a time (let"
                    + " the other clientele command or application finish; for use by several processes at once,"
                    + " use PostgreSQL)", e);
        }
        return new BackendUnavailableException(s.name(), "cannot connect to " + Secrets.masked(s.url()) + " (" + s.keys()
                .get("url") + "): " + why, SqlErrors.scrubbed(e));
    }

    /** The full keys of the connection settings of a back-end, for messages. */
    public static Map<String, String> keys(String name) {
        Map<String, String> k = new TreeMap<>();
        for (String s : new String[] {"url", "user", "password"}) {
            k.put(s, BackendSettings.key(name, s));
        }
        return k;
    }
}
