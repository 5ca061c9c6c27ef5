package dev.clientele.jdbc;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.jdbc.internal.Dialect;
import dev.clientele.jdbc.internal.JdbcAccessReader;
import dev.clientele.jdbc.internal.JdbcCompanyStore;
import dev.clientele.jdbc.internal.JdbcCredentialStore;
import dev.clientele.jdbc.internal.JdbcCustomerStore;
import dev.clientele.jdbc.internal.JdbcGroupStore;
import dev.clientele.jdbc.internal.JdbcLoginReader;
import dev.clientele.jdbc.internal.JdbcMembershipStore;
import dev.clientele.jdbc.internal.JdbcStateStore;
import dev.clientele.jdbc.internal.Mapping;
import dev.clientele.jdbc.internal.PgCacheChannel;
import dev.clientele.jdbc.internal.Pools;
import dev.clientele.jdbc.internal.SchemaManager;
import dev.clientele.jdbc.internal.SqlErrors;
import dev.clientele.jdbc.internal.mapped.FieldMap;
import dev.clientele.jdbc.internal.mapped.MappedSchema;
import dev.clientele.jdbc.internal.mapped.MappedStores;
import dev.clientele.spi.AccessReader;
import dev.clientele.spi.CacheChannel;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.LoginReader;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.StateStore;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.Secrets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A back-end that keeps customers, credentials, companies, groups, links and customer state in a relational
 * database: H2 (embedded, the default) or PostgreSQL. Plain JDBC over a connection pool, one table per kind of data,
 * created and upgraded by versioned migrations (see {@link SchemaMode}).
 *
 * <p>Made from configuration ({@code clientele.backend.NAME.type = jdbc}, see {@link JdbcBackendProvider}), or in
 * code over a {@link DataSource} the host application owns:
 * <pre>{@code
 * JdbcBackend backend = JdbcBackend.create("local", hostDataSource, JdbcOptions.defaults().withSchema("helpdesk"));
 * try (CustomerDirectory directory = CustomerDirectory.builder().backend(backend).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Every directory operation that writes more than once runs in one database transaction
 * ({@link #atomically(Supplier)}, bound to the thread; nested calls join). A database that cannot be reached makes
 * every operation throw {@link BackendUnavailableException} within the connection timeout; once it is back, the
 * back-end works again. {@link #close()} closes the pool the back-end made, never a data source it was handed.
 */
public final class JdbcBackend implements CustomerBackend {
    /** The provider type: {@code jdbc}. */
    public static final String TYPE = JdbcBackendProvider.TYPE;

    private final String name;
    private final Database db;
    private final @Nullable AutoCloseable owned;
    private final String description;
    private final CustomerStore customers;
    private final @Nullable CredentialStore credentials;
    private final CompanyStore companies;
    private final GroupStore groups;
    private final MembershipStore memberships;
    private final StateStore state;
    private final @Nullable AccessReader accessReader;
    private final @Nullable LoginReader loginReader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PgCacheChannel notifications;

    private JdbcBackend(String name, Database db, DataSource dataSource, @Nullable AutoCloseable owned,
            String description, @Nullable FieldMap mapped) {
        this.name = name;
        this.notifications = new PgCacheChannel(name, dataSource, db);
        this.db = db;
        this.owned = owned;
        this.description = description;
        if (mapped != null) {
            MappedStores s = MappedStores.open(name, db, mapped);
            this.customers = s.customers();
            this.credentials = s.credentials();
            this.companies = s.companies();
            this.groups = s.groups();
            this.memberships = s.memberships();
            this.state = s.state();
            this.accessReader = null;
            this.loginReader = null;
            return;
        }
        this.customers = new JdbcCustomerStore(db);
        JdbcCredentialStore ownCredentials = new JdbcCredentialStore(db);
        this.credentials = ownCredentials;
        JdbcCompanyStore ownCompanies = new JdbcCompanyStore(db);
        JdbcGroupStore ownGroups = new JdbcGroupStore(db);
        JdbcMembershipStore ownMemberships = new JdbcMembershipStore(db);
        this.companies = ownCompanies;
        this.groups = ownGroups;
        this.memberships = ownMemberships;
        JdbcStateStore ownState = new JdbcStateStore(db);
        this.state = ownState;
        this.accessReader = new JdbcAccessReader(db, ownMemberships, ownGroups, ownCompanies);
        this.loginReader = new JdbcLoginReader(db, ownCredentials, ownState);
    }

    /** A back-end over the host's data source, with {@link JdbcOptions#defaults()}. The host keeps owning it. */
    public static JdbcBackend create(String name, DataSource dataSource) {
        return create(name, dataSource, JdbcOptions.defaults());
    }

    /**
     * A back-end over the host's data source: it connects once to find out the database, applies the schema mode,
     * and is ready. The data source stays the host's: {@link #close()} leaves it open.
     *
     * @throws ConfigurationException      if the database is not supported, or the schema is missing or outdated
     *                                     in {@link SchemaMode#VALIDATE} mode
     * @throws BackendUnavailableException if the database cannot be reached
     */
    public static JdbcBackend create(String name, DataSource dataSource, JdbcOptions options) {
        checkName(name);
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        return start(name, dataSource, null, options);
    }

    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a back-end name must not be blank");
        }
    }

    /** Starts a back-end; {@code owned} (the pool made from settings, or null) is closed with it or on failure. */
    static JdbcBackend start(String name, DataSource dataSource, @Nullable AutoCloseable owned, JdbcOptions options) {
        return start(name, dataSource, owned, options, null);
    }

    /**
     * Starts a back-end in the own schema, or — with a field map — in mapped mode on someone else's tables, which
     * it never migrates: {@link SchemaMode#VALIDATE} checks the mapped tables and columns, {@link SchemaMode#NONE}
     * trusts them, {@link SchemaMode#MANAGE} is refused.
     */
    static JdbcBackend start(String name, DataSource dataSource, @Nullable AutoCloseable owned, JdbcOptions options,
            @Nullable FieldMap mapped) {
        try {
            return doStart(name, dataSource, owned, options, mapped);
        } catch (RuntimeException e) {
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static JdbcBackend doStart(String name, DataSource dataSource, @Nullable AutoCloseable owned,
            JdbcOptions options, @Nullable FieldMap mapped) {
        String product;
        String version;
        String url;
        boolean upperCase;
        boolean lowerCase;
        int isolation;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            product = meta.getDatabaseProductName();
            version = meta.getDatabaseProductVersion();
            url = meta.getURL();
            upperCase = meta.storesUpperCaseIdentifiers();
            lowerCase = meta.storesLowerCaseIdentifiers();
            isolation = c.getTransactionIsolation();
        } catch (SQLException e) {
            throw new BackendUnavailableException(name, "cannot connect to the database: " + Database.describe(e),
                    SqlErrors.scrubbed(e));
        }
        Dialect dialect = Dialect.ofProduct(product).orElseThrow(() -> new ConfigurationException(
                BackendSettings.key(name, "url"), "names a " + product
                        + " database, which the jdbc back-end does not support (" + Dialect.supported() + ")"));
        String schema = options.schema();
        String schemaInDb = schema == null ? null
                : upperCase ? schema.toUpperCase(Locale.ROOT) : lowerCase ? schema.toLowerCase(Locale.ROOT) : schema;
        if (mapped == null) {
            SchemaManager.apply(name, dataSource, dialect, options.schemaMode(), schemaInDb, upperCase,
                    BackendSettings.key(name, "schema-mode"));
        } else if (options.schemaMode() == SchemaMode.MANAGE) {
            throw new ConfigurationException(BackendSettings.key(name, "schema-mode"), "cannot be manage in mapped"
                    + " mode: the mapped mode never migrates a foreign schema (use validate, the default, or none)");
        } else if (options.schemaMode() == SchemaMode.VALIDATE) {
            MappedSchema.check(name, dataSource, mapped);
        }
        Database db = new Database(name, dataSource, dialect, Mapping.inSchema(schema),
                isolation != Connection.TRANSACTION_READ_COMMITTED, options.readOnly());
        db.boundSearches(options.searchTimeout(), options.searchConcurrency());
        String description = TYPE + " back-end '" + name + "': " + dialect.productName() + " " + version + " at "
                + (url == null ? "(unknown URL)" : Secrets.masked(url))
                + (schema == null ? "" : ", schema " + schema)
                + (mapped == null ? "" : ", mapped on the " + mapped.preset().key() + " tables")
                + (owned == null ? " (connections of the host)" : "") + (options.readOnly() ? " (read-only)" : "");
        return new JdbcBackend(name, db, dataSource, owned, description, mapped);
    }

    /** True if customers, credentials, companies, groups and links are not written (customer state still is). */
    public boolean readOnly() {
        return db.readOnly();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<CustomerStore> customers() {
        return Optional.of(customers);
    }

    @Override
    public Optional<CredentialStore> credentials() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public Optional<CompanyStore> companies() {
        return Optional.of(companies);
    }

    @Override
    public Optional<GroupStore> groups() {
        return Optional.of(groups);
    }

    @Override
    public Optional<MembershipStore> memberships() {
        return Optional.of(memberships);
    }

    @Override
    public Optional<StateStore> state() {
        return Optional.of(state);
    }

    /** The customer with its links, groups and company in one statement; none over a mapped (Znuny) schema. */
    @Override
    public Optional<AccessReader> accessReader() {
        return Optional.ofNullable(accessReader);
    }

    /** The customer, its hash and its login state in one statement ({@link JdbcLoginReader}); none over Znuny. */
    @Override
    public Optional<LoginReader> loginReader() {
        return Optional.ofNullable(loginReader);
    }

    /** Runs {@code work} in one database transaction, bound to the calling thread; nested calls join the outer one. */
    @Override
    public <T extends @Nullable Object> T atomically(Supplier<T> work) {
        return db.atomically(work);
    }

    /** One connection for the whole call, borrowed at its first statement ({@link Database#inSession}). */
    @Override
    public <T extends @Nullable Object> T inSession(Supplier<T> work) {
        return db.inSession(work);
    }

    /**
     * On PostgreSQL, its {@code LISTEN}/{@code NOTIFY} channel {@value PgCacheChannel#CHANNEL}, which keeps one
     * connection of the data source for listening (see docs/scale-out.md); none on H2 (the cache TTL is the bound).
     */
    @Override
    public Optional<CacheChannel> cacheChannel() {
        if (db.dialect() != Dialect.POSTGRESQL || closed.get()) {
            return Optional.empty();
        }
        return Optional.of(notifications.channel());
    }

    /** The gauges of the pool this back-end made from its settings; none over a host's data source. */
    @Override
    public Map<String, LongSupplier> gauges() {
        return Pools.gauges(owned);
    }

    @Override
    public String describe() {
        return description;
    }

    /** Closes the connection pool this back-end made from its settings; a host's data source stays open. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        notifications.stop();
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (Exception e) {
            throw new BackendUnavailableException(name, "closing the connection pool failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "JdbcBackend[" + name + "]";
    }
}
