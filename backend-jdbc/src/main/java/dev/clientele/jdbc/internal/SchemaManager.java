package dev.clientele.jdbc.internal;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.jdbc.SchemaMode;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The back-end's own schema, versioned with Flyway: migrations in {@code db/clientele/<database>/migration}, history
 * in the table {@value #HISTORY_TABLE}. {@link SchemaMode#MANAGE} migrates at start, {@link SchemaMode#VALIDATE}
 * refuses to start on a missing or outdated schema, {@link SchemaMode#NONE} leaves the database alone.
 */
public final class SchemaManager {
    /** The Flyway history table of the back-end's schema. */
    public static final String HISTORY_TABLE = "clientele_schema_history";

    private SchemaManager() {
    }

    /**
     * Applies the mode at start.
     *
     * @param schemaInDb the schema as the database stores unquoted names (upper-case on H2), or {@code null}
     * @param upperCase  true if the database stores unquoted names in upper case (H2): the history table is named
     *                   so too, so that it can be queried without quotes like the other tables
     * @param modeKey    the full configuration key of the schema mode, for messages
     */
    public static void apply(String backendName, DataSource dataSource, Dialect dialect, SchemaMode mode,
            String schemaInDb, boolean upperCase, String modeKey) {
        if (mode == SchemaMode.NONE) {
            return;
        }
        FluentConfiguration config = Flyway.configure(SchemaManager.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .table(upperCase ? HISTORY_TABLE.toUpperCase(java.util.Locale.ROOT) : HISTORY_TABLE)
                .failOnMissingLocations(true)
                // Through SLF4J, like the rest of Clientele (Flyway's "auto" may pick java.util.logging on stderr).
                .loggers("slf4j")
                .cleanDisabled(true);
        if (schemaInDb != null) {
            config.schemas(schemaInDb).defaultSchema(schemaInDb).createSchemas(mode == SchemaMode.MANAGE);
        }
        Flyway flyway = config.load();
        String where = schemaInDb == null ? "" : " in schema " + schemaInDb;
        try {
            if (mode == SchemaMode.MANAGE) {
                flyway.migrate();
                return;
            }
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            MigrationInfo[] pending = info.pending();
            String latest = latest(info);
            if (current == null) {
                throw new ConfigurationException(modeKey, "is validate but the database has no Clientele schema"
                        + where + " (no table " + HISTORY_TABLE + "); start once with schema-mode = manage, or apply"
                        + " the migrations of " + dialect.migrations() + " up to version " + latest);
            }
            if (pending.length > 0) {
                throw new ConfigurationException(modeKey, "is validate but the Clientele schema" + where
                        + " is outdated: it is at version " + current.getVersion() + ", this version needs " + latest
                        + " (pending: " + Arrays.stream(pending).map(p -> p.getVersion() + " " + p.getDescription())
                                .collect(Collectors.joining(", "))
                        + "); start with schema-mode = manage to migrate it");
            }
            ValidateResult result = flyway.validateWithResult();
            if (!result.validationSuccessful) {
                throw new ConfigurationException(modeKey, "is validate but the Clientele schema" + where
                        + " does not match this version: " + result.getAllErrorMessages());
            }
        } catch (FlywayException e) {
            SQLException sql = sqlCause(e);
            if (sql != null && Database.isConnectionProblem(sql)) {
                throw new BackendUnavailableException(backendName, "checking the database schema failed: "
                        + Database.describe(sql), SqlErrors.scrubbed(e));
            }
            throw new ConfigurationException(modeKey, "the database schema" + where + " could not be "
                    + (mode == SchemaMode.MANAGE ? "migrated" : "validated") + ": " + SqlErrors.scrub(e.getMessage()),
                    SqlErrors.scrubbed(e));
        }
    }

    private static String latest(MigrationInfoService info) {
        MigrationInfo[] all = info.all();
        String v = "?";
        for (MigrationInfo m : all) {
            if (m.getVersion() != null) {
                v = m.getVersion().toString();
            }
        }
        return v;
    }

    private static SQLException sqlCause(Throwable e) {
        Throwable t = e;
        for (int i = 0; t != null && i < 10; i++) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
            t = t.getCause();
        }
        return null;
    }
}
