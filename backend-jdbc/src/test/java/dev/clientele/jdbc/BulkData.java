package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.jdbc.internal.JdbcMembershipStore;
import dev.clientele.spi.AccessReader;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.LoginReader;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.MembershipStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;

/**
 * 100,000 customers made on the fly (bounded memory), with two rows that collide with earlier rows of the same
 * import: row {@value #DUPLICATE_LOGIN_ROW} repeats the login of customer 100, row {@value #DUPLICATE_EMAIL_ROW} the
 * email of customer 5. Customer {@code n} has login {@code user%06d}, email {@code user%06d@bulk.example}, customer
 * ID {@code company<n % 100>}, last name from a short list.
 */
final class BulkData implements Iterable<Customer> {
    static final int CUSTOMERS = 100_000;
    static final int DUPLICATE_LOGIN_ROW = 50_000;
    static final int DUPLICATE_EMAIL_ROW = 60_000;
    static final int ROWS = CUSTOMERS + 2;
    private static final String[] LAST_NAMES = {"Smith", "Jones", "Müller", "O'Brien", "García", "Nguyen", "Ødegaard"};

    static final int GROUPS = 50;
    static final int LINKS_PER_CUSTOMER = 3;
    static final int COMPANIES = 100;

    static String login(int n) {
        return String.format("user%06d", n);
    }

    static String email(int n) {
        return login(n) + "@bulk.example";
    }

    static Customer customer(int n) {
        return Customer.builder(login(n)).email(email(n)).customerId("company" + (n % 100))
                .firstName("First" + n).lastName(LAST_NAMES[n % LAST_NAMES.length]).build();
    }

    @Override
    public Iterator<Customer> iterator() {
        return new Iterator<>() {
            private int row;
            private int n;

            @Override
            public boolean hasNext() {
                return row < ROWS;
            }

            @Override
            public Customer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int r = row++;
                if (r == DUPLICATE_LOGIN_ROW) {
                    return customer(100).toBuilder().email("someone.else@bulk.example").build();
                }
                if (r == DUPLICATE_EMAIL_ROW) {
                    return Customer.builder("dupmail").email(email(5)).customerId("x").firstName("D").lastName("M")
                            .build();
                }
                return customer(n++);
            }
        };
    }

    static String group(int g) {
        return String.format("group%02d", g);
    }

    /** The groups of customer {@code n}: 3 of the 50, spread. */
    static List<String> groupsOf(int n) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < LINKS_PER_CUSTOMER; i++) {
            groups.add(group((n + i * 17) % GROUPS));
        }
        groups.sort(null);
        return groups;
    }

    /**
     * Writes the links straight into the table (no directory, so it is quick): 3 per customer, and 2 per company
     * ({@code company<c>} to {@code group<c % 50>} and the next group), 300,200 rows in all.
     */
    static void insertLinks(Connection c, String table) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (kind, subject, subject_key, group_name, group_key, context, permission)"
                + " VALUES (?, ?, ?, ?, ?, 'OWN', ?)")) {
            int rows = 0;
            for (int n = 0; n < CUSTOMERS; n++) {
                for (String g : groupsOf(n)) {
                    add(ps, Membership.Kind.CUSTOMER, login(n), g, n % 2 == 0 ? "RW" : "RO");
                    if (++rows % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            for (int co = 0; co < COMPANIES; co++) {
                for (String g : companyGroupsOf(co)) {
                    add(ps, Membership.Kind.COMPANY, "company" + co, g, "RO");
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Writes {@value #CUSTOMERS} companies straight into the table: the {@value #COMPANIES} the customers name
     * ({@code company7} invalid, the others valid), and as many others again, so the plans of reads of companies are
     * those of a large table.
     */
    static void insertCompanies(Connection c, String table) throws SQLException {
        insertRows(c, "INSERT INTO " + table + " (customer_id, customer_id_key, name, validity) VALUES (?, ?, ?, ?)",
                (ps, co) -> {
                    String id = co < COMPANIES ? "company" + co : String.format("othercompany%06d", co);
                    ps.setString(1, id);
                    ps.setString(2, dev.clientele.spi.Keys.of(id));
                    ps.setString(3, "Company " + co);
                    ps.setString(4, co == 7 ? "INVALID" : "VALID");
                });
    }

    /**
     * Writes {@value #CUSTOMERS} groups straight into the table: the {@value #GROUPS} the links name, and as many
     * others again, so the plans of joins to the groups are those of a large table.
     */
    static void insertGroups(Connection c, String table) throws SQLException {
        insertRows(c, "INSERT INTO " + table + " (name, name_key, comments, validity) VALUES (?, ?, NULL, 'VALID')",
                (ps, g) -> {
                    String name = g < GROUPS ? group(g) : String.format("other%06d", g);
                    ps.setString(1, name);
                    ps.setString(2, dev.clientele.spi.Keys.of(name));
                });
    }

    /**
     * A login state and a password hash for each of the {@value #CUSTOMERS} customers, straight into the tables: the
     * steady state of customers who have logged in before, so the plans of a login's statements are those of large
     * tables.
     */
    static void insertLoginStatesAndHashes(Connection c, String states, String credentials) throws SQLException {
        insertRows(c, "INSERT INTO " + states + " (login_key, login, failed_logins) VALUES (?, ?, 0)", (ps, n) -> {
            ps.setString(1, dev.clientele.spi.Keys.of(login(n)));
            ps.setString(2, login(n));
        });
        insertRows(c, "INSERT INTO " + credentials + " (login_key, password_hash) VALUES (?, ?)", (ps, n) -> {
            ps.setString(1, dev.clientele.spi.Keys.of(login(n)));
            ps.setString(2, "$test$" + n);
        });
    }

    /** Binds the values of row {@code n} of a batch. */
    private interface Row {
        void bind(PreparedStatement ps, int n) throws SQLException;
    }

    /** {@value #CUSTOMERS} rows of {@code insert}, in batches of 10,000, in one transaction. */
    private static void insertRows(Connection c, String insert, Row row) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (int n = 0; n < CUSTOMERS; n++) {
                row.bind(ps, n);
                ps.addBatch();
                if (n % 10_000 == 9_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Always-groups for the reads of links with groups: one that a link names, one other, one that does not exist. */
    static final List<String> ALWAYS_GROUPS = List.of("group03", "other054321", "no such group");

    /**
     * Checks {@code linksAndGroupsOf} for customer {@code n}, its companies and {@link #ALWAYS_GROUPS}: the links of
     * {@link #linksOf}, the stored groups among those they and the always-groups name, and the companies' validity
     * ({@code company7} is the invalid one).
     */
    /** Checks what the back-end's one-statement read finds for customer {@code n}: it and its links. */
    static void checkCustomerAndLinks(AccessReader reader, int n) {
        Customer customer = customer(n);
        AccessReader.CustomerAndLinks read = reader.customerAndLinks(customer.login(), ALWAYS_GROUPS)
                .orElseThrow();
        assertThat(read.customer().login()).isEqualTo(customer.login());
        assertThat(read.links().links())
                .extracting(Membership::kind, Membership::subject, Membership::group)
                .containsExactlyInAnyOrderElementsOf(linksOf(n, List.of(customer.customerId())));
    }

    /** Checks what the back-end's login reader finds for customer {@code n}: it, its hash and its login state. */
    static void checkLoginRead(LoginReader reader, CustomerBackend backend, int n) {
        LoginReader.LoginRead read = reader.read(login(n), "\u0001absent-7");
        assertThat(read.customer()).get().extracting(Customer::login).isEqualTo(login(n));
        assertThat(read.hash()).isEqualTo(backend.credentials().orElseThrow().passwordHash(login(n)));
        assertThat(read.state().orElse(LoginState.empty(login(n))))
                .isEqualTo(backend.state().orElseThrow().loginState(login(n)));
        assertThat(read.otherState()).isEmpty();
    }

    static void checkLinksAndGroups(JdbcMembershipStore store, GroupStore groups, CompanyStore companyStore, int n,
            List<String> companies, List<String> always) {
        MembershipStore.LinksAndGroups read = store.linksAndGroupsOf(login(n), companies, always, groups,
                companyStore);
        java.util.Map<String, Boolean> validity = new java.util.HashMap<>();
        companies.forEach(co -> validity.put(co, !co.equals("company7")));
        assertThat(read.companies()).isEqualTo(validity);
        List<Tuple> expected = linksOf(n, companies);
        assertThat(read.links()).extracting(Membership::kind, Membership::subject, Membership::group)
                .containsExactlyElementsOf(expected);
        List<String> named = Stream.concat(expected.stream().map(t -> (String) t.toList().get(2)),
                Stream.of("group03", "other054321")).distinct().toList();
        assertThat(read.groups().values()).extracting(Group::name).containsExactlyInAnyOrderElementsOf(named);
    }

    static List<String> companyGroupsOf(int company) {
        List<String> groups = new ArrayList<>(List.of(group(company % GROUPS), group((company + 1) % GROUPS)));
        groups.sort(null);
        return groups;
    }

    /** What {@code linksOf} returns for customer {@code n} and these companies, in the store's order. */
    static List<Tuple> linksOf(int n, Collection<String> companies) {
        List<Tuple> out = new ArrayList<>();
        companies.stream().sorted().distinct().forEach(co -> {
            for (String g : companyGroupsOf(Integer.parseInt(co.substring("company".length())))) {
                out.add(new Tuple(Membership.Kind.COMPANY, co, g));
            }
        });
        for (String g : groupsOf(n)) {
            out.add(new Tuple(Membership.Kind.CUSTOMER, login(n), g));
        }
        return out;
    }

    private static void add(PreparedStatement ps, Membership.Kind kind, String subject, String group,
            String permission) throws SQLException {
        ps.setString(1, kind.name());
        ps.setString(2, subject);
        ps.setString(3, dev.clientele.spi.Keys.of(subject));
        ps.setString(4, group);
        ps.setString(5, dev.clientele.spi.Keys.of(group));
        ps.setString(6, permission);
        ps.addBatch();
    }
}
