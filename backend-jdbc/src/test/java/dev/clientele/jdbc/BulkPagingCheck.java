package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerPage;
import dev.clientele.spi.CustomerBackend;
import java.time.Duration;
import java.util.BitSet;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Walks the customers {@link BulkImportCheck} left (every {@code user%06d} of {@link BulkData} but row 20, whose email
 * was taken, plus {@code twenty}) through {@link CustomerDirectory#customers(boolean)} and through pages, checking
 * that each login comes exactly once, in login order. A {@link BitSet} over the customer numbers keeps the check
 * small. Shared by the H2 and PostgreSQL tests.
 */
final class BulkPagingCheck {
    /** The stored customers: all but number 20, plus {@code twenty}. */
    static final int STORED = BulkData.CUSTOMERS;

    private BulkPagingCheck() {
    }

    static void walkAndCheck(CustomerBackend backend) {
        try (CustomerDirectory directory = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO)
                .build()) {
            Walked streamed = new Walked();
            try (Stream<Customer> all = directory.customers(true)) {
                Iterator<Customer> it = all.iterator();
                while (it.hasNext()) {
                    streamed.add(it.next());
                }
            }
            streamed.check();

            Walked paged = new Walked();
            int pages = 0;
            CustomerPage page = directory.customers(null, 7_000, true);
            while (true) {
                pages++;
                page.customers().forEach(paged::add);
                if (!page.morePages()) {
                    break;
                }
                page = directory.customers(page.nextAfter().orElseThrow(), 7_000, true);
            }
            paged.check();
            assertThat(pages).isEqualTo((STORED + 6_999) / 7_000);
        }
    }

    /** What a walk returned: the numbers of the {@code user} logins, {@code twenty}, order and duplicates. */
    private static final class Walked {
        private final BitSet users = new BitSet(BulkData.CUSTOMERS);
        private int count;
        private int twenty;
        private int duplicates;
        private int others;
        private String previous = "";
        private boolean ordered = true;

        void add(Customer c) {
            String login = c.login();
            count++;
            ordered &= login.compareTo(previous) > 0;
            previous = login;
            if (login.equals("twenty")) {
                twenty++;
            } else if (login.startsWith("user")) {
                int n = Integer.parseInt(login.substring(4));
                duplicates += users.get(n) ? 1 : 0;
                users.set(n);
            } else {
                others++;
            }
        }

        void check() {
            assertThat(count).as("customers walked").isEqualTo(STORED);
            assertThat(duplicates).as("logins seen twice").isZero();
            assertThat(users.cardinality()).as("distinct user logins").isEqualTo(BulkData.CUSTOMERS - 1);
            assertThat(users.get(20)).as("user000020 (refused at import)").isFalse();
            assertThat(twenty).as("'twenty' seen").isEqualTo(1);
            assertThat(others).as("unexpected logins").isZero();
            assertThat(ordered).as("in login order").isTrue();
        }
    }
}
