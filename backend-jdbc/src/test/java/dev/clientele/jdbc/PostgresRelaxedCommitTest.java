package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On PostgreSQL the login-state writes of a login commit without waiting for the log flush, and nothing else does
 * (on connections whose default is the server default of production, {@code on}). Two observations: the login-state
 * writes commit on their own (auto-commit), so a deferred constraint trigger on the login-state table records, at
 * each commit that changed a row there, the transaction and the {@code synchronous_commit} in force; every explicit
 * commit of the back-end's connections is preceded by {@code SHOW synchronous_commit} on the same connection, in the
 * same transaction, and the value is recorded.
 */
@DisplayName("PostgreSQL: only login-state writes commit without waiting for the log flush")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRelaxedCommitTest {
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private JdbcBackend backend;
    private CustomerDirectory directory;
    private DataSource server;
    private String schema;

    private DataSource recordingCommits(DataSource real) {
        java.util.Set<Connection> prepared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        return Proxies.watching(real, () -> { }, (c, m, a) -> {
            // The embedded server runs with synchronous_commit off; a production server's default is on.
            synchronized (prepared) {
                if (prepared.add(c)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET synchronous_commit = on");
                    }
                }
            }
            if (m.getName().equals("commit") && !c.getAutoCommit()) {
                commits.add(synchronousCommit(c));
            }
        });
    }

    private static String synchronousCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @BeforeAll
    void open() {
        server = PostgresServer.shared().dataSource();
        schema = PostgresServer.freshSchema();
        DataSource ds = recordingCommits(server);
        backend = JdbcBackend.create("pg", ds, JdbcOptions.defaults().withSchema(schema));
        sql("CREATE TABLE " + schema + ".login_state_commits (txid bigint, sync text)",
                "CREATE FUNCTION " + schema + ".record_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " INSERT INTO " + schema + ".login_state_commits VALUES (txid_current(),"
                        + " current_setting('synchronous_commit')); RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER record_commit AFTER INSERT OR UPDATE ON " + schema
                        + ".clientele_login_state DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
                        + schema + ".record_commit()");
        directory = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO).build();
        directory.createCustomer(Customer.builder("pat").email("pat@example.com").customerId("acme").firstName("P").lastName("At")
                .build(), "Corr3ct-Horse-Battery".toCharArray());
    }

    @AfterAll
    void close() {
        directory.close();
        backend.close();
    }

    @BeforeEach
    void clear() {
        commits.clear();
    }

    private void sql(String... statements) {
        try (Connection c = server.getConnection(); Statement st = c.createStatement()) {
            for (String q : statements) {
                st.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The login-state commits since the last call: the setting in force at each one, one entry per transaction. */
    private List<String> loginStateCommits() {
        try (Connection c = server.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT min(sync) || '/' || max(sync) FROM " + schema
                        + ".login_state_commits GROUP BY txid ORDER BY txid")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1).equals("off/off") ? "off" : rs.getString(1));
            }
            st.execute("DELETE FROM " + schema + ".login_state_commits");
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a login's reservation and success each commit on their own with synchronous_commit off, as does a"
            + " wrong password's reservation; no explicit commit")
    void loginStateCommitsAreRelaxed() {
        loginStateCommits();
        assertThat(directory.authenticate("pat", "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue();
        assertThat(loginStateCommits()).containsExactly("off", "off");
        assertThat(directory.authenticate("pat", "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse();
        assertThat(loginStateCommits()).containsExactly("off");
        assertThat(commits).isEmpty();
        assertThat(directory.loginStatus("pat").failedLogins()).isEqualTo(1);
    }

    @Test
    @DisplayName("a customer write, a link and a password change wait for the flush as configured (on)")
    void otherWritesAreDurable() {
        // a login first: its relaxed setting is the login-state write's own, not left on the pooled connection
        directory.authenticate("pat", "Corr3ct-Horse-Battery".toCharArray());
        commits.clear();
        directory.updateCustomer(directory.findCustomer("pat").orElseThrow().toBuilder().firstName("Pat").build());
        assertThat(commits).as("the customer write").isNotEmpty().containsOnly("on");
        commits.clear();
        if (directory.findGroup("support").isEmpty()) {
            directory.createGroup(dev.clientele.Group.of("support"));
        }
        directory.link("pat", "support", dev.clientele.Permission.RW);
        assertThat(commits).as("the link").isNotEmpty().containsOnly("on");
        commits.clear();
        directory.setPassword("pat", "An0ther-Horse-Battery".toCharArray());
        directory.setPassword("pat", "Corr3ct-Horse-Battery".toCharArray());
        assertThat(commits).as("the password changes").isNotEmpty().containsOnly("on");
    }
}
