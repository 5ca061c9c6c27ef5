package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Membership;
import dev.clientele.jdbc.internal.Jdbc;
import dev.clientele.jdbc.internal.JdbcAccessReader;
import dev.clientele.jdbc.internal.JdbcCredentialStore;
import dev.clientele.jdbc.internal.JdbcCustomerStore;
import dev.clientele.jdbc.internal.JdbcStateStore;
import dev.clientele.jdbc.internal.JdbcCompanyStore;
import dev.clientele.jdbc.internal.JdbcLoginReader;
import dev.clientele.jdbc.internal.JdbcMembershipStore;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 100,000 customers on H2: the bulk import, then the plans of the hot lookups on 300,000 links. */
@DisplayName("H2 with 100,000 customers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2LargeDataTest {
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID();
    private CustomerBackend backend;

    @BeforeAll
    void importCustomers() throws SQLException {
        backend = new JdbcBackendProvider().create(BackendSettings.of("bulk", "jdbc", Map.of("url", url)));
        BulkImportCheck.importAndCheck(backend);
        try (Connection c = DriverManager.getConnection(url)) {
            BulkData.insertLinks(c, "clientele_links");
            BulkData.insertGroups(c, "clientele_groups");
            BulkData.insertCompanies(c, "clientele_companies");
            BulkData.insertLoginStatesAndHashes(c, "clientele_login_state", "clientele_credentials");
        }
    }

    @AfterAll
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private String plan(String sql, List<Object> params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
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
    @DisplayName("100,000 customers in one call: duplicates inside the import and against stored rows are refused per row")
    void hundredThousand() {
        assertThat(backend.customers().orElseThrow().count()).isEqualTo(BulkData.ROWS - 4 + 2);
    }

    @Test
    @DisplayName("the links of a customer and of its companies are read by seeks on the primary key, not a table scan")
    void linksOfSeeksThePrimaryKey() throws SQLException {
        JdbcMembershipStore store = (JdbcMembershipStore) backend.memberships().orElseThrow();
        Customer customer = BulkData.customer(12_345);
        Map.Entry<String, List<Object>> q = store.linksOfQuery(customer.login(),
                List.of(customer.customerId(), "company7"));

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).doesNotContainIgnoringCase("tableScan").containsIgnoringCase("PRIMARY_KEY");
        assertThat(store.linksOf(customer.login(), List.of(customer.customerId(), "company7")))
                .extracting(Membership::kind, Membership::subject, Membership::group)
                .containsExactlyElementsOf(BulkData.linksOf(12_345, List.of(customer.customerId(), "company7")));
    }

    @Test
    @DisplayName("the links of a customer and its companies with their groups and the companies (one statement) seek"
            + " the three primary keys")
    void linksAndGroupsSeekThePrimaryKeys() throws SQLException {
        JdbcMembershipStore store = (JdbcMembershipStore) backend.memberships().orElseThrow();
        Customer customer = BulkData.customer(12_345);
        List<String> companies = List.of(customer.customerId(), "company7");
        List<String> always = BulkData.ALWAYS_GROUPS;
        Map.Entry<String, List<Object>> q = store.linksAndGroupsQuery(customer.login(), companies, always,
                "clientele_groups", (JdbcCompanyStore) backend.companies().orElseThrow());

        String plan = plan(q.getKey(), q.getValue());

        // the links by their primary key, each link's group or always-group and each company by their primary keys
        assertThat(plan).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: KIND = S\\.KIND\\s+AND SUBJECT_KEY = S\\.K")
                .containsPattern("PRIMARY_KEY_\\w+: NAME_KEY = CASE WHEN")
                .containsPattern("PRIMARY_KEY_\\w+: CUSTOMER_ID_KEY = S\\.K");
        BulkData.checkLinksAndGroups(store, backend.groups().orElseThrow(), backend.companies().orElseThrow(),
                12_345, companies, always);
    }

    @Test
    @DisplayName("the customer with its links, their groups and its company in one statement seeks the four primary"
            + " keys")
    void customerAndLinksSeekThePrimaryKeys() throws SQLException {
        JdbcAccessReader reader = (JdbcAccessReader) backend.accessReader().orElseThrow();
        Map.Entry<String, List<Object>> q = reader.query(BulkData.login(12_345), BulkData.ALWAYS_GROUPS);

        String plan = plan(q.getKey(), q.getValue());

        assertThat(plan).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: LOGIN_KEY = \\?")
                .containsPattern("PRIMARY_KEY_\\w+: KIND = S\\.KIND\\s+AND SUBJECT_KEY = CASE")
                .containsPattern("PRIMARY_KEY_\\w+: NAME_KEY = CASE WHEN")
                .containsPattern("PRIMARY_KEY_\\w+: CUSTOMER_ID_KEY = C\\.CUSTOMER_ID_KEY");
        BulkData.checkCustomerAndLinks(reader, 12_345);
    }

    @Test
    @DisplayName("the links of a customer alone are one seek on the primary key")
    void linksOfCustomerAloneSeeksThePrimaryKey() throws SQLException {
        JdbcMembershipStore store = (JdbcMembershipStore) backend.memberships().orElseThrow();
        Map.Entry<String, List<Object>> q = store.linksOfQuery(BulkData.login(777), List.of());

        assertThat(plan(q.getKey(), q.getValue())).doesNotContainIgnoringCase("tableScan")
                .containsIgnoringCase("PRIMARY_KEY");
        assertThat(store.linksOf(BulkData.login(777), List.of())).hasSize(BulkData.LINKS_PER_CUSTOMER);
    }

    @Test
    @DisplayName("every one of the 100,000 customers is walked exactly once, in login order, as a stream and as pages")
    void walkEveryCustomerOnce() {
        BulkPagingCheck.walkAndCheck(backend);
    }

    @Test
    @DisplayName("a page of every customer is a range of the primary key, sorted by it: no table scan, no sort")
    void pageSeeksThePrimaryKey() throws SQLException {
        JdbcCustomerStore store = (JdbcCustomerStore) backend.customers().orElseThrow();
        for (Map.Entry<String, List<Object>> q : List.of(store.pageQuery(null, 500, true),
                store.pageQuery("user050000", 500, true), store.pageQuery("user050000", 500, false))) {
            String plan = plan(q.getKey(), q.getValue());

            assertThat(plan).as(q.getKey()).doesNotContainIgnoringCase("tableScan").containsIgnoringCase("PRIMARY_KEY")
                    .containsIgnoringCase("index sorted");
        }
        assertThat(store.page("user050000", 3, true)).extracting(Customer::login)
                .containsExactly("user050001", "user050002", "user050003");
    }
    @Test
    @DisplayName("a search of two terms seeks its candidates in the indexes, then finds exactly what the one statement finds")
    void twoTermSearchSeeksTheIndexes() throws SQLException {
        JdbcCustomerStore store = (JdbcCustomerStore) backend.customers().orElseThrow();
        String lastPrefix = BulkData.customer(12).lastName().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
        CustomerSearch search = new CustomerSearch(List.of(SearchTerm.parse("first12"), SearchTerm.parse(lastPrefix + "*")),
                Set.of(CustomerField.LOGIN, CustomerField.EMAIL, CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME,
                        CustomerField.LAST_NAME), true, 251);

        for (Map.Entry<String, List<Object>> candidates : store.candidatesQueries(search, SearchTerm.parse("first12"))) {
            assertThat(plan(candidates.getKey(), candidates.getValue())).doesNotContainIgnoringCase("tableScan");
        }

        List<String> expected = oneStatement(store, search);
        assertThat(expected).as("the one statement finds some").isNotEmpty();
        assertThat(store.search(search)).extracting(Customer::login).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a lookup by login is one seek on the primary key")
    void loginLookupSeeksThePrimaryKey() throws SQLException {
        JdbcCustomerStore store = (JdbcCustomerStore) backend.customers().orElseThrow();
        Map.Entry<String, List<Object>> q = store.findByLoginQuery("USER012345");

        assertThat(plan(q.getKey(), q.getValue())).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: LOGIN_KEY = ");
        assertThat(store.findByLogin("USER012345")).get().extracting(Customer::login).isEqualTo("user012345");
    }

    @Test
    @DisplayName("a login's statements — the state row read, created, compared and set, locked, written, the hash"
            + " read — each seek the primary key of 100,000 rows")
    void loginStatementsSeekThePrimaryKeys() throws SQLException {
        JdbcStateStore states = (JdbcStateStore) backend.state().orElseThrow();
        JdbcCredentialStore credentials = (JdbcCredentialStore) backend.credentials().orElseThrow();
        String login = BulkData.login(12_345);

        for (Map.Entry<String, List<Object>> q : List.of(states.selectQuery(login), states.createQuery(login),
                states.swapQuery(login), states.lockQuery(login), states.updateQuery(login), credentials.hashQuery(login))) {
            assertThat(plan(q.getKey(), q.getValue())).as(q.getKey()).doesNotContainIgnoringCase("tableScan")
                    .containsPattern("PRIMARY_KEY_\\w+: LOGIN_KEY = ");
        }
        assertThat(states.loginState(login).login()).isEqualTo(login);
        assertThat(credentials.passwordHash(login)).contains("$test$12345");
    }

    @Test
    @DisplayName("the login reader's one statement (customer, hash, login state and the decoy's) seeks the three"
            + " primary keys of 100,000 rows")
    void loginReadSeeksThePrimaryKeys() throws SQLException {
        JdbcLoginReader reader = (JdbcLoginReader) backend.loginReader().orElseThrow();
        String login = BulkData.login(12_345);
        Map.Entry<String, List<Object>> q = reader.query(login, "\u0001absent-7");

        assertThat(plan(q.getKey(), q.getValue())).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: LOGIN_KEY = K\\.LOGIN_KEY(?s).*PRIMARY_KEY_\\w+: LOGIN_KEY = "
                        + "K\\.LOGIN_KEY(?s).*PRIMARY_KEY_\\w+: LOGIN_KEY = K\\.LOGIN_KEY");
        BulkData.checkLoginRead(reader, backend, 12_345);
    }

    @Test
    @DisplayName("a search of one term reads the head of the table by a range of the primary key, then a rare term's"
            + " matches by index seeks: no table scan, and exactly what the one statement finds")
    void oneTermSearchReadsTheHeadThenSeeksTheIndexes() throws SQLException {
        JdbcCustomerStore store = (JdbcCustomerStore) backend.customers().orElseThrow();
        Set<CustomerField> all = Set.of(CustomerField.LOGIN, CustomerField.EMAIL, CustomerField.CUSTOMER_ID,
                CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
        CustomerSearch rare = new CustomerSearch(List.of(SearchTerm.parse("first12345*")), all, true, 251);

        Map.Entry<String, List<Object>> bound = store.headBoundQuery(1_004);
        assertThat(analyze(bound.getKey(), bound.getValue())).doesNotContainIgnoringCase("tableScan")
                .containsIgnoringCase("PRIMARY_KEY").containsIgnoringCase("index sorted").contains("scanCount: 1004 ");
        String last = firstColumn(bound.getKey(), bound.getValue());
        Map.Entry<String, List<Object>> head = store.headQuery(rare, last);
        assertThat(analyze(head.getKey(), head.getValue())).containsPattern("PRIMARY_KEY_\\w+: LOGIN_KEY <= ")
                .containsIgnoringCase("index sorted").contains("scanCount: 1005 ");
        for (Map.Entry<String, List<Object>> q : store.candidatesQueries(rare, rare.terms().get(0))) {
            assertThat(analyze(q.getKey(), q.getValue())).as(q.getKey()).doesNotContainIgnoringCase("tableScan")
                    .containsPattern("scanCount: [1-3] ");
        }

        // the search runs these statements, and not the one statement over the whole table
        List<String> ran = statementsRun(() -> assertThat(store.search(rare)).extracting(Customer::login)
                .containsExactly(BulkData.login(12_345)));
        assertThat(ran).contains(head.getKey()).doesNotContain(store.searchQuery(rare).getKey())
                .containsAll(store.candidatesQueries(rare, rare.terms().get(0)).stream().map(Map.Entry::getKey)
                        .toList());

        // rare, none, dense (the head fills the limit), in between (the walk goes on after the head), a common
        // prefix with a rare whole term, matches only at the end of the login order, a term with no wildcard
        for (String term : List.of("first12345*", "zzz*", "user*", "first1*", "first2*5", "user099*", "first777",
                "nguy*", "company7*")) {
            for (boolean validOnly : List.of(true, false)) {
                CustomerSearch search = new CustomerSearch(List.of(SearchTerm.parse(term)), all, validOnly, 251);
                assertThat(store.search(search)).as(term + ", valid only " + validOnly).extracting(Customer::login)
                        .containsExactlyElementsOf(oneStatement(store, search));
            }
        }
    }

    @Test
    @DisplayName("an import's statements — which of 500 logins and emails are stored, the email guard's stripes"
            + " locked, a row inserted — seek the indexes of 100,000 rows")
    void importStatementsSeekTheIndexes() throws SQLException {
        JdbcCustomerStore store = (JdbcCustomerStore) backend.customers().orElseThrow();
        List<String> logins = IntStream.range(40_000, 40_500).mapToObj(BulkData::login).map(Keys::of).toList();
        List<String> emails = IntStream.range(40_000, 40_500).mapToObj(BulkData::email).map(Keys::of).toList();

        assertThat(plan(store.existingKeysQuery(false, logins))).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: LOGIN_KEY IN\\(");
        assertThat(plan(store.existingKeysQuery(true, emails))).doesNotContainIgnoringCase("tableScan")
                .containsPattern("CLIENTELE_CUSTOMERS_EMAIL_KEY: EMAIL_KEY IN\\(");
        assertThat(plan(store.lockEmailsQuery(emails))).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: STRIPE IN\\(");
        assertThat(plan(store.lockEmailsQuery(emails.subList(0, 1)))).doesNotContainIgnoringCase("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: STRIPE = ");
        assertThat(plan(store.insertQuery(BulkData.customer(200_000)))).doesNotContainIgnoringCase("tableScan")
                .containsIgnoringCase("INSERT INTO");
        assertThat(store.existingLogins(logins)).hasSize(500);
        assertThat(store.existingEmails(emails)).hasSize(500);
    }

    private String plan(Map.Entry<String, List<Object>> q) throws SQLException {
        return plan(q.getKey(), q.getValue());
    }

    /** The statements H2 ran while {@code work} ran (its query statistics). */
    private List<String> statementsRun(Runnable work) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.run();
                List<String> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            } finally {
                st.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    private String analyze(String sql, List<Object> params) throws SQLException {
        return plan("ANALYZE " + sql, params);
    }

    private String firstColumn(String sql, List<Object> params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Jdbc.bind(ps, i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The logins the one statement of a search finds, run as it is. */
    private List<String> oneStatement(JdbcCustomerStore store, CustomerSearch search) throws SQLException {
        Map.Entry<String, List<Object>> one = store.searchQuery(search);
        List<String> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(one.getKey())) {
            for (int i = 0; i < one.getValue().size(); i++) {
                Jdbc.bind(ps, i + 1, one.getValue().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getString("login"));
                }
            }
        }
        return expected;
    }
}
