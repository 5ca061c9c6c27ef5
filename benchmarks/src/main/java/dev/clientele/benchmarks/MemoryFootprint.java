package dev.clientele.benchmarks;

import dev.clientele.Customer;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.MembershipStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap the memory back-end holds per customer (issue 14: 1M customers with 10 fields and 3 links each in at most
 * 1 GiB), measured after forced collections, next to a plain {@code HashMap} of records holding the same values.
 * {@code java -cp benchmarks/target/clientele-benchmarks.jar dev.clientele.benchmarks.MemoryFootprint [N]}
 * (run it with {@code -Xmx} well above the figure; 1,000,000 by default).
 */
public final class MemoryFootprint {
    private static final String[] FIRST = {"Anna", "Ben", "Carla", "David", "Eva", "Felix", "Greta", "Hans"};
    private static final String[] LAST = {"Smith", "Jones", "Müller", "García", "Nguyen", "Schmidt", "Rossi"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne", "Vienna", "Zurich"};

    /** The same values as a plain record, for the baseline. */
    private record Plain(String login, String email, String customerId, String title, String firstName,
            String lastName, String phone, String street, String zip, String city, List<String> groups) {
    }

    private MemoryFootprint() {
    }

    static Customer customer(int n) {
        return Customer.builder(String.format("user%07d", n)).email(String.format("user%07d@acme.example", n))
                .customerId("company" + (n % 1000)).title(n % 2 == 0 ? "Mr." : "Ms.")
                .firstName(FIRST[n % FIRST.length]).lastName(LAST[n % LAST.length])
                .phone(String.format("+49 30 %07d", n)).street((n % 500) + " Main Street")
                .zip(String.format("%05d", n % 99_999)).city(CITIES[n % CITIES.length]).version(1).build();
    }

    static long usedAfterGc() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long empty = usedAfterGc();
        MemoryBackend memory = MemoryBackend.create("footprint");
        CustomerStore customers = memory.customers().orElseThrow();
        MembershipStore links = memory.memberships().orElseThrow();
        List<Customer> chunk = new ArrayList<>(10_000);
        for (int i = 0; i < n; i++) {
            chunk.add(customer(i));
            if (chunk.size() == 10_000 || i == n - 1) {
                customers.insertAll(chunk, true);
                chunk.clear();
            }
        }
        long withCustomers = usedAfterGc();
        System.out.printf("  the customers with their indexes: %,.0f bytes per customer%n",
                (withCustomers - empty) / (double) n);
        for (int i = 0; i < n; i++) {
            for (int g = 0; g < 3; g++) {
                links.put(Membership.customer(String.format("user%07d", i), "group" + ((i + g * 17) % 50),
                        g == 0 ? Permission.RW : Permission.RO));
            }
        }
        long withStore = usedAfterGc();
        System.out.printf("  their 3 links each: %,.0f bytes per customer%n", (withStore - withCustomers) / (double) n);
        double perCustomer = (withStore - empty) / (double) n;
        System.out.printf("memory back-end: %,d customers (10 fields, 3 links each): %,d MiB, %,.0f bytes per customer%n",
                n, (withStore - empty) >> 20, perCustomer);
        if (customers.count() != n) {
            throw new IllegalStateException("stored " + customers.count());
        }
        memory.close();
        customers = null;
        links = null;
        memory = null;
        long base = usedAfterGc();
        Map<String, Plain> plain = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Customer c = customer(i);
            plain.put(c.login(), new Plain(c.login(), c.email(), c.customerId(), c.title(), c.firstName(),
                    c.lastName(), c.phone(), c.street(), c.zip(), c.city(), List.of("group" + (i % 50),
                            "group" + ((i + 17) % 50), "group" + ((i + 34) % 50))));
        }
        long withPlain = usedAfterGc();
        System.out.printf("a HashMap of records with the same values: %,d MiB, %,.0f bytes per customer (%d kept)%n",
                (withPlain - base) >> 20, (withPlain - base) / (double) n, plain.size());
        System.out.printf("ratio: %.1fx%n", perCustomer / ((withPlain - base) / (double) n));
    }
}
