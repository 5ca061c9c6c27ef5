package dev.clientele.jdbc.internal;

import dev.clientele.Customer;
import dev.clientele.spi.AccessReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer and its links, their groups and its company in one statement ({@link
 * JdbcMembershipStore#customerAndLinksQuery}): the customer's row by its primary key, joined to the links of its login
 * and of its customer ID, each link's group, the also-groups and the company, each by its primary key. Every row of
 * the result repeats the customer's columns (a customer has a handful of links); with the cache off this is the one
 * round trip of a {@code findAccess} or {@code hasPermission} where the stores' own calls are two.
 */
public final class JdbcAccessReader implements AccessReader {
    private final Database db;
    private final CustomerColumns columns;
    private final String customerColumns;
    private final JdbcMembershipStore memberships;
    private final JdbcGroupStore groups;
    private final JdbcCompanyStore companies;

    public JdbcAccessReader(Database db, JdbcMembershipStore memberships, JdbcGroupStore groups,
            JdbcCompanyStore companies) {
        this.db = Objects.requireNonNull(db, "db");
        this.columns = new CustomerColumns(db.mapping());
        this.customerColumns = columns.selectColumns("c");
        this.memberships = memberships;
        this.groups = groups;
        this.companies = companies;
    }

    /** The statement and its parameters (public for the EXPLAIN tests). */
    public Map.Entry<String, List<Object>> query(String login, Collection<String> alsoGroups) {
        return memberships.customerAndLinksQuery(login, alsoGroups, customerColumns, groups.table(), companies);
    }

    @Override
    public Optional<CustomerAndLinks> customerAndLinks(String login, Collection<String> alsoGroups) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(alsoGroups, "alsoGroups");
        Map.Entry<String, List<Object>> q = query(login, alsoGroups);
        return db.read("find customer '" + login + "' with its links", c -> {
            try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
                List<Object> params = q.getValue();
                for (int i = 0; i < params.size(); i++) {
                    Jdbc.bind(ps, i + 1, params.get(i));
                }
                Customer customer = null;
                JdbcMembershipStore.LinkRows rows = new JdbcMembershipStore.LinkRows(columns.readCount() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (customer == null) {
                            customer = CustomerColumns.read(rs);
                        }
                        rows.add(rs);
                    }
                }
                return customer == null ? Optional.<CustomerAndLinks>empty()
                        : Optional.of(new CustomerAndLinks(customer, rows.result(true)));
            }
        });
    }
}
