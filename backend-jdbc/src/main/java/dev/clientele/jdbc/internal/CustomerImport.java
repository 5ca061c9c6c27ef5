package dev.clientele.jdbc.internal;

import dev.clientele.Customer;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.Keys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The customer store's bulk insert ({@link JdbcCustomerStore#insertAll}): chunks of {@value JdbcCustomerStore#CHUNK}
 * customers, in the current transaction (or one of its own); each chunk is one {@code COPY} on PostgreSQL
 * ({@link PgCopy}; a JDBC batch for a chunk with a value COPY cannot carry, or where the connection is not pgjdbc's),
 * a JDBC batch elsewhere. With unique emails, the stripes of every email of the call are locked first
 * ({@link CustomerWrites#lockEmails}: in stripe order and in one statement, so two imports cannot deadlock), and each
 * chunk's emails already stored are refused up front. A chunk that still hits a unique login is undone to a
 * savepoint and its rows are inserted one by one, each in a savepoint of its own, so that a duplicate refuses only
 * its row.
 */
final class CustomerImport {
    private final Database db;
    private final Mapping m;
    private final CustomerColumns columns;
    private final CustomerReads reads;
    private final CustomerWrites writes;
    /** Imports by COPY on PostgreSQL ({@code null} elsewhere). */
    private final @Nullable PgCopy copy;

    CustomerImport(Database db, CustomerColumns columns, CustomerReads reads, CustomerWrites writes) {
        this.db = db;
        this.m = db.mapping();
        this.columns = columns;
        this.reads = reads;
        this.writes = writes;
        this.copy = db.dialect() == Dialect.POSTGRESQL ? new PgCopy(m.customers(), columns.names()) : null;
    }

    /** Inserts the customers; the refused ones by their index in the list. */
    Map<Integer, DuplicateCustomerException> insertAll(List<Customer> customers, boolean uniqueEmail) {
        Objects.requireNonNull(customers, "customers");
        db.checkWritable("import customers");
        if (customers.isEmpty()) {
            return Map.of();
        }
        return db.write("import " + customers.size() + " customers", c -> {
            Map<Integer, DuplicateCustomerException> refused = new LinkedHashMap<>();
            Set<String> emailsSeen = new HashSet<>();
            if (uniqueEmail) {
                List<String> keys = new ArrayList<>();
                for (Customer cu : customers) {
                    String k = Keys.of(cu.email());
                    if (k != null) {
                        keys.add(k);
                    }
                }
                if (!keys.isEmpty()) {
                    writes.lockEmails(c, keys);
                }
            }
            for (int from = 0; from < customers.size(); from += JdbcCustomerStore.CHUNK) {
                List<Integer> todo = new ArrayList<>();
                for (int i = from; i < Math.min(customers.size(), from + JdbcCustomerStore.CHUNK); i++) {
                    todo.add(i);
                }
                if (uniqueEmail) {
                    todo = refuseTakenEmails(c, customers, todo, emailsSeen, refused);
                }
                insertChunk(c, customers, todo, refused);
            }
            return refused;
        });
    }

    private List<Integer> refuseTakenEmails(Connection c, List<Customer> customers, List<Integer> todo,
            Set<String> emailsSeen, Map<Integer, DuplicateCustomerException> refused) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (int i : todo) {
            String k = Keys.of(customers.get(i).email());
            if (k != null) {
                keys.add(k);
            }
        }
        if (keys.isEmpty()) {
            return todo;
        }
        Set<String> taken = reads.existingKeys(c, m.emailKey(), new ArrayList<>(new LinkedHashSet<>(keys)));
        List<Integer> left = new ArrayList<>();
        for (int i : todo) {
            Customer cu = customers.get(i);
            String k = Keys.of(cu.email());
            if (k != null && (taken.contains(k) || !emailsSeen.add(k))) {
                refused.put(i, new DuplicateCustomerException("email", cu.email()));
            } else {
                left.add(i);
            }
        }
        return left;
    }

    private void insertChunk(Connection c, List<Customer> customers, List<Integer> todo,
            Map<Integer, DuplicateCustomerException> refused) throws SQLException {
        if (todo.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(columns.insertSql())) {
            try {
                Database.inSavepoint(c, x -> {
                    PgCopy.Encoded rows = copy == null || !PgCopy.available(x) ? null : encode(customers, todo);
                    if (rows != null) {
                        return copy.copy(x, rows);
                    }
                    for (int i : todo) {
                        columns.bindAll(ps, customers.get(i));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
                return;
            } catch (SQLException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                ps.clearBatch();
            }
            for (int i : todo) {
                Customer cu = customers.get(i);
                try {
                    Database.inSavepoint(c, x -> {
                        columns.bindAll(ps, cu);
                        return ps.executeUpdate();
                    });
                } catch (SQLException e) {
                    if (!Database.isUniqueViolation(e)) {
                        throw e;
                    }
                    refused.put(i, new DuplicateCustomerException("login", cu.login()));
                }
            }
        }
    }

    /** The chunk's rows for {@link PgCopy}, or {@code null} if one of them must go by insert. */
    private PgCopy.@Nullable Encoded encode(List<Customer> customers, List<Integer> todo) {
        PgCopy.Encoder out = new PgCopy.Encoder();
        Object[] values = new Object[columns.size()];
        for (int i : todo) {
            Customer cu = customers.get(i);
            columns.values(cu, values);
            if (!out.row(values)) {
                return null;
            }
        }
        return out.encoded();
    }
}
