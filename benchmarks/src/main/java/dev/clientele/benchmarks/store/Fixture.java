package dev.clientele.benchmarks.store;

import dev.clientele.CustomerDirectory;
import dev.clientele.password.PasswordHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One store filled with the {@link Data} of a size: a directory over it with the cache off, one with the cache on,
 * and the raw queries an application would write by hand against the same data. Fixtures are kept for the life of
 * the JVM (the suite runs JMH in-process), so each store is filled once per size.
 */
public abstract class Fixture implements AutoCloseable {
    static final PasswordHasher HASHER = new CheapHasher();
    private static final Map<String, Fixture> OPEN = new LinkedHashMap<>();

    final int customers;
    final Counting counting = new Counting();

    Fixture(int customers) {
        this.customers = customers;
    }

    /** The fixture of this store ({@code h2}, {@code postgres}, {@code ldap}) and size, made on first use. */
    public static synchronized Fixture of(String store, int customers) {
        String key = store + "/" + customers;
        Fixture f = OPEN.get(key);
        if (f == null) {
            long start = System.nanoTime();
            f = switch (store) {
                case "h2", "postgres" -> JdbcFixture.open(store, customers);
                case "ldap" -> LdapFixture.open(customers);
                default -> throw new IllegalArgumentException("unknown store " + store + " (h2, postgres, ldap)");
            };
            System.err.printf("# %s: %,d customers loaded in %.1f s%n", key, customers,
                    (System.nanoTime() - start) / 1e9);
            OPEN.put(key, f);
        }
        return f;
    }

    /** Every fixture made so far, by {@code store/size}. */
    public static synchronized Map<String, Fixture> open() {
        return Map.copyOf(OPEN);
    }

    public static synchronized void closeAll() {
        OPEN.values().forEach(Fixture::close);
        OPEN.clear();
    }

    /** What the store runs on, for the table (e.g. "OpenLDAP slapd 2.5"). */
    public abstract String describe();

    /** The directory with the cache off: every call goes to the store. */
    public abstract CustomerDirectory cold();

    /** The directory with the cache on (the default size and TTL). */
    public abstract CustomerDirectory warm();

    /**
     * The directory with the cache on but bounded to {@value #BOUNDED_CACHE} entries, far fewer than the customers
     * the calls spread over: nearly every call misses.
     */
    public abstract CustomerDirectory bounded();

    /** The size of {@link #bounded()}'s cache. */
    public static final long BOUNDED_CACHE = 1000;

    /** The customer row and the names of its valid groups (own links and its company's), by hand. */
    public abstract Object rawCustomerAndGroups(String login);

    /** Whether the customer or its company is linked to the group, by hand. */
    public abstract boolean rawHasPermission(String login, String group);

    /** The login by hand: the stored hash read and verified (or a bind, on LDAP). */
    public abstract boolean rawLogin(String login, char[] password);

    /** At most {@code limit + 1} customers matching the prefix, by hand; how many. */
    public abstract int rawSearch(String prefix, int limit);

    public Counting counting() {
        return counting;
    }

    @Override
    public abstract void close();

    /** Deletes a temporary folder and all in it; what cannot be deleted is left for the OS. */
    static void deleteTree(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: left for the OS
        }
    }
}
