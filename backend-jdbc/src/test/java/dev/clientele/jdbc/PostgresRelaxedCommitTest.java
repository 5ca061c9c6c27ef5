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
 * On PostgreSQL the login-state transactions of a login commit without waiting for the log flush, and nothing else
 * does (on connections whose default is the server default of production, {@code on}): every commit of the back-end's connections is preceded here by {@code SHOW synchronous_commit} on the same
 * connection, in the same transaction, and the value is recorded.
 */
@DisplayName("PostgreSQL: only login-state writes commit without waiting for the log flush")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRelaxedCommitTest {
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private JdbcBackend backend;
    private CustomerDirectory directory;

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
        PostgresServer server = PostgresServer.shared();
        DataSource ds = recordingCommits(server.dataSource());
        backend = JdbcBackend.create("pg", ds, JdbcOptions.defaults().withSchema(PostgresServer.freshSchema()));
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

    @Test
    @DisplayName("a login's reservation and success commit with synchronous_commit off, as does a wrong password's")
    void loginStateCommitsAreRelaxed() {
        assertThat(directory.authenticate("pat", "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue();
        assertThat(commits).hasSize(2).containsOnly("off");
        commits.clear();
        assertThat(directory.authenticate("pat", "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse();
        assertThat(commits).hasSize(1).containsOnly("off");
        assertThat(directory.loginStatus("pat").failedLogins()).isEqualTo(1);
    }

    @Test
    @DisplayName("a customer write, a link and a password change wait for the flush as configured (on)")
    void otherWritesAreDurable() {
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
