package dev.clientele.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.clientele.Company;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.ImportOptions;
import dev.clientele.Membership;
import dev.clientele.jdbc.JdbcBackend;
import dev.clientele.jdbc.JdbcOptions;
import dev.clientele.spi.Keys;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** H2 (a file database) or the embedded PostgreSQL, in Clientele's own schema, with a pool of 4 connections. */
final class JdbcFixture extends Fixture {
    private static EmbeddedPostgres postgres;

    private static final String CUSTOMER_AND_GROUPS = "SELECT c.login, c.email, c.customer_id, c.first_name,"
            + " c.last_name, c.validity, g.name, l.permission FROM clientele_customers c"
            + " JOIN clientele_links l ON l.kind = 'CUSTOMER' AND l.subject_key = c.login_key AND l.context = 'OWN'"
            + " JOIN clientele_groups g ON g.name_key = l.group_key AND g.validity = 'VALID' WHERE c.login_key = ?"
            + " UNION ALL SELECT c.login, c.email, c.customer_id, c.first_name, c.last_name, c.validity, g.name,"
            + " l.permission FROM clientele_customers c"
            + " JOIN clientele_links l ON l.kind = 'COMPANY' AND l.subject_key = c.customer_id_key"
            + " AND l.context = 'OWN'"
            + " JOIN clientele_groups g ON g.name_key = l.group_key AND g.validity = 'VALID' WHERE c.login_key = ?";
    private static final String HAS_PERMISSION = "SELECT l.permission FROM clientele_links l WHERE l.kind = 'CUSTOMER'"
            + " AND l.subject_key = ? AND l.group_key = ? AND l.context = 'OWN'"
            + " UNION ALL SELECT l.permission FROM clientele_customers c JOIN clientele_links l ON l.kind = 'COMPANY'"
            + " AND l.subject_key = c.customer_id_key AND l.group_key = ? AND l.context = 'OWN' WHERE c.login_key = ?";
    private static final String PASSWORD_HASH = "SELECT password_hash FROM clientele_credentials WHERE login_key = ?";
    /** Every column of a customer, as a search returns whole customers (the same data Clientele returns). */
    private static final String SEARCH = "SELECT login, email, customer_id, title, first_name, last_name, phone, fax,"
            + " mobile, street, zip, city, country, comments, validity, additional_customer_ids, attributes, created,"
            + " changed, version FROM clientele_customers WHERE validity = 'VALID' AND (login_key LIKE ?"
            + " OR email_key LIKE ? OR customer_id_key LIKE ? OR first_name_lc LIKE ? OR last_name_lc LIKE ?)"
            + " ORDER BY login_key LIMIT ?";

    private final String store;
    private final HikariDataSource pool;
    private final DataSource counted;
    private final JdbcBackend backend;
    private final CustomerDirectory cold;
    private final CustomerDirectory warm;
    private final CustomerDirectory bounded;
    private final Path folder;

    private JdbcFixture(String store, int customers, HikariDataSource pool, Path folder) {
        super(customers);
        this.store = store;
        this.pool = pool;
        this.folder = folder;
        this.counted = counting.wrap(pool);
        this.backend = JdbcBackend.create("bench", counted, JdbcOptions.defaults());
        this.cold = directory(Duration.ZERO).build();
        this.warm = directory(Duration.ofMinutes(10)).build();
        this.bounded = directory(Duration.ofMinutes(10)).cacheMaxSize(BOUNDED_CACHE).build();
    }

    private CustomerDirectory.Builder directory(Duration ttl) {
        return CustomerDirectory.builder().backend(backend).cacheTtl(ttl).passwordHasher(HASHER)
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build());
    }

    static JdbcFixture open(String store, int customers) {
        try {
            HikariConfig config = new HikariConfig();
            config.setMaximumPoolSize(4);
            config.setPoolName("bench-" + store + "-" + customers);
            Path folder = null;
            if (store.equals("h2")) {
                folder = Files.createTempDirectory("clientele-bench-h2");
                config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("bench").toAbsolutePath());
            } else {
                EmbeddedPostgres pg = postgres();
                String db = "bench" + customers;
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
                config.setJdbcUrl(pg.getJdbcUrl("postgres", db));
            }
            JdbcFixture f = new JdbcFixture(store, customers, new HikariDataSource(config), folder);
            f.fill();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up " + store, e);
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

    /**
     * Groups and companies through the directory, customers by its bulk import, links, hashes and login states by
     * batch: every customer has logged in before (the steady state of a helpdesk's returning customers).
     */
    private void fill() throws SQLException {
        for (int g = 0; g < Data.GROUPS; g++) {
            cold.createGroup(Group.of(Data.group(g)));
        }
        for (int c = 0; c < Data.COMPANIES; c++) {
            cold.createCompany(Company.builder(Data.company(c)).name("Company " + c).build());
        }
        cold.importCustomers(Data.customers(customers), ImportOptions.defaults().withBatchSize(1000));
        String hash = HASHER.hash(Data.PASSWORD.toCharArray());
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement links = c.prepareStatement("INSERT INTO clientele_links (kind, subject,"
                    + " subject_key, group_name, group_key, context, permission) VALUES (?, ?, ?, ?, ?, 'OWN', ?)");
                    PreparedStatement hashes = c.prepareStatement(
                            "INSERT INTO clientele_credentials (login_key, password_hash) VALUES (?, ?)");
                    PreparedStatement states = c.prepareStatement("INSERT INTO clientele_login_state (login_key,"
                            + " login, failed_logins) VALUES (?, ?, 0)")) {
                for (int n = 0; n < customers; n++) {
                    for (String g : Data.groupsOf(n)) {
                        link(links, Membership.Kind.CUSTOMER, Data.login(n), g, n % 2 == 0 ? "RW" : "RO");
                    }
                    hashes.setString(1, Keys.of(Data.login(n)));
                    hashes.setString(2, hash);
                    hashes.addBatch();
                    states.setString(1, Keys.of(Data.login(n)));
                    states.setString(2, Data.login(n));
                    states.addBatch();
                    if (n % 5000 == 4999) {
                        links.executeBatch();
                        hashes.executeBatch();
                        states.executeBatch();
                    }
                }
                for (int co = 0; co < Data.COMPANIES; co++) {
                    link(links, Membership.Kind.COMPANY, Data.company(co), Data.groupOfCompany(co), "RO");
                }
                links.executeBatch();
                hashes.executeBatch();
                states.executeBatch();
            }
            c.commit();
            if (store.equals("postgres")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                c.commit();
            }
        }
    }

    private static void link(PreparedStatement ps, Membership.Kind kind, String subject, String group,
            String permission) throws SQLException {
        ps.setString(1, kind.name());
        ps.setString(2, subject);
        ps.setString(3, Keys.of(subject));
        ps.setString(4, group);
        ps.setString(5, Keys.of(group));
        ps.setString(6, permission);
        ps.addBatch();
    }

    @Override
    public String describe() {
        return store.equals("h2") ? "H2 " + org.h2.engine.Constants.VERSION + " (file)" : "PostgreSQL (embedded)";
    }

    @Override
    public CustomerDirectory cold() {
        return cold;
    }

    @Override
    public CustomerDirectory warm() {
        return warm;
    }

    @Override
    public CustomerDirectory bounded() {
        return bounded;
    }

    @Override
    public Object rawCustomerAndGroups(String login) {
        String key = Keys.of(login);
        return query(CUSTOMER_AND_GROUPS, ps -> {
            ps.setString(1, key);
            ps.setString(2, key);
        }, rs -> {
            List<String> groups = new ArrayList<>();
            String email = null;
            while (rs.next()) {
                email = rs.getString(2);
                groups.add(rs.getString(7) + ":" + rs.getString(8));
            }
            return email == null ? List.of() : List.of(email, groups);
        });
    }

    @Override
    public boolean rawHasPermission(String login, String group) {
        return query(HAS_PERMISSION, ps -> {
            ps.setString(1, Keys.of(login));
            ps.setString(2, Keys.of(group));
            ps.setString(3, Keys.of(group));
            ps.setString(4, Keys.of(login));
        }, ResultSet::next);
    }

    @Override
    public boolean rawLogin(String login, char[] password) {
        return query(PASSWORD_HASH, ps -> ps.setString(1, Keys.of(login)),
                rs -> rs.next() && HASHER.verify(password, rs.getString(1)));
    }

    @Override
    public int rawSearch(String prefix, int limit) {
        String like = prefix.toLowerCase(java.util.Locale.ROOT) + "%";
        return query(SEARCH, ps -> {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, like);
            }
            ps.setInt(6, limit + 1);
        }, rs -> {
            int rows = 0;
            while (rs.next()) {
                for (int i = 1; i <= 17; i++) {
                    rs.getString(i);
                }
                rs.getObject(18, java.time.OffsetDateTime.class);
                rs.getObject(19, java.time.OffsetDateTime.class);
                rs.getLong(20);
                rows++;
            }
            return rows;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = counted.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw query failed", e);
        }
    }

    @Override
    public void close() {
        cold.close();
        warm.close();
        bounded.close();
        backend.close();
        pool.close();
        if (folder != null) {
            deleteTree(folder);
        }
    }

    /** Stops the embedded PostgreSQL, if one was started. */
    static synchronized void stopServer() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the process ends with the JVM anyway
            }
            postgres = null;
        }
    }
}
