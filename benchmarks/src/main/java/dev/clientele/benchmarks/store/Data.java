package dev.clientele.benchmarks.store;

import dev.clientele.Customer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The generated data every store gets: customer {@code n} has login {@code user%06d}, company
 * {@code company<n % 100>} and 3 of the {@value #GROUPS} groups; each company has one group of its own. About two in
 * seven last names start with "Jo", so a search for {@code jo*} has far more than 250 matches.
 */
public final class Data {
    public static final int GROUPS = 50;
    public static final int COMPANIES = 100;
    public static final int LINKS_PER_CUSTOMER = 3;
    public static final String PASSWORD = "Bench-Passw0rd-123";
    public static final String SEARCH = "jo*";
    public static final int SEARCH_LIMIT = 250;
    private static final String[] LAST_NAMES = {"Jones", "Smith", "Meyer", "Johnson", "Garcia", "Nguyen", "Brown"};

    private Data() {
    }

    public static String login(int n) {
        return String.format("user%06d", n);
    }

    public static String company(int n) {
        return "company" + (n % COMPANIES);
    }

    public static String group(int g) {
        return String.format("group%02d", g);
    }

    public static String lastName(int n) {
        return LAST_NAMES[n % LAST_NAMES.length];
    }

    public static String firstName(int n) {
        return "First" + n;
    }

    public static String email(int n) {
        return login(n) + "@bench.example";
    }

    /** The groups customer {@code n} is linked to (RW for even, RO for odd customers). */
    public static List<String> groupsOf(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < LINKS_PER_CUSTOMER; i++) {
            out.add(group((n + i * 17) % GROUPS));
        }
        return out;
    }

    /** The group company {@code c} is linked to (RO). */
    public static String groupOfCompany(int c) {
        return group((c + 7) % GROUPS);
    }

    public static Customer customer(int n) {
        return Customer.builder(login(n)).email(email(n)).customerId(company(n)).firstName(firstName(n))
                .lastName(lastName(n)).build();
    }

    /** The customers 0 to {@code count - 1}, made on the fly. */
    public static Iterable<Customer> customers(int count) {
        return () -> new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < count;
            }

            @Override
            public Customer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return customer(n++);
            }
        };
    }
}
