package dev.clientele.jdbc.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A customer's row in the customers table: the columns the store writes, in one order, each with how its value is
 * taken from a customer (the fields' values, their search columns, validity, additional customer IDs, attributes,
 * created, changed, version); the statements that insert and update a whole row and how their parameters are bound;
 * the columns a read selects, and the customer in a selected row, read by position ({@link #read(ResultSet)} runs
 * once per row of every read and search, so it looks nothing up by name and allocates only the customer).
 */
final class CustomerColumns {
    /** One column the store writes, with how its value is taken from a customer. */
    private record Column(String name, Function<Customer, Object> value) {
    }

    private static final CustomerField[] FIELDS = CustomerField.values();
    static final int LOGIN_COLUMN = CustomerField.LOGIN.ordinal() + 1;

    private final String loginKey;
    private final List<Column> columns;
    private final List<String> readColumns;
    private final String selectColumns;
    private final String insertSql;
    private final String updateSql;

    CustomerColumns(Mapping m) {
        this.loginKey = m.loginKey();
        List<Column> cols = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            cols.add(new Column(m.valueColumn(f), f::get));
        }
        for (CustomerField f : CustomerField.values()) {
            boolean key = f == CustomerField.LOGIN || f == CustomerField.EMAIL || f == CustomerField.CUSTOMER_ID;
            cols.add(new Column(m.searchColumn(f), c -> key ? Keys.of(f.get(c)) : SearchTerm.fold(f.get(c))));
        }
        cols.add(new Column(m.validity(), c -> c.validity().name()));
        cols.add(new Column(m.additionalCustomerIds(), c -> Json.array(c.additionalCustomerIds())));
        cols.add(new Column(m.attributes(), c -> Json.object(c.attributes())));
        cols.add(new Column(m.created(), c -> c.created() == null ? Jdbc.NULL_TIMESTAMP : c.created()));
        cols.add(new Column(m.changed(), c -> c.changed() == null ? Jdbc.NULL_TIMESTAMP : c.changed()));
        cols.add(new Column(m.version(), c -> c.version()));
        this.columns = List.copyOf(cols);

        List<String> read = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            read.add(m.valueColumn(f));
        }
        read.addAll(List.of(m.validity(), m.additionalCustomerIds(), m.attributes(), m.created(), m.changed(),
                m.version()));
        this.readColumns = List.copyOf(read);
        this.selectColumns = String.join(", ", read);
        this.insertSql = "INSERT INTO " + m.customers() + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.updateSql = "UPDATE " + m.customers() + " SET "
                + columns.stream().filter(c -> !c.name().equals(m.loginKey())).map(c -> c.name() + " = ?")
                        .collect(Collectors.joining(", "))
                + " WHERE " + m.loginKey() + " = ? AND " + m.version() + " = ?";
    }

    /** The columns a read selects, comma-separated, in the order {@link #read(ResultSet)} reads them. */
    String selectColumns() {
        return selectColumns;
    }

    /** {@link #selectColumns()} of the table as {@code alias} in a join. */
    String selectColumns(String alias) {
        return readColumns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** How many columns {@link #selectColumns()} has: a join's own columns follow them. */
    int readCount() {
        return readColumns.size();
    }

    /** The names of the columns the store writes, in order. */
    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** How many columns the store writes. */
    int size() {
        return columns.size();
    }

    /** The insert of a whole row: one parameter per written column ({@link #bindAll}). */
    String insertSql() {
        return insertSql;
    }

    /**
     * The update of a whole row by login key and expected version: the written columns but the login key
     * ({@link #bindUpdate}), then the login key and the version.
     */
    String updateSql() {
        return updateSql;
    }

    /** Binds every written column of the customer, from parameter 1. */
    void bindAll(PreparedStatement ps, Customer customer) throws SQLException {
        int i = 1;
        for (Column col : columns) {
            Jdbc.bind(ps, i++, col.value().apply(customer));
        }
    }

    /** Binds the written columns but the login key from parameter 1, and returns the next parameter's index. */
    int bindUpdate(PreparedStatement ps, Customer customer) throws SQLException {
        int i = 1;
        for (Column col : columns) {
            if (!col.name().equals(loginKey)) {
                Jdbc.bind(ps, i++, col.value().apply(customer));
            }
        }
        return i;
    }

    /** Puts the value of each written column of the customer into {@code values} (of {@link #size()}), in order. */
    void values(Customer customer, Object[] values) {
        for (int k = 0; k < values.length; k++) {
            values[k] = columns.get(k).value().apply(customer);
        }
    }

    /**
     * The customer in a row of {@link #selectColumns()}, read by position (a lookup of each column by name costs more
     * than the rest of the row on H2): the fields in {@link CustomerField} order, then validity, additional customer
     * IDs, attributes, created, changed, version.
     */
    static Customer read(ResultSet rs) throws SQLException {
        CustomerField[] fields = FIELDS;
        int n = fields.length;
        Customer.Builder b = Customer.builder(rs.getString(LOGIN_COLUMN));
        for (int i = 0; i < n; i++) {
            if (fields[i] != CustomerField.LOGIN) {
                b.set(fields[i], rs.getString(i + 1));
            }
        }
        return b.validity(Jdbc.validity(rs.getString(n + 1)))
                .additionalCustomerIds(Json.parseArray(rs.getString(n + 2)))
                .attributes(Json.parseObject(rs.getString(n + 3)))
                .created(Jdbc.instant(rs, n + 4))
                .changed(Jdbc.instant(rs, n + 5))
                .version(rs.getLong(n + 6))
                .build();
    }
}
