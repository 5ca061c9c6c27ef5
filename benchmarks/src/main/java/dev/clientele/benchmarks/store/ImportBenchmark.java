package dev.clientele.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.jdbc.JdbcBackend;
import dev.clientele.jdbc.JdbcOptions;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bulk import against a hand-written JDBC batch, side by side in one run on the same generated rows: for each store
 * and iteration, {@value #DEFAULT_ROWS} customers (no passwords: no hashing) go into an empty store — a fresh H2 file
 * database or a fresh PostgreSQL database, migrated by the back-end, outside the timed part — once through
 * {@link CustomerDirectory#importCustomers(Iterable, ImportOptions)} (default options: batches of 1,000, unique
 * emails) and once through {@code INSERT INTO clientele_customers (...) VALUES (?, ...)} into every column the store
 * writes, with the store's key and search values, in JDBC batches of 1,000, one commit per batch (as the import
 * commits per batch). The order of the two alternates per iteration. PostgreSQL is the embedded one of the suite,
 * with {@code synchronous_commit} on as in production.
 *
 * <pre>
 * java -jar benchmarks/target/clientele-benchmarks.jar import [--stores=h2,postgres] [--rows=100000]
 *     [--warmups=1] [--iterations=5]
 * </pre>
 *
 * Prints each timed run, then per store the median rows/s of the raw batch and of the import and the ratio of their
 * median times (Clientele ÷ raw: 1.10 means the import takes 10% longer).
 */
public final class ImportBenchmark {
    static final int DEFAULT_ROWS = 100_000;
    private static final int RAW_BATCH = 1_000;
    private static final String TABLE = "clientele_customers";
    private static int databases;
    private static EmbeddedPostgres postgres;

    private ImportBenchmark() {
    }

    public static void main(String[] args) {
        String stores = "h2,postgres";
        int rows = DEFAULT_ROWS;
        int warmups = 1;
        int iterations = 5;
        for (String a : args) {
            if (a.startsWith("--stores=")) {
                stores = a.substring("--stores=".length());
            } else if (a.startsWith("--rows=")) {
                rows = Integer.parseInt(a.substring("--rows=".length()));
            } else if (a.startsWith("--warmups=")) {
                warmups = Integer.parseInt(a.substring("--warmups=".length()));
            } else if (a.startsWith("--iterations=")) {
                iterations = Integer.parseInt(a.substring("--iterations=".length()));
            } else {
                System.err.println("usage: import [--stores=h2,postgres] [--rows=100000] [--warmups=1]"
                        + " [--iterations=5]");
                System.exit(2);
            }
        }
        List<Customer> customers = new ArrayList<>(rows);
        Data.customers(rows).forEach(customers::add);
        String loadBefore = load();
        Instant started = Instant.now();
        List<String> lines = new ArrayList<>();
        try {
            for (String store : stores.split(",")) {
                lines.add(run(store, customers, warmups, iterations));
            }
        } finally {
            stopPostgres();
        }
        System.out.printf(Locale.ROOT, "%nBulk import vs a raw JDBC batch, %s; %d cores, Java %s; load average %s"
                + " before, %s after; %,d rows, median of %d runs each%n%n", started.truncatedTo(ChronoUnit.MINUTES),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, load(),
                rows, iterations);
        System.out.println("| store | raw rows/s | Clientele rows/s | Clientele ÷ raw (time) |");
        System.out.println("|---|---|---|---|");
        lines.forEach(System.out::println);
    }

    private static String run(String store, List<Customer> customers, int warmups, int iterations) {
        double[] raw = new double[iterations];
        double[] clientele = new double[iterations];
        for (int i = 0; i < warmups + iterations; i++) {
            boolean warmup = i < warmups;
            for (int side = 0; side < 2; side++) {
                boolean isRaw = (side == 0) == (i % 2 == 0);
                long nanos = timed(store, customers, isRaw);
                System.err.printf(Locale.ROOT, "# %s %s %s: %,d rows in %.2f s = %,.0f rows/s%n", store,
                        warmup ? "warm-up" : "run " + (i - warmups + 1), isRaw ? "raw" : "Clientele",
                        customers.size(), nanos / 1e9, customers.size() * 1e9 / nanos);
                if (!warmup) {
                    (isRaw ? raw : clientele)[i - warmups] = nanos;
                }
            }
        }
        double r = median(raw);
        double c = median(clientele);
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f× |", store.equals("h2")
                ? "H2 " + org.h2.engine.Constants.VERSION + " (file)" : "PostgreSQL (embedded, synchronous_commit on)",
                customers.size() * 1e9 / r, customers.size() * 1e9 / c, c / r);
    }

    /** One timed run into a fresh, migrated, empty store; checks that every row arrived. */
    private static long timed(String store, List<Customer> customers, boolean raw) {
        try (Target t = Target.fresh(store)) {
            System.gc();
            long start = System.nanoTime();
            if (raw) {
                rawInsert(t.pool, customers);
            } else {
                try (CustomerDirectory d = CustomerDirectory.builder().backend(t.backend).cacheTtl(Duration.ZERO)
                        .passwordHasher(Fixture.HASHER).build()) {
                    ImportResult result = d.importCustomers(customers, ImportOptions.defaults());
                    if (result.added() != customers.size()) {
                        throw new IllegalStateException("imported " + result.added() + ": " + result.refused());
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            long count = t.count();
            if (count != customers.size()) {
                throw new IllegalStateException(store + ": " + count + " rows stored, expected " + customers.size());
            }
            return nanos;
        } catch (SQLException e) {
            throw new IllegalStateException(store, e);
        }
    }

    /** The hand-written batch: every column the store writes, with the store's key and search values. */
    static void rawInsert(javax.sql.DataSource pool, List<Customer> customers) throws SQLException {
        CustomerField[] fields = CustomerField.values();
        StringBuilder cols = new StringBuilder();
        for (String c : List.of("login", "email", "customer_id", "title", "first_name", "last_name", "phone", "fax",
                "mobile", "street", "zip", "city", "country", "comments", "login_key", "email_key", "customer_id_key",
                "title_lc", "first_name_lc", "last_name_lc", "phone_lc", "fax_lc", "mobile_lc", "street_lc",
                "zip_lc", "city_lc", "country_lc", "comments_lc", "validity", "additional_customer_ids",
                "attributes", "created", "changed", "version")) {
            cols.append(cols.length() == 0 ? "" : ", ").append(c);
        }
        int n = 2 * fields.length + 6;
        String sql = "INSERT INTO " + TABLE + " (" + cols + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int inBatch = 0;
                java.time.OffsetDateTime now = null;
                for (Customer cu : customers) {
                    if (inBatch == 0) {
                        now = Instant.now().atOffset(ZoneOffset.UTC);   // one time per batch, as the import
                    }
                    int i = 1;
                    for (CustomerField f : fields) {
                        ps.setString(i++, f.get(cu));
                    }
                    for (CustomerField f : fields) {
                        boolean key = f == CustomerField.LOGIN || f == CustomerField.EMAIL
                                || f == CustomerField.CUSTOMER_ID;
                        ps.setString(i++, key ? Keys.of(f.get(cu)) : SearchTerm.fold(f.get(cu)));
                    }
                    ps.setString(i++, cu.validity().name());
                    ps.setNull(i++, Types.VARCHAR);   // no additional customer IDs
                    ps.setNull(i++, Types.VARCHAR);   // no attributes
                    ps.setObject(i++, now);
                    ps.setObject(i++, now);
                    ps.setLong(i, 1);
                    ps.addBatch();
                    if (++inBatch == RAW_BATCH) {
                        ps.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /** A fresh database with the back-end's schema, a pool of 4 over it, and the back-end. */
    private static final class Target implements AutoCloseable {
        private final HikariDataSource pool;
        private final JdbcBackend backend;
        private final Path folder;
        private final String database;

        private Target(HikariDataSource pool, Path folder, String database) {
            this.pool = pool;
            this.folder = folder;
            this.database = database;
            this.backend = JdbcBackend.create("import", pool, JdbcOptions.defaults());
        }

        static Target fresh(String store) throws SQLException {
            HikariConfig config = new HikariConfig();
            config.setMaximumPoolSize(4);
            config.setPoolName("import-" + store + "-" + (++databases));
            try {
                if (store.equals("h2")) {
                    Path folder = Files.createTempDirectory("clientele-import-h2");
                    config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("import").toAbsolutePath());
                    return new Target(new HikariDataSource(config), folder, null);
                }
                if (!store.equals("postgres")) {
                    throw new IllegalArgumentException("unknown store " + store + " (h2, postgres)");
                }
                EmbeddedPostgres pg = postgres();
                String db = "import" + databases;
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                    s.execute("CHECKPOINT");
                }
                config.setJdbcUrl(pg.getJdbcUrl("postgres", db));
                return new Target(new HikariDataSource(config), null, db);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long count() throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            backend.close();
            pool.close();
            if (database != null) {
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + database);
                }
            }
            if (folder != null) {
                Fixture.deleteTree(folder);
            }
        }
    }

    private static synchronized EmbeddedPostgres postgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                    // as a production server: the embedded one's default is off
                    .setServerConfig("synchronous_commit", "on").start();
        }
        return postgres;
    }

    private static synchronized void stopPostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the process ends with the JVM anyway
            }
            postgres = null;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String load() {
        try {
            return String.join(" / ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
