package dev.clientele.jdbc;

import dev.clientele.Customer;
import java.util.Iterator;
import java.util.NoSuchElementException;

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
}
