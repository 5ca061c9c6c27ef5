package dev.clientele.jdbc;

import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh Znuny 7 database for a test, built from the DDL in {@code znuny/znuny7-schema.sql}: on H2 in PostgreSQL
 * mode (an in-memory database of its own) or in a fresh schema of the shared embedded PostgreSQL (with the
 * {@code LOWER(...)} indexes the README advises). {@link #settings()} are those of a {@code jdbc} back-end with
 * preset {@code znuny7} on it.
 */
public final class ZnunyDatabase {
    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private ZnunyDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** A fresh H2 database in PostgreSQL mode holding the Znuny tables. */
    public static ZnunyDatabase h2() {
        ZnunyDatabase db = new ZnunyDatabase("jdbc:h2:mem:znuny" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "",
                null);
        db.run("znuny/znuny7-schema.sql");
        return db;
    }

    /** A fresh schema of the shared PostgreSQL holding the Znuny tables and the advised indexes. */
    public static ZnunyDatabase postgres() {
        PostgresServer server = PostgresServer.shared();
        String schema = "znuny_" + PostgresServer.freshSchema();
        ZnunyDatabase db = new ZnunyDatabase(server.url(), "postgres", "postgres", schema);
        db.execute("CREATE SCHEMA " + schema);
        db.run("znuny/znuny7-schema.sql");
        db.run("znuny/znuny-lower-indexes.postgresql.sql");
        return db;
    }

    public String url() {
        return url;
    }

    String schema() {
        return schema;
    }

    /** The back-end settings: preset znuny7 on this database (and schema). */
    public Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("url", url);
        s.put("user", user);
        if (!password.isEmpty()) {
            s.put("password", password);
        }
        if (schema != null) {
            s.put("schema", schema);
        }
        s.put("preset", "znuny7");
        s.put("pool-size", "5");
        return s;
    }

    CustomerBackend backend(String name) {
        return backend(name, Map.of());
    }

    CustomerBackend backend(String name, Map<String, String> more) {
        Map<String, String> s = settings();
        s.putAll(more);
        return new JdbcBackendProvider().create(BackendSettings.of(name, "jdbc", s));
    }

    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        if (schema != null) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + schema);
            }
        }
        return c;
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a script of the class path: statements end with a ';' at the end of a line; '--' lines are comments. */
    void run(String resource) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements(resource)) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static List<String> statements(String resource) {
        String text;
        try (InputStream in = ZnunyDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("--") || line.isBlank()) {
                continue;
            }
            sb.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String s = sb.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                sb.setLength(0);
            }
        }
        return out;
    }
}
