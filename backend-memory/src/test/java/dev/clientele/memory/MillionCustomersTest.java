package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerPage;
import dev.clientele.Validity;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 1,000,000 customers in the memory store, walked through {@link CustomerDirectory#customers(boolean)} and
 * {@link CustomerDirectory#customers(String, int, boolean)}: every login exactly once (a {@link BitSet} over the
 * generated logins), and never more than one page read from the store at a time. The store sits behind a thin
 * counting wrapper that records the pages the directory asks for.
 */
@DisplayName("The memory store with 1,000,000 customers, walked page by page")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MillionCustomersTest {
    private static final int CUSTOMERS = 1_000_000;
    /** Every 97th customer is invalid. */
    private static final int INVALID_EVERY = 97;

    private final MemoryBackend memory = MemoryBackend.create("million");
    private final CountingStore store = new CountingStore(memory.customers().orElseThrow());
    private CustomerDirectory directory;

    /** {@code c0000000} to {@code c0999999}: login order is number order. */
    private static String login(int n) {
        String digits = Integer.toString(n);
        return "c" + "0000000".substring(digits.length()) + digits;
    }

    private static int number(String login) {
        return Integer.parseInt(login.substring(1));
    }

    @BeforeAll
    void insertDirectly() {
        List<Customer> chunk = new ArrayList<>(10_000);
        for (int n = 0; n < CUSTOMERS; n++) {
            chunk.add(Customer.builder(login(n)).version(1)
                    .validity(n % INVALID_EVERY == 0 ? Validity.INVALID : Validity.VALID).build());
            if (chunk.size() == 10_000) {
                assertThat(store.insertAll(chunk, false)).isEmpty();
                chunk.clear();
            }
        }
        directory = CustomerDirectory.builder().backend(new CustomerBackend() {
            @Override
            public String name() {
                return "million";
            }

            @Override
            public String type() {
                return "memory";
            }

            @Override
            public Optional<CustomerStore> customers() {
                return Optional.of(store);
            }

            @Override
            public void close() {
            }
        }).cacheTtl(java.time.Duration.ZERO).build();
    }

    @AfterAll
    void close() {
        if (directory != null) {
            directory.close();
        }
        memory.close();
    }

    @Test
    @DisplayName("customers(true) returns all 1,000,000 logins exactly once, in login order, a bounded page at a time")
    void streamEveryLoginOnce() {
        store.reset();
        BitSet seen = new BitSet(CUSTOMERS);
        int count = 0;
        int previous = -1;
        int duplicates = 0;
        boolean ordered = true;
        long mostAhead = 0;
        try (Stream<Customer> all = directory.customers(true)) {
            Iterator<Customer> it = all.iterator();
            while (it.hasNext()) {
                int n = number(it.next().login());
                duplicates += seen.get(n) ? 1 : 0;
                seen.set(n);
                ordered &= n > previous;
                previous = n;
                count++;
                mostAhead = Math.max(mostAhead, store.returned.get() - count);
            }
        }

        assertThat(count).isEqualTo(CUSTOMERS);
        assertThat(duplicates).as("logins seen twice").isZero();
        assertThat(seen.cardinality()).isEqualTo(CUSTOMERS);
        assertThat(ordered).as("in login order").isTrue();
        assertThat(store.largestPage.get()).as("the largest page asked of the store").isLessThanOrEqualTo(1_000);
        assertThat(mostAhead).as("customers read from the store but not yet handed out").isLessThanOrEqualTo(1_000);
        assertThat(store.returned.get()).as("each customer read from the store once").isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("customers() returns exactly the valid ones, each once")
    void streamValidOnes() {
        BitSet seen = new BitSet(CUSTOMERS);
        int count = 0;
        int invalidSeen = 0;
        try (Stream<Customer> valid = directory.customers()) {
            Iterator<Customer> it = valid.iterator();
            while (it.hasNext()) {
                int n = number(it.next().login());
                invalidSeen += n % INVALID_EVERY == 0 ? 1 : 0;
                seen.set(n);
                count++;
            }
        }

        int invalid = (CUSTOMERS + INVALID_EVERY - 1) / INVALID_EVERY;
        assertThat(invalidSeen).as("invalid customers returned").isZero();
        assertThat(count).isEqualTo(CUSTOMERS - invalid);
        assertThat(seen.cardinality()).as("distinct logins").isEqualTo(CUSTOMERS - invalid);
    }

    @Test
    @DisplayName("pages of 10,000 after the last login of the one before cover all 1,000,000 exactly once")
    void pagesCoverEveryLoginOnce() {
        BitSet seen = new BitSet(CUSTOMERS);
        int pages = 0;
        int duplicates = 0;
        CustomerPage page = directory.customers(null, 10_000, true);
        while (true) {
            pages++;
            for (Customer c : page.customers()) {
                int n = number(c.login());
                duplicates += seen.get(n) ? 1 : 0;
                seen.set(n);
            }
            if (!page.morePages()) {
                break;
            }
            page = directory.customers(page.nextAfter().orElseThrow(), 10_000, true);
        }

        assertThat(duplicates).as("logins seen twice").isZero();
        assertThat(seen.cardinality()).isEqualTo(CUSTOMERS);
        assertThat(pages).isEqualTo(CUSTOMERS / 10_000);
    }

    /** The memory store, counting what pages return (a pass-through, not a stand-in). */
    private static final class CountingStore implements CustomerStore {
        private final CustomerStore store;
        final AtomicLong returned = new AtomicLong();
        final AtomicInteger largestPage = new AtomicInteger();

        CountingStore(CustomerStore store) {
            this.store = store;
        }

        void reset() {
            returned.set(0);
            largestPage.set(0);
        }

        @Override
        public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
            largestPage.accumulateAndGet(size, Math::max);
            List<Customer> page = store.page(afterLoginKey, size, includeInvalid);
            returned.addAndGet(page.size());
            return page;
        }

        @Override
        public boolean readOnly() {
            return store.readOnly();
        }

        @Override
        public Optional<Customer> findByLogin(String login) {
            return store.findByLogin(login);
        }

        @Override
        public List<Customer> findByEmail(String email) {
            return store.findByEmail(email);
        }

        @Override
        public List<Customer> findByCustomerId(String customerId, int limit) {
            return store.findByCustomerId(customerId, limit);
        }

        @Override
        public List<Customer> search(CustomerSearch search) {
            return store.search(search);
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public void insert(Customer customer, boolean uniqueEmail) {
            store.insert(customer, uniqueEmail);
        }

        @Override
        public java.util.Map<Integer, dev.clientele.DuplicateCustomerException> insertAll(List<Customer> customers,
                boolean uniqueEmail) {
            return store.insertAll(customers, uniqueEmail);
        }

        @Override
        public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
            store.update(customer, expectedVersion, uniqueEmail);
        }

        @Override
        public boolean delete(String login) {
            return store.delete(login);
        }
    }
}
