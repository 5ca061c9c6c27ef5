package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.Group;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The versioned schema and the schema modes")
class SchemaMigrationTest {

    /** One database kind: how to get an empty database and how it spells the schema. */
    abstract static class Modes {
        abstract DataSource emptyDatabase();

        /** The schema to test in, as the database stores it. */
        abstract String schema();

        /** The schema as written in the options (the database folds the case of unquoted names). */
        abstract String schemaOption();

        private JdbcBackend start(DataSource ds, SchemaMode mode) {
            return JdbcBackend.create("local", ds, JdbcOptions.defaults().withSchema(schemaOption())
                    .withSchemaMode(mode));
        }

        private List<String> history(DataSource ds) throws SQLException {
            List<String> out = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM " + schemaOption()
                            + ".clientele_schema_history WHERE \"version\" IS NOT NULL AND \"type\" = 'SQL'"
                            + " ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getBoolean(2));
                }
            }
            return out;
        }

        private void execute(DataSource ds, String sql) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Test
        @DisplayName("manage creates the schema and its tables from empty, recording version 1 in clientele_schema_history")
        void fromEmpty() throws SQLException {
            DataSource ds = emptyDatabase();
            try (JdbcBackend b = start(ds, SchemaMode.MANAGE)) {
                b.groups().orElseThrow().insert(Group.of("support"));
                assertThat(b.customers().orElseThrow().count()).isZero();
            }
            assertThat(history(ds)).containsExactly("1:true");
        }

        @Test
        @DisplayName("a restart on an existing schema keeps the data and applies nothing again")
        void restart() throws SQLException {
            DataSource ds = emptyDatabase();
            try (JdbcBackend b = start(ds, SchemaMode.MANAGE)) {
                b.groups().orElseThrow().insert(Group.of("support"));
            }
            try (JdbcBackend b = start(ds, SchemaMode.MANAGE)) {
                assertThat(b.groups().orElseThrow().find("support")).isPresent();
            }
            try (JdbcBackend b = start(ds, SchemaMode.VALIDATE)) {
                assertThat(b.groups().orElseThrow().list()).extracting(Group::name).containsExactly("support");
            }
            assertThat(history(ds)).containsExactly("1:true");
        }

        @Test
        @DisplayName("validate on an empty database refuses to start, naming schema-mode and the missing schema")
        void validateMissing() {
            DataSource ds = emptyDatabase();

            assertThatExceptionOfType(ConfigurationException.class)
                    .isThrownBy(() -> start(ds, SchemaMode.VALIDATE))
                    .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                            .containsExactly("clientele.backend.local.schema-mode"))
                    .withMessageContaining("has no Clientele schema")
                    .withMessageContaining("clientele_schema_history");
        }

        @Test
        @DisplayName("validate on an outdated schema refuses to start, saying which version it is at and which it needs")
        void validateOutdated() {
            DataSource ds = emptyDatabase();
            // an installation of an older release: its history ends before version 1
            Flyway.configure().dataSource(ds).schemas(schema()).createSchemas(true).table(schema().equals(schemaOption()) ? "clientele_schema_history" : "CLIENTELE_SCHEMA_HISTORY")
                    .baselineVersion("0.9").load().baseline();

            assertThatExceptionOfType(ConfigurationException.class)
                    .isThrownBy(() -> start(ds, SchemaMode.VALIDATE))
                    .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                            .containsExactly("clientele.backend.local.schema-mode"))
                    .withMessageContaining("is outdated: it is at version 0.9, this version needs 1");
        }

        @Test
        @DisplayName("validate on a schema whose migration was changed refuses to start")
        void validateChanged() throws SQLException {
            DataSource ds = emptyDatabase();
            start(ds, SchemaMode.MANAGE).close();
            execute(ds, "UPDATE " + schemaOption() + ".clientele_schema_history SET \"checksum\" = 42 WHERE \"version\" = '1'");

            assertThatExceptionOfType(ConfigurationException.class)
                    .isThrownBy(() -> start(ds, SchemaMode.VALIDATE))
                    .withMessageContaining("clientele.backend.local.schema-mode")
                    .withMessageContaining("does not match this version");
        }

        @Test
        @DisplayName("none leaves an empty database alone: no tables, so operations fail as unavailable")
        void noneTouchesNothing() {
            DataSource ds = emptyDatabase();
            try (JdbcBackend b = start(ds, SchemaMode.NONE)) {
                assertThatExceptionOfType(BackendUnavailableException.class)
                        .isThrownBy(() -> b.customers().orElseThrow().count());
            }
        }
    }

    @Nested
    @DisplayName("on H2")
    class OnH2 extends Modes {
        @Override
        DataSource emptyDatabase() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(JdbcH2ContractTest.freshUrl());
            return ds;
        }

        @Override
        String schema() {
            return "HELPDESK";
        }

        @Override
        String schemaOption() {
            return "helpdesk";
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends Modes {
        private String schema;

        @Override
        DataSource emptyDatabase() {
            schema = PostgresServer.freshSchema();
            return PostgresServer.shared().dataSource();
        }

        @Override
        String schema() {
            return schema;
        }

        @Override
        String schemaOption() {
            return schema;
        }
    }
}
