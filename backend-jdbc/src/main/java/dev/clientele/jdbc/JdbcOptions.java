package dev.clientele.jdbc;

import dev.clientele.jdbc.internal.Mapping;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link JdbcBackend} uses its database, whoever made the connections: the schema mode, the schema its tables
 * live in, whether its customer data is read-only, and the bounds of its searches (a statement timeout, and how many
 * run at once, so that lookups and logins always find a connection while searches run). Immutable; each {@code with...} checks its argument at once
 * and returns a changed copy.
 *
 * <pre>{@code
 * JdbcOptions options = JdbcOptions.defaults().withSchema("helpdesk").withSchemaMode(SchemaMode.VALIDATE);
 * }</pre>
 */
public final class JdbcOptions {
    private final SchemaMode schemaMode;
    private final @Nullable String schema;
    private final boolean readOnly;
    private final Duration searchTimeout;
    private final int searchConcurrency;

    /** The default {@link #searchTimeout()}: 10 seconds. */
    public static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@link #searchConcurrency()}: 5 (half of the default pool of the back-end's own). */
    public static final int DEFAULT_SEARCH_CONCURRENCY = 5;

    private JdbcOptions(SchemaMode schemaMode, @Nullable String schema, boolean readOnly, Duration searchTimeout,
            int searchConcurrency) {
        this.schemaMode = schemaMode;
        this.schema = schema;
        this.readOnly = readOnly;
        this.searchTimeout = searchTimeout;
        this.searchConcurrency = searchConcurrency;
    }

    /**
     * Schema mode {@link SchemaMode#MANAGE}, the connection's default schema, writable, searches cut after
     * {@link #DEFAULT_SEARCH_TIMEOUT}, at most {@value #DEFAULT_SEARCH_CONCURRENCY} at once.
     */
    public static JdbcOptions defaults() {
        return new JdbcOptions(SchemaMode.MANAGE, null, false, DEFAULT_SEARCH_TIMEOUT, DEFAULT_SEARCH_CONCURRENCY);
    }

    public SchemaMode schemaMode() {
        return schemaMode;
    }

    /** The schema of the tables; {@code null} means the connection's default schema. */
    public @Nullable String schema() {
        return schema;
    }

    /** True if customers, credentials, companies, groups and links are not written (customer state still is). */
    public boolean readOnly() {
        return readOnly;
    }

    public JdbcOptions withSchemaMode(SchemaMode mode) {
        return new JdbcOptions(Objects.requireNonNull(mode, "mode"), schema, readOnly, searchTimeout,
                searchConcurrency);
    }

    /**
     * The schema to keep the tables in (created by {@link SchemaMode#MANAGE} if missing); {@code null} for the
     * connection's default.
     *
     * @throws IllegalArgumentException unless it is a plain SQL identifier (letters, digits, underscore)
     */
    public JdbcOptions withSchema(@Nullable String schema) {
        if (schema != null && !Mapping.isIdentifier(schema)) {
            throw new IllegalArgumentException("schema must be a plain SQL identifier (letters, digits and _, not"
                    + " starting with a digit, at most 63 characters), was '" + schema + "'");
        }
        return new JdbcOptions(schemaMode, schema, readOnly, searchTimeout, searchConcurrency);
    }

    public JdbcOptions withReadOnly(boolean readOnly) {
        return new JdbcOptions(schemaMode, schema, readOnly, searchTimeout, searchConcurrency);
    }

    /** How long one search statement may run before the database cancels it; {@link Duration#ZERO}: no limit. */
    public Duration searchTimeout() {
        return searchTimeout;
    }

    /** The most searches that run at once; a further one waits for a turn up to the connection timeout. */
    public int searchConcurrency() {
        return searchConcurrency;
    }

    /**
     * The longest a search statement may run (whole seconds, as JDBC counts them); {@link Duration#ZERO} for no
     * limit.
     *
     * @throws IllegalArgumentException if negative, or not zero and under one second
     */
    public JdbcOptions withSearchTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || (!timeout.isZero() && timeout.compareTo(Duration.ofSeconds(1)) < 0)) {
            throw new IllegalArgumentException("search timeout must be 0 (no limit) or at least 1s, was " + timeout);
        }
        return new JdbcOptions(schemaMode, schema, readOnly, timeout, searchConcurrency);
    }

    /**
     * The most searches that run at once (at least 1): keep it below the pool size so that lookups and logins find a
     * connection while searches run.
     *
     * @throws IllegalArgumentException if below 1
     */
    public JdbcOptions withSearchConcurrency(int searches) {
        if (searches < 1) {
            throw new IllegalArgumentException("search concurrency must be at least 1, was " + searches);
        }
        return new JdbcOptions(schemaMode, schema, readOnly, searchTimeout, searches);
    }

    @Override
    public String toString() {
        return "JdbcOptions[schemaMode=" + schemaMode.key() + ", schema=" + (schema == null ? "(default)" : schema)
                + ", readOnly=" + readOnly + ", searchTimeout=" + searchTimeout + ", searchConcurrency="
                + searchConcurrency + "]";
    }
}
