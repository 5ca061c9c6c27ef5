package dev.clientele.jdbc;

import dev.clientele.jdbc.internal.Mapping;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link JdbcBackend} uses its database, whoever made the connections: the schema mode, the schema its tables
 * live in, and whether its customer data is read-only. Immutable; each {@code with...} checks its argument at once
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

    private JdbcOptions(SchemaMode schemaMode, @Nullable String schema, boolean readOnly) {
        this.schemaMode = schemaMode;
        this.schema = schema;
        this.readOnly = readOnly;
    }

    /** Schema mode {@link SchemaMode#MANAGE}, the connection's default schema, writable. */
    public static JdbcOptions defaults() {
        return new JdbcOptions(SchemaMode.MANAGE, null, false);
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
        return new JdbcOptions(Objects.requireNonNull(mode, "mode"), schema, readOnly);
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
        return new JdbcOptions(schemaMode, schema, readOnly);
    }

    public JdbcOptions withReadOnly(boolean readOnly) {
        return new JdbcOptions(schemaMode, schema, readOnly);
    }

    @Override
    public String toString() {
        return "JdbcOptions[schemaMode=" + schemaMode.key() + ", schema=" + (schema == null ? "(default)" : schema)
                + ", readOnly=" + readOnly + "]";
    }
}
