package dev.clientele.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What differs between the supported databases: the folder of their migrations and the few statements whose SQL
 * is not shared (upserts, delete-and-return), read from {@code db/clientele/<folder>/statements.properties}. The
 * shared SQL is built from the {@link Mapping} by the stores.
 */
public enum Dialect {
    H2("h2", "H2", false),
    POSTGRESQL("postgresql", "PostgreSQL", true);

    private final String folder;
    private final String productName;
    private final boolean arrayParameters;

    Dialect(String folder, String productName, boolean arrayParameters) {
        this.folder = folder;
        this.productName = productName;
        this.arrayParameters = arrayParameters;
    }

    /**
     * True if a list of keys is best bound as one array parameter ({@code col = ANY(?)}), false for an
     * {@code IN (?, ?, ...)} list: PostgreSQL plans the array once and serves it from the index, H2 serves only the
     * list from the index.
     */
    public boolean arrayParameters() {
        return arrayParameters;
    }

    /**
     * What the update of a login state appends so that its transaction commits without waiting for the log to be
     * flushed: on PostgreSQL {@code synchronous_commit} is turned off for that transaction only (set in the
     * statement itself, no extra round trip). Such a commit is atomic and at once visible to the other
     * transactions — the row locks of the lock-out work as before — but a crash of the database server may lose
     * the last fraction of a second of failure counts and last-login times; never a customer, a password or a link.
     * H2 does not wait for the disk on commit anyway: nothing to append. Run the statement with {@code execute()}.
     */
    public String relaxedCommitSuffix() {
        return this == POSTGRESQL ? " RETURNING set_config('synchronous_commit', 'off', true)" : "";
    }

    /** The dialect of a database by its JDBC product name ({@code DatabaseMetaData.getDatabaseProductName()}). */
    public static Optional<Dialect> ofProduct(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        for (Dialect d : values()) {
            if (p.equals(d.productName.toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The databases supported, for messages. */
    public static String supported() {
        return "H2 2.x, PostgreSQL 13 and newer";
    }

    public String productName() {
        return productName;
    }

    /** The Flyway location of this database's migrations. */
    public String migrations() {
        return "classpath:db/clientele/" + folder + "/migration";
    }

    /** Reads the dialect's statements, with the table names of {@code mapping} filled in. */
    public Map<String, NamedSql> statements(Mapping mapping) {
        String resource = "db/clientele/" + folder + "/statements.properties";
        Properties p = new Properties();
        try (InputStream in = Dialect.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, NamedSql> out = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String sql = p.getProperty(key);
            for (Map.Entry<String, String> t : mapping.tables().entrySet()) {
                sql = sql.replace("{" + t.getKey() + "}", t.getValue());
            }
            if (sql.contains("{")) {
                throw new IllegalStateException("unknown table placeholder in " + resource + " " + key + ": " + sql);
            }
            out.put(key, NamedSql.parse(sql));
        }
        return out;
    }
}
