package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Membership;
import dev.clientele.jdbc.internal.Jdbc;
import dev.clientele.jdbc.internal.JdbcAccessReader;
import dev.clientele.jdbc.internal.JdbcCredentialStore;
import dev.clientele.jdbc.internal.JdbcLoginReader;
import dev.clientele.jdbc.internal.JdbcCustomerStore;
import dev.clientele.jdbc.internal.JdbcStateStore;
import dev.clientele.jdbc.internal.JdbcCompanyStore;
import dev.clientele.jdbc.internal.JdbcMembershipStore;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 100,000 customers on PostgreSQL: the bulk import, then the plans of lookups and prefix searches. */
@DisplayName("PostgreSQL with 100,000 customers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLargeDataTest {
    private static final Set<CustomerField> DEFAULT_FIELDS = Set.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);

    private PostgresServer server;
    private String schema;
    private CustomerBackend backend;

    @BeforeAll
    void importCustomers() throws SQLException {
        server = PostgresServer.shared();
        schema = PostgresServer.freshSchema();
        backend = new JdbcBackendProvider().create(BackendSettings.of("large", "jdbc", server.settings(schema)));
        BulkImportCheck.importAndCheck(backend);
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            BulkData.insertLinks(c, schema + ".clientele_links");
            BulkData.insertGroups(c, schema + ".clientele_groups");
            BulkData.insertCompanies(c, schema + ".clientele_companies");
            BulkData.insertLoginStatesAndHashes(c, schema + ".clientele_login_state", schema + ".clientele_credentials");
            s.execute("ANALYZE " + schema + ".clientele_customers");
            s.execute("ANALYZE " + schema + ".clientele_links");
            s.execute("ANALYZE " + schema + ".clientele_groups");
            s.execute("ANALYZE " + schema + ".clientele_login_state");
            s.execute("ANALYZE " + schema + ".clientele_credentials");
            s.execute("ANALYZE " + schema + ".clientele_email_locks");
        }
    }

    @AfterAll
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private JdbcCustomerStore store() {
        return (JdbcCustomerStore) backend.customers().orElseThrow();
    }

    private String plan(String sql, List<Object> params) throws SQLException {
        try (Connection c = server.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                Jdbc.bind(ps, i + 1, params.get(i));
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }

    @Test
    @DisplayName("the import stored 100,000 customers and reported the 4 colliding rows (checked while importing)")
    void imported() {
        assertThat(store().count()).isEqualTo(BulkData.CUSTOMERS);
    }

    @Test
    @DisplayName("a lookup by login (the store's statement) uses the primary key index, not a sequential scan")
    void loginLookupUsesIndex() throws SQLException {
        Map.Entry<String, List<Object>> q = store().findByLoginQuery("USER012345");

        assertThat(plan(q.getKey(), q.getValue())).contains("Index Scan using clientele_customers_pk")
                .doesNotContain("Seq Scan");
        assertThat(store().findByLogin("USER012345")).get().extracting(Customer::login).isEqualTo("user012345");
    }

    @Test
    @DisplayName("a login's statements — the state row read, created, compared and set, locked, written, the hash"
            + " read — each use the primary key of 100,000 rows, not a sequential scan")
    void loginStatementsUseThePrimaryKeys() throws SQLException {
        JdbcStateStore states = (JdbcStateStore) backend.state().orElseThrow();
        JdbcCredentialStore credentials = (JdbcCredentialStore) backend.credentials().orElseThrow();
        String login = BulkData.login(12_345);

        assertThat(plan(states.selectQuery(login).getKey(), states.selectQuery(login).getValue()))
                .contains("Index Scan using clientele_login_state_pk").doesNotContain("Seq Scan");
        // the insert's conflict check is its unique index: the primary key, no read of the table
        assertThat(plan(states.createQuery(login).getKey(), states.createQuery(login).getValue()))
                .contains("Insert on").contains("Conflict Arbiter Indexes: clientele_login_state_pk")
                .doesNotContain("Seq Scan");
        assertThat(plan(states.swapQuery(login).getKey(), states.swapQuery(login).getValue()))
                .contains("Update on").contains("Index Scan using clientele_login_state_pk").doesNotContain("Seq Scan");
        assertThat(plan(states.lockQuery(login).getKey(), states.lockQuery(login).getValue()))
                .contains("LockRows").contains("Index Scan using clientele_login_state_pk").doesNotContain("Seq Scan");
        assertThat(plan(states.updateQuery(login).getKey(), states.updateQuery(login).getValue()))
                .contains("Update on").contains("Index Scan using clientele_login_state_pk").doesNotContain("Seq Scan");
        assertThat(plan(credentials.hashQuery(login).getKey(), credentials.hashQuery(login).getValue()))
                .contains("Index Scan using clientele_credentials_pk").doesNotContain("Seq Scan");
        assertThat(states.loginState(login).login()).isEqualTo(login);
        assertThat(credentials.passwordHash(login)).contains("$test$12345");
    }

    @Test
    @DisplayName("the login reader's one statement (customer, hash, login state and the decoy's) uses the three"
            + " primary keys: nested loops, nothing hashed or scanned")
    void loginReadUsesThePrimaryKeys() throws SQLException {
        JdbcLoginReader reader = (JdbcLoginReader) backend.loginReader().orElseThrow();
        Map.Entry<String, List<Object>> q = reader.query(BulkData.login(12_345), "\u0001absent-7");

        assertThat(plan(q.getKey(), q.getValue())).contains("clientele_customers_pk")
                .contains("clientele_credentials_pk").contains("clientele_login_state_pk")
                .doesNotContain("Seq Scan").doesNotContain("Hash");
        BulkData.checkLoginRead(reader, backend, 12_345);
    }

    @Test
    @DisplayName("a prefix search over the default fields uses indexes, not a sequential scan, and finds exactly the matches")
    void prefixSearchUsesIndexes() throws SQLException {
        CustomerSearch search = new CustomerSearch(List.of(SearchTerm.parse("User0123")), DEFAULT_FIELDS, true, 251);
        Map.Entry<String, List<Object>> q = store().searchQuery(search);

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).contains("Index").doesNotContain("Seq Scan");
        assertThat(store().search(search)).extracting(Customer::login).containsExactlyElementsOf(
                IntStream.range(12_300, 12_400).mapToObj(BulkData::login).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("a prefix search on the last name uses its index, not a sequential scan")
    void lastNamePrefixUsesIndex() throws SQLException {
        CustomerSearch search = new CustomerSearch(List.of(SearchTerm.parse("ødeg")), Set.of(CustomerField.LAST_NAME),
                true, 10);
        Map.Entry<String, List<Object>> q = store().searchQuery(search);

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).contains("Index").doesNotContain("Seq Scan");
        assertThat(store().search(search)).hasSize(10).allSatisfy(c -> assertThat(c.lastName()).isEqualTo("Ødegaard"));
    }

    @Test
    @DisplayName("the links of a customer and of its companies are read through the primary key, not a sequential scan")
    void linksOfUsesThePrimaryKey() throws SQLException {
        JdbcMembershipStore links = (JdbcMembershipStore) backend.memberships().orElseThrow();
        Customer customer = BulkData.customer(12_345);
        List<String> companies = List.of(customer.customerId(), "company7");
        Map.Entry<String, List<Object>> q = links.linksOfQuery(customer.login(), companies);

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).contains("clientele_links_pk").doesNotContain("Seq Scan");
        assertThat(links.linksOf(customer.login(), companies))
                .extracting(Membership::kind, Membership::subject, Membership::group)
                .containsExactlyElementsOf(BulkData.linksOf(12_345, companies));
    }

    @Test
    @DisplayName("the links of a customer and its companies with their groups and the companies (one statement) use"
            + " the three primary keys")
    void linksAndGroupsUseThePrimaryKeys() throws SQLException {
        JdbcMembershipStore links = (JdbcMembershipStore) backend.memberships().orElseThrow();
        Customer customer = BulkData.customer(12_345);
        List<String> companies = List.of(customer.customerId(), "company7");
        List<String> always = BulkData.ALWAYS_GROUPS;
        Map.Entry<String, List<Object>> q = links.linksAndGroupsQuery(customer.login(), companies, always,
                schema + ".clientele_groups", (JdbcCompanyStore) backend.companies().orElseThrow());

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).contains("clientele_links_pk").contains("clientele_groups_pk")
                .contains("clientele_companies_pk").doesNotContain("Seq Scan");
        // each row of the VALUES list is a seek: nested loops into the three keys, nothing hashed or scanned
        assertThat(plan).contains("Values Scan").doesNotContain("Hash")
                .containsPattern("Index Scan using clientele_links_pk[^\\n]*\\n\\s+Index Cond: \\(\\(\\(kind\\)")
                .containsPattern("Index Scan using clientele_groups_pk[^\\n]*\\n\\s+Index Cond: \\(\\(name_key\\)");
        BulkData.checkLinksAndGroups(links, backend.groups().orElseThrow(), backend.companies().orElseThrow(),
                12_345, companies, always);
    }

    @Test
    @DisplayName("the customer with its links, their groups and its company in one statement uses the four primary"
            + " keys: nested loops, nothing hashed or scanned")
    void customerAndLinksUseThePrimaryKeys() throws SQLException {
        JdbcAccessReader reader = (JdbcAccessReader) backend.accessReader().orElseThrow();
        Map.Entry<String, List<Object>> q = reader.query(BulkData.login(12_345), BulkData.ALWAYS_GROUPS);

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).contains("clientele_customers_pk").contains("clientele_links_pk")
                .contains("clientele_groups_pk").contains("clientele_companies_pk").doesNotContain("Seq Scan")
                .doesNotContain("Hash")
                .containsPattern("Index Scan using clientele_links_pk[^\\n]*\\n\\s+Index Cond: \\(\\(\\(kind\\)");
        BulkData.checkCustomerAndLinks(reader, 12_345);
    }

    @Test
    @DisplayName("every one of the 100,000 customers is walked exactly once, in login order, as a stream and as pages")
    void walkEveryCustomerOnce() {
        BulkPagingCheck.walkAndCheck(backend);
    }

    @Test
    @DisplayName("a page of every customer is an index scan of the primary key: no sequential scan, no sort")
    void pageUsesThePrimaryKey() throws SQLException {
        for (Map.Entry<String, List<Object>> q : List.of(store().pageQuery(null, 500, true),
                store().pageQuery("user050000", 500, true), store().pageQuery("user050000", 500, false))) {
            String plan = plan(q.getKey(), q.getValue());

            assertThat(plan).as(q.getKey()).contains("clientele_customers_pk").doesNotContain("Seq Scan")
                    .doesNotContain("Sort");
        }
        assertThat(store().page("user050000", 3, true)).extracting(Customer::login)
                .containsExactly("user050001", "user050002", "user050003");
    }

    @Test
    @DisplayName("an import's statements — which of 500 logins and emails are stored, the email guard's stripes"
            + " locked, a row inserted — use the indexes of 100,000 rows, not a sequential scan")
    void importStatementsUseTheIndexes() throws SQLException {
        List<String> logins = IntStream.range(40_000, 40_500).mapToObj(BulkData::login).map(Keys::of).toList();
        List<String> emails = IntStream.range(40_000, 40_500).mapToObj(BulkData::email).map(Keys::of).toList();

        assertThat(plan(store().existingKeysQuery(false, logins)))
                .containsPattern("Index (Only )?Scan using clientele_customers_pk").doesNotContain("Seq Scan");
        assertThat(plan(store().existingKeysQuery(true, emails)))
                .containsPattern("Index (Only )?Scan using clientele_customers_email_key").doesNotContain("Seq Scan");
        // the guard is 256 rows in two pages, never more: PostgreSQL rightly reads them whole; what matters is that
        // the rows are locked in stripe order (the lock above the sort), so two imports cannot deadlock
        for (List<String> keys : List.of(emails, emails.subList(0, 1))) {
            String stripes = plan(store().lockEmailsQuery(keys));
            assertThat(stripes).startsWith("LockRows").contains("clientele_email_locks")
                    .doesNotContain("clientele_customers");
            if (keys.size() > 1) {
                assertThat(stripes).containsPattern("LockRows[^\\n]*\\n\\s+->\\s+Sort[^\\n]*\\n\\s+Sort Key: stripe");
            }
        }
        assertThat(plan(store().insertQuery(BulkData.customer(200_000)))).startsWith("Insert on clientele_customers")
                .doesNotContain("Scan");
        assertThat(store().existingLogins(logins)).hasSize(500);
        assertThat(store().existingEmails(emails)).hasSize(500);
    }

    private String plan(Map.Entry<String, List<Object>> q) throws SQLException {
        return plan(q.getKey(), q.getValue());
    }
}
