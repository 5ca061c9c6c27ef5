package dev.clientele.jdbc.internal;

import dev.clientele.Company;
import dev.clientele.DuplicateKeyException;
import dev.clientele.NotFoundException;
import dev.clientele.Validity;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.Keys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Companies by customer-ID key (the primary key). */
public final class JdbcCompanyStore implements CompanyStore {
    private static final List<String> VALUES = List.of("customer_id", "name", "street", "zip", "city", "country",
            "url", "comments", "validity");

    private final Database db;
    private final Mapping m;
    private final String table;
    private final String select;

    public JdbcCompanyStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.m = db.mapping();
        this.table = m.table("companies");
        List<String> cols = new ArrayList<>();
        for (String v : VALUES) {
            cols.add(m.companyColumn(v));
        }
        this.select = "SELECT " + String.join(", ", cols) + " FROM " + table;
    }

    boolean isIn(Database database) {
        return db == database;
    }

    /** A column of this table under {@code alias}, for statements of the other stores of this database. */
    String column(String alias, String name) {
        return alias + "." + m.companyColumn(name);
    }

    /** {@code LEFT JOIN} of this table as {@code alias} where {@code condition} holds and its key is {@code key}. */
    String leftJoinOnKey(String alias, String condition, String key) {
        return " LEFT JOIN " + table + " " + alias + " ON " + condition + column(alias, "customer_id_key") + " = "
                + key;
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    @Override
    public Optional<Company> find(String customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        return db.read("find company '" + customerId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE " + m.companyColumn("customer_id_key")
                    + " = ?")) {
                ps.setString(1, Keys.of(customerId));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Company>empty();
                }
            }
        });
    }

    /** One statement for all of them: {@code WHERE customer_id_key IN (...)}. */
    @Override
    public Map<String, Company> findAll(Collection<String> customerIds) {
        List<String> keys = customerIds.stream().filter(Objects::nonNull).map(Keys::of).distinct()
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.read("find companies " + keys, c -> {
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE " + m.companyColumn("customer_id_key")
                    + " IN (" + JdbcCustomerStore.placeholders(keys.size()) + ")")) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 1, keys.get(i));
                }
                Map<String, Company> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Company co = read(rs);
                        out.put(Keys.of(co.customerId()), co);
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Company> list() {
        return db.read("list companies", c -> {
            try (PreparedStatement ps = c.prepareStatement(select + " ORDER BY " + m.companyColumn("customer_id_key"));
                    ResultSet rs = ps.executeQuery()) {
                List<Company> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return Collections.unmodifiableList(out);
            }
        });
    }

    @Override
    public void insert(Company company) {
        Objects.requireNonNull(company, "company");
        db.checkWritable("create company '" + company.customerId() + "'");
        String sql = "INSERT INTO " + table + " (" + m.companyColumn("customer_id_key") + ", "
                + String.join(", ", VALUES.stream().map(m::companyColumn).toList()) + ") VALUES ("
                + JdbcCustomerStore.placeholders(VALUES.size() + 1) + ")";
        db.write("create company '" + company.customerId() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, Keys.of(company.customerId()));
                bindValues(ps, 2, company);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new DuplicateKeyException("company", "customerId", company.customerId());
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void update(Company company) {
        Objects.requireNonNull(company, "company");
        db.checkWritable("update company '" + company.customerId() + "'");
        String sql = "UPDATE " + table + " SET "
                + String.join(", ", VALUES.stream().map(v -> m.companyColumn(v) + " = ?").toList())
                + " WHERE " + m.companyColumn("customer_id_key") + " = ?";
        db.write("update company '" + company.customerId() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bindValues(ps, 1, company);
                ps.setString(next, Keys.of(company.customerId()));
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("company", company.customerId());
                }
            }
            return null;
        });
    }

    @Override
    public boolean delete(String customerId) {
        db.checkWritable("delete company '" + customerId + "'");
        if (customerId == null) {
            return false;
        }
        return db.write("delete company '" + customerId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE "
                    + m.companyColumn("customer_id_key") + " = ?")) {
                ps.setString(1, Keys.of(customerId));
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static int bindValues(PreparedStatement ps, int from, Company co) throws SQLException {
        int i = from;
        ps.setString(i++, co.customerId());
        ps.setString(i++, co.name());
        ps.setString(i++, co.street());
        ps.setString(i++, co.zip());
        ps.setString(i++, co.city());
        ps.setString(i++, co.country());
        ps.setString(i++, co.url());
        ps.setString(i++, co.comment());
        ps.setString(i++, co.validity().name());
        return i;
    }

    private Company read(ResultSet rs) throws SQLException {
        return Company.builder(rs.getString(m.companyColumn("customer_id")))
                .name(rs.getString(m.companyColumn("name")))
                .street(rs.getString(m.companyColumn("street")))
                .zip(rs.getString(m.companyColumn("zip")))
                .city(rs.getString(m.companyColumn("city")))
                .country(rs.getString(m.companyColumn("country")))
                .url(rs.getString(m.companyColumn("url")))
                .comment(rs.getString(m.companyColumn("comments")))
                .validity(Jdbc.validity(rs.getString(m.companyColumn("validity"))))
                .build();
    }
}
