package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.Permission;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Round trips of the hot reads with the cache off, counted at the JDBC driver (every statement prepared or created
 * on a connection of the back-end): a permission check is one statement — the customer's row joined to its links,
 * their groups and its company, whatever the number of groups — and a second for a customer with additional customer
 * IDs (their links), over one connection borrowed from the data source.
 */
@DisplayName("Statements per call on H2, cache off")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTest {
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private JdbcDataSource h2;
    private JdbcBackend backend;
    private CustomerDirectory directory;

    /** A DataSource whose connections count the statements made on them. */
    private DataSource counting(DataSource real) {
        return Proxies.watching(real, connections::incrementAndGet, (c, m, a) -> {
            if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                    || m.getName().equals("prepareCall")) {
                statements.incrementAndGet();
            } else if (m.getName().equals("commit")) {
                commits.incrementAndGet();
            }
        });
    }

    @BeforeAll
    void open() {
        h2 = new JdbcDataSource();
        h2.setURL(JdbcH2ContractTest.freshUrl());
        backend = JdbcBackend.create("local", counting(h2), JdbcOptions.defaults());
        directory = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO)
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build()).build();
        for (String g : new String[] {"users", "support", "billing", "vip", "sales"}) {
            directory.createGroup(Group.of(g));
        }
        directory.createCompany(Company.builder("acme").name("Acme").build());
        directory.createCompany(Company.builder("globex").name("Globex").build());
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                .additionalCustomerIds(java.util.List.of("globex")).firstName("J").lastName("Doe").build());
        directory.createCustomer(Customer.builder("ann").email("ann@acme.example").customerId("acme")
                .firstName("A").lastName("Nn").build());
        directory.link("jdoe", "support", Permission.RW);
        directory.link("ann", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);
        directory.linkCompany("acme", "vip", Permission.RO);
        directory.linkCompany("globex", "sales", Permission.RO);
    }

    @AfterAll
    void close() {
        directory.close();
        backend.close();
    }

    private int statementsOf(Runnable call) {
        statements.set(0);
        call.run();
        return statements.get();
    }

    private int connectionsOf(Runnable call) {
        connections.set(0);
        call.run();
        return connections.get();
    }

    @Test
    @DisplayName("hasPermission is 1 statement (the customer joined to its links, their groups and its company);"
            + " 2 for a customer with an additional customer ID, for 5 groups over 2 companies")
    void hasPermission() {
        assertThat(directory.hasPermission("jdoe", "sales", Permission.RO)).isTrue();
        assertThat(directory.hasPermission("ann", "vip", Permission.RO)).isTrue();

        assertThat(statementsOf(() -> directory.hasPermission("ann", "support", Permission.RW))).isEqualTo(1);
        assertThat(statementsOf(() -> directory.hasPermission("jdoe", "support", Permission.RW))).isEqualTo(2);
    }

    @Test
    @DisplayName("hasPermission, the effective permissions and an explanation each borrow one connection")
    void oneConnectionPerCall() {
        assertThat(connectionsOf(() -> directory.hasPermission("jdoe", "support", Permission.RW))).isEqualTo(1);
        assertThat(connectionsOf(() -> directory.permissions("jdoe"))).isEqualTo(1);
        assertThat(connectionsOf(() -> directory.explain("jdoe", "vip"))).isEqualTo(1);
    }

    @Test
    @DisplayName("a login borrows one connection before the hash (lookup, reserved attempt, stored hash) and one to"
            + " record a success; a wrong password and an unknown login one each")
    void loginConnections() {
        directory.createCustomer(Customer.builder("pat").email("pat@acme.example").customerId("acme")
                .firstName("P").lastName("At").build(), "Corr3ct-Horse-Battery".toCharArray());
        assertThat(connectionsOf(() -> assertThat(directory.authenticate("pat",
                "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue())).isEqualTo(2);
        assertThat(connectionsOf(() -> assertThat(directory.authenticate("pat",
                "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse())).isEqualTo(1);
        assertThat(connectionsOf(() -> assertThat(directory.authenticate("nobody",
                "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse())).isEqualTo(1);
    }

    @Test
    @DisplayName("a login seen before is 3 statements and no commit: the customer, its hash and login state read"
            + " together, the attempt reserved (a compare-and-set of the state read), the success recorded (one"
            + " write), each committing on its own; a wrong password and an unknown login 2")
    void loginStatements() {
        directory.createCustomer(Customer.builder("kim").email("kim@acme.example").customerId("acme")
                .firstName("K").lastName("Im").build(), "Corr3ct-Horse-Battery".toCharArray());
        assertThat(directory.authenticate("kim", "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue();
        assertThat(directory.authenticate("nobody", "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse();
        commits.set(0);
        assertThat(statementsOf(() -> assertThat(directory.authenticate("kim",
                "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue())).isEqualTo(3);
        assertThat(statementsOf(() -> assertThat(directory.authenticate("kim",
                "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse())).isEqualTo(2);
        assertThat(statementsOf(() -> assertThat(directory.authenticate("nobody",
                "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse())).isEqualTo(2);
        assertThat(commits).hasValue(0);
        assertThat(directory.loginStatus("kim").failedLogins()).isEqualTo(1);
    }

    @Test
    @DisplayName("a login's first attempt creates its state row in the statement that reserves the attempt: 3"
            + " statements, as every login (the read, the insert of the reserved state, the success); an unknown"
            + " login's first attempt on a fresh decoy 2, as every unknown login")
    void firstLoginCreatesTheStateRow() {
        directory.createCustomer(Customer.builder("lee").email("lee@acme.example").customerId("acme")
                .firstName("L").lastName("Ee").build(), "Corr3ct-Horse-Battery".toCharArray());
        assertThat(statementsOf(() -> assertThat(directory.authenticate("lee",
                "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue())).isEqualTo(3);
        assertThat(directory.loginStatus("lee").lastLogin()).isPresent();
        assertThat(statementsOf(() -> assertThat(directory.authenticate("lee",
                "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue())).isEqualTo(3);

        directory.createCustomer(Customer.builder("lou").email("lou@acme.example").customerId("acme")
                .firstName("L").lastName("Ou").build(), "Corr3ct-Horse-Battery".toCharArray());
        assertThat(statementsOf(() -> assertThat(directory.authenticate("lou",
                "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse())).isEqualTo(2);
        assertThat(directory.loginStatus("lou").failedLogins()).isEqualTo(1);

        decoyRows("DELETE FROM"); // whatever earlier tests left: the next decoy is fresh
        assertThat(statementsOf(() -> assertThat(directory.authenticate("nobody-at-all",
                "Wr0ng-Horse-Battery".toCharArray()).succeeded()).isFalse())).isEqualTo(2);
        assertThat(decoyRows("SELECT COUNT(*) FROM")).as("the decoy's row, made by the attempt").isEqualTo(1);
    }

    /** Runs {@code verb} on the login-state rows of the decoys (their keys start with U+0001): the count. */
    private int decoyRows(String verb) {
        try (Connection c = h2.getConnection(); java.sql.Statement st = c.createStatement()) {
            String sql = verb + " clientele_login_state WHERE login_key LIKE CHAR(1) || '%'";
            if (verb.startsWith("SELECT")) {
                try (java.sql.ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            return st.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("the customer with its permissions (findAccess) is 1 statement (2 with an additional customer ID)"
            + " over 1 connection; a lookup then a permissions call are 3 over 2")
    void customerAndPermissions() {
        assertThat(statementsOf(() -> directory.findAccess("ann").orElseThrow())).isEqualTo(1);
        assertThat(statementsOf(() -> directory.findAccess("jdoe").orElseThrow())).isEqualTo(2);
        assertThat(connectionsOf(() -> directory.findAccess("jdoe").orElseThrow())).isEqualTo(1);
        assertThat(statementsOf(() -> {
            directory.findCustomer("jdoe").orElseThrow();
            directory.permissions("jdoe");
        })).isEqualTo(3);
    }

    @Test
    @DisplayName("with the cache on, a check or a findAccess that misses the customer and its permissions is 1"
            + " statement, and a hit none")
    void cacheMisses() {
        try (CustomerDirectory cached = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ofMinutes(5))
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build()).build()) {
            assertThat(statementsOf(() -> assertThat(cached.hasPermission("ann", "vip", Permission.RO)).isTrue()))
                    .isEqualTo(1);
            assertThat(statementsOf(() -> assertThat(cached.hasPermission("ann", "support", Permission.RW))
                    .isTrue())).isZero();
            assertThat(statementsOf(() -> assertThat(cached.findCustomer("ann")).isPresent())).isZero();

            cached.invalidateCaches();
            assertThat(statementsOf(() -> assertThat(cached.findAccess("ann").orElseThrow().permissions()
                    .has("vip", Permission.RO)).isTrue())).isEqualTo(1);
            assertThat(statementsOf(() -> cached.findAccess("ann").orElseThrow())).isZero();
            assertThat(statementsOf(() -> assertThat(cached.findAccess("nobody")).isEmpty())).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a write made inside a session commits on its own, on the session's connection")
    void writeInsideASession() {
        int before = connections.get();
        backend.inSession(() -> {
            directory.permissions("jdoe");
            directory.setPreference("jdoe", "theme", "dark");
            return null;
        });
        assertThat(connections.get() - before).isEqualTo(1);
        assertThat(directory.preferences("jdoe")).containsEntry("theme", "dark");
    }

    @Test
    @DisplayName("the effective permissions are the same 1 or 2 statements, and grant what the links and companies say")
    void permissions() {
        assertThat(statementsOf(() -> directory.permissions("ann"))).isEqualTo(1);
        assertThat(directory.permissions("ann").groups()).containsOnlyKeys("users", "support", "vip");
        assertThat(statementsOf(() -> directory.permissions("jdoe"))).isEqualTo(2);
        assertThat(directory.permissions("jdoe").groups()).containsOnlyKeys("users", "support", "billing", "vip",
                "sales");
    }
}
