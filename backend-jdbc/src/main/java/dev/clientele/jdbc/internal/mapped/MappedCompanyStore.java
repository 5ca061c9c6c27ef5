package dev.clientele.jdbc.internal.mapped;

import dev.clientele.Company;
import dev.clientele.DuplicateKeyException;
import dev.clientele.NotFoundException;
import dev.clientele.ValidationException;
import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.Keys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Companies in Znuny's {@code customer_company}: customer_id (the key, matched by {@code LOWER}), name, street, zip,
 * city, country, url, comments, valid_id. Znuny requires a name and keeps names unique: a company without one, or
 * with another company's name, is refused naming {@code name}.
 */
public final class MappedCompanyStore implements CompanyStore {
    private static final String COLUMNS = "customer_id, name, street, zip, city, country, url, comments, valid_id";

    private final Database db;
    private final FieldMap map;
    private final String table;

    public MappedCompanyStore(Database db, FieldMap map) {
        this.db = Objects.requireNonNull(db, "db");
        this.map = Objects.requireNonNull(map, "map");
        this.table = map.table(FieldMap.Table.COMPANIES);
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
        return findAll(List.of(customerId)).values().stream().findFirst();
    }

    @Override
    public Map<String, Company> findAll(Collection<String> customerIds) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(customerIds.stream().filter(Objects::nonNull)
                .map(Keys::of).toList()));
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.read("find companies", c -> {
            Map<String, Company> out = new HashMap<>();
            for (int from = 0; from < keys.size(); from += CustomerRows.CHUNK) {
                List<String> chunk = Rows.chunk(keys, from, CustomerRows.CHUNK);
                for (Company co : query(c, " WHERE LOWER(customer_id) IN (" + Rows.placeholders(chunk.size()) + ")",
                        chunk)) {
                    out.put(Keys.of(co.customerId()), co);
                }
            }
            return out;
        });
    }

    @Override
    public List<Company> list() {
        return db.read("list companies", c -> query(c, " ORDER BY LOWER(customer_id)", List.of()));
    }

    private List<Company> query(Connection c, String where, List<String> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + where)) {
            Rows.bindAll(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Company> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(Company.builder(rs.getString(1)).name(rs.getString(2)).street(rs.getString(3))
                            .zip(rs.getString(4)).city(rs.getString(5)).country(rs.getString(6)).url(rs.getString(7))
                            .comment(rs.getString(8)).validity(Rows.validity(rs.getInt(9))).build());
                }
                return out;
            }
        }
    }

    @Override
    public void insert(Company company) {
        Objects.requireNonNull(company, "company");
        db.checkWritable("create company '" + company.customerId() + "'");
        db.write("create company '" + company.customerId() + "'", c -> {
            if (!query(c, " WHERE LOWER(customer_id) = ?", List.of(Keys.of(company.customerId()))).isEmpty()) {
                throw new DuplicateKeyException("company", "customerId", company.customerId());
            }
            checkName(c, company, null);
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ", create_time, create_by, change_time, change_by) VALUES (" + Rows.placeholders(13) + ")")) {
                ps.setString(1, company.customerId());
                int i = bind(ps, 2, company);
                Rows.bindTime(ps, i++, now);
                ps.setInt(i++, map.userId());
                Rows.bindTime(ps, i++, now);
                ps.setInt(i, map.userId());
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new DuplicateKeyException("company", "customerId", company.customerId());
                }
                throw e;
            }
        });
    }

    @Override
    public void update(Company company) {
        Objects.requireNonNull(company, "company");
        db.checkWritable("change company '" + company.customerId() + "'");
        db.write("update company '" + company.customerId() + "'", c -> {
            checkName(c, company, Keys.of(company.customerId()));
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET name = ?, street = ?, zip = ?,"
                    + " city = ?, country = ?, url = ?, comments = ?, valid_id = ?, change_time = ?, change_by = ?"
                    + " WHERE LOWER(customer_id) = ?")) {
                int i = bind(ps, 1, company);
                Rows.bindTime(ps, i++, Instant.now());
                ps.setInt(i++, map.userId());
                ps.setString(i, Keys.of(company.customerId()));
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("company", company.customerId());
                }
                return null;
            }
        });
    }

    @Override
    public boolean delete(String customerId) {
        db.checkWritable("delete company '" + customerId + "'");
        if (customerId == null) {
            return false;
        }
        return db.write("delete company '" + customerId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE LOWER(customer_id) = ?")) {
                ps.setString(1, Keys.of(customerId));
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static int bind(PreparedStatement ps, int from, Company co) throws SQLException {
        int i = from;
        for (String v : new String[] {co.name(), co.street(), co.zip(), co.city(), co.country(), co.url(),
            co.comment()}) {
            ps.setString(i++, v);
        }
        ps.setInt(i++, Rows.validId(co.validity()));
        return i;
    }


    private void checkName(Connection c, Company company, String exceptKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM " + table + " WHERE name = ?")) {
            ps.setString(1, company.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!Keys.of(rs.getString(1)).equals(exceptKey)) {
                        throw new ValidationException("company " + company.customerId(), Map.of("name",
                                "is the name of company " + rs.getString(1) + " already (Znuny keeps names unique)"));
                    }
                }
            }
        }
    }
}
