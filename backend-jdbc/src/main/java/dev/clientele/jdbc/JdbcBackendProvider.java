package dev.clientele.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.clientele.jdbc.internal.H2Files;
import dev.clientele.jdbc.internal.Mapping;
import dev.clientele.jdbc.internal.Pools;
import dev.clientele.jdbc.internal.mapped.FieldMap;
import dev.clientele.jdbc.internal.mapped.MappedSettings;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import dev.clientele.spi.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The provider of type {@code jdbc}, found with {@link java.util.ServiceLoader}. Settings, under
 * {@code clientele.backend.NAME.}:
 * <ul>
 *   <li>{@code url} — the JDBC URL; default {@value #DEFAULT_URL} (an H2 file database in the working directory); a
 *       relative H2 file path is resolved against the configuration file's folder;
 *       PostgreSQL: {@code jdbc:postgresql://host:5432/database};</li>
 *   <li>{@code user}, {@code password} — the database login (the password is a secret: never shown);</li>
 *   <li>{@code pool-size} — the most connections of the pool, 1 to 1000, default 10;</li>
 *   <li>{@code connection-timeout} — how long to wait for a connection before an operation fails with
 *       {@link dev.clientele.BackendUnavailableException}, default {@code 5s} (at least 250 ms); also the connect
 *       and login timeout on PostgreSQL;</li>
 *   <li>{@code socket-timeout} — how long to wait for an answer from PostgreSQL, default {@code 60s}
 *       ({@code 0} for no limit);</li>
 *   <li>{@code schema-mode} — {@code manage} (default: migrate at start), {@code validate} (refuse to start on a
 *       missing or outdated schema) or {@code none} (see {@link SchemaMode});</li>
 *   <li>{@code schema} — the schema of the tables (default: the connection's);</li>
 *   <li>{@code read-only} — {@code true} to refuse every write but customer state, default {@code false};</li>
 *   <li>{@code search-timeout} — how long one search statement may run before the database cancels it (the search
 *       then fails with {@link dev.clientele.BackendUnavailableException}), default {@code 10s}, {@code 0} for no
 *       limit;</li>
 *   <li>{@code search-concurrency} — the most searches running at once, default half the {@code pool-size} (5 over
 *       a host's data source); a further search waits for a turn up to {@code connection-timeout}, so lookups and
 *       logins always find a connection while searches run;</li>
 *   <li>{@code preset} ({@code znuny7}, {@code znuny6}, {@code otrs6}), {@code mapping.*} and
 *       {@code login-case-sensitive} — the mapped mode on a Znuny/OTRS database's own tables (see
 *       {@link dev.clientele.jdbc.internal.mapped.MappedSettings}); there {@code schema-mode} is {@code validate} by
 *       default and {@code manage} is refused.</li>
 * </ul>
 * Every problem with the settings is reported at once in a {@link dev.clientele.ConfigurationException} naming the
 * keys; so are a URL no driver takes and credentials the database refuses (the password masked). A database that
 * cannot be reached at start gives a {@link dev.clientele.BackendUnavailableException}.
 *
 * <p>{@link #over(DataSource)} is the provider for a host that owns a data source (a Spring {@code DataSource}
 * bean): a {@code jdbc} back-end without a {@code url} of its own then works over the host's connections, with the
 * same settings otherwise, and never closes them.
 */
public final class JdbcBackendProvider implements CustomerBackendProvider {
    /** The type named in configuration. */
    public static final String TYPE = "jdbc";
    /** The default URL: an H2 file database under {@code ./clientele-data}. */
    public static final String DEFAULT_URL = "jdbc:h2:./clientele-data/clientele";

    /** Setting: JDBC URL. */
    public static final String URL = "url";
    /** Setting: database user. */
    public static final String USER = "user";
    /** Setting: database password (secret). */
    public static final String PASSWORD = "password";
    /** Setting: most connections in the pool. */
    public static final String POOL_SIZE = "pool-size";
    /** Setting: longest wait for a connection. */
    public static final String CONNECTION_TIMEOUT = "connection-timeout";
    /** Setting: longest wait for an answer (PostgreSQL). */
    public static final String SOCKET_TIMEOUT = "socket-timeout";
    /** Setting: manage, validate or none. */
    public static final String SCHEMA_MODE = "schema-mode";
    /** Setting: schema of the tables. */
    public static final String SCHEMA = "schema";
    /** Setting: read-only customer data. */
    public static final String READ_ONLY = "read-only";
    /** Setting: longest run of one search statement. */
    public static final String SEARCH_TIMEOUT = "search-timeout";
    /** Setting: most searches at once. */
    public static final String SEARCH_CONCURRENCY = "search-concurrency";

    /** Settings that only a pool of the back-end's own uses. */
    private static final List<String> POOL_SETTINGS = List.of(USER, PASSWORD, POOL_SIZE, CONNECTION_TIMEOUT,
            SOCKET_TIMEOUT);

    private final @Nullable DataSource host;

    /** For {@link java.util.ServiceLoader}. */
    public JdbcBackendProvider() {
        this.host = null;
    }

    private JdbcBackendProvider(DataSource host) {
        this.host = host;
    }

    /**
     * A provider whose back-ends use the host's data source unless they set a {@code url} (then they open a pool of
     * their own, as usual). Register it with {@code CustomerDirectory.builder().provider(...)}; it takes precedence
     * over the one found on the class path. The data source stays the host's: closing the back-end leaves it open.
     * Pool settings ({@code user}, {@code password}, {@code pool-size}, {@code connection-timeout},
     * {@code socket-timeout}) without a {@code url} are refused, since the host's pool decides them.
     */
    public static JdbcBackendProvider over(DataSource hostDataSource) {
        return new JdbcBackendProvider(Objects.requireNonNull(hostDataSource, "hostDataSource"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CustomerBackend create(BackendSettings settings) {
        String name = settings.name();
        BackendSettings.Reader r = settings.reader();
        boolean onHost = host != null && r.optional(URL).isEmpty();
        if (onHost) {
            POOL_SETTINGS.stream().filter(k -> settings.keys().contains(k)).forEach(k -> r.problem(k,
                    "applies only to a pool of the back-end's own: without a url it uses the application's"
                            + " DataSource (set url to open a pool, or configure the DataSource)"));
        }
        String url = H2Files.resolve(r.string(URL, DEFAULT_URL), settings);
        String user = r.optional(USER).orElse(null);
        char[] password = r.secret(PASSWORD).orElse(null);
        int poolSize = r.integer(POOL_SIZE, 10, 1, 1000);
        Duration connectionTimeout = r.duration(CONNECTION_TIMEOUT, Duration.ofSeconds(5));
        Duration socketTimeout = r.duration(SOCKET_TIMEOUT, Duration.ofSeconds(60));
        boolean mappedMode = MappedSettings.wanted(settings);
        String mode = r.string(SCHEMA_MODE, (mappedMode ? SchemaMode.VALIDATE : SchemaMode.MANAGE).key());
        String schema = r.optional(SCHEMA).orElse(null);
        boolean readOnly = r.bool(READ_ONLY, false);
        Duration searchTimeout = r.duration(SEARCH_TIMEOUT, JdbcOptions.DEFAULT_SEARCH_TIMEOUT);
        int searchConcurrency = r.integer(SEARCH_CONCURRENCY,
                onHost ? JdbcOptions.DEFAULT_SEARCH_CONCURRENCY : Math.max(1, poolSize / 2), 1, 1000);

        if (!url.startsWith("jdbc:")) {
            r.problem(URL, "must be a JDBC URL such as jdbc:h2:./data/clientele or jdbc:postgresql://host/db, was '"
                    + Secrets.masked(url) + "'");
        }
        if (connectionTimeout.toMillis() < 250 || connectionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            r.problem(CONNECTION_TIMEOUT, "must be between 250ms and 10m, was " + connectionTimeout);
        }
        if (searchTimeout.isNegative() || (!searchTimeout.isZero() && searchTimeout.toMillis() < 1000)) {
            r.problem(SEARCH_TIMEOUT, "must be 0 (no limit) or at least 1s, was " + searchTimeout);
            searchTimeout = JdbcOptions.DEFAULT_SEARCH_TIMEOUT;
        }
        if (socketTimeout.isNegative()) {
            r.problem(SOCKET_TIMEOUT, "must not be negative, was " + socketTimeout);
        }
        SchemaMode schemaMode = SchemaMode.MANAGE;
        try {
            schemaMode = SchemaMode.parse(mode);
        } catch (IllegalArgumentException e) {
            r.problem(SCHEMA_MODE, e.getMessage());
        }
        if (schema != null && !Mapping.isIdentifier(schema)) {
            r.problem(SCHEMA, "must be a plain SQL identifier (letters, digits and _, not starting with a digit),"
                    + " was '" + schema + "'");
            schema = null;
        }
        if (mappedMode && schemaMode == SchemaMode.MANAGE) {
            r.problem(SCHEMA_MODE, "cannot be manage in mapped mode: the mapped mode never migrates a foreign schema"
                    + " (use validate, the default, or none)");
        }
        FieldMap mapped = MappedSettings.read(settings, r, schema).orElse(null);
        r.rejectUnknownKeys().done();

        JdbcOptions options = JdbcOptions.defaults().withSchemaMode(schemaMode).withSchema(schema)
                .withReadOnly(readOnly).withSearchTimeout(searchTimeout).withSearchConcurrency(searchConcurrency);
        if (onHost) {
            return JdbcBackend.start(name, host, null, options, mapped);
        }
        HikariDataSource pool = Pools.open(new Pools.PoolSettings(name, url, user, password, poolSize,
                connectionTimeout, socketTimeout, Pools.keys(name)));
        return JdbcBackend.start(name, pool, pool, options, mapped);
    }
}
