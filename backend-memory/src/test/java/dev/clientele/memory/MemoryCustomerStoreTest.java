package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerQuery;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.Validity;
import dev.clientele.memory.internal.MemoryCustomerStore;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.Keys;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the memory customer store does beyond the shared contract: indexed search, its locking and indexes. */
class MemoryCustomerStoreTest {

    private static final Set<CustomerField> DEFAULT_FIELDS = EnumSet.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
    private static final String[] FIRST = {"Anna", "Bert", "Carla", "Dirk", "Eva", "Frank", "Gina", "Hugo", "Ines"};
    private static final String[] LAST = {"Meyer", "Schmidt", "Weber", "Wagner", "Becker", "Hoffmann", "Koch"};

    private final MemoryBackend backend = MemoryBackend.create("test");
    private final MemoryCustomerStore store = (MemoryCustomerStore) backend.customers().orElseThrow();

    private static Customer.Builder customer(String login) {
        return Customer.builder(login).email(login + "@example.org").customerId("acme").firstName("Pat")
                .lastName("Example").version(1);
    }

    private static CustomerSearch search(String text, int limit) {
        return search(text, DEFAULT_FIELDS, true, limit);
    }

    private static CustomerSearch search(String text, Set<CustomerField> fields, boolean validOnly, int limit) {
        List<SearchTerm> terms = new ArrayList<>();
        for (String t : text.strip().split("\\s+")) {
            if (!t.isEmpty()) {
                terms.add(SearchTerm.parse(t));
            }
        }
        return new CustomerSearch(terms, fields, validOnly, limit);
    }

    /** 10,000 customers; every 100th is called Jo... (first or last name), and so are no others. */
    private void fillTenThousand() {
        for (int i = 0; i < 10_000; i++) {
            Customer.Builder b = customer(String.format("user%05d", i))
                    .firstName(FIRST[i % FIRST.length]).lastName(LAST[i % LAST.length])
                    .customerId("company" + (i % 37));
            if (i % 100 == 0) {
                b = i % 200 == 0 ? b.firstName("John") : b.lastName("Jordan");
            }
            store.insert(b.build(), true);
        }
    }

    @Test
    @DisplayName("a prefix search of 10,000 customers examines only the 100 candidates of its index range")
    void prefixSearchExaminesOnlyTheCandidatesOfItsIndexRange() {
        fillTenThousand();
        store.resetExaminedCandidates();

        List<Customer> found = store.search(search("jo*", 1_000));

        assertThat(found).hasSize(100);
        assertThat(found).allSatisfy(c -> assertThat(c.firstName() + " " + c.lastName()).containsIgnoringCase("jo"));
        assertThat(store.examinedCandidates()).isEqualTo(100);
    }

    @Test
    @DisplayName("several prefix terms examine only the candidates of the most selective one")
    void severalPrefixTermsExamineTheMostSelectiveTermsCandidates() {
        fillTenThousand();
        store.resetExaminedCandidates();

        // "John" (50 customers) AND a company starting with "company1" (company1, company10..19: 11 of 37)
        List<Customer> found = store.search(search("joh company1", 1_000));

        List<Customer> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i += 200) {
            if (("company" + (i % 37)).startsWith("company1")) {
                expected.add(store.findByLogin(String.format("user%05d", i)).orElseThrow());
            }
        }
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(store.examinedCandidates()).as("the 50 Johns, not the 3,000 of company1*").isEqualTo(50);
    }

    @Test
    @DisplayName("sixteen broad terms (each matching every customer) find every customer, examining each once")
    void manyBroadTermsExamineEachCandidateOnce() {
        fillTenThousand();
        store.resetExaminedCandidates();

        List<Customer> found = store.search(search("u ".repeat(CustomerQuery.MAX_TERMS).strip(), 20_000));

        assertThat(found).hasSize(10_000);
        assertThat(store.examinedCandidates()).isEqualTo(10_000);
    }

    @Test
    @DisplayName("a leading-wildcard search scans in login order and stops at the limit")
    void leadingWildcardScansInLoginOrderAndStopsAtTheLimit() {
        fillTenThousand();
        store.resetExaminedCandidates();

        List<Customer> found = store.search(search("*ordan", 10));

        assertThat(found).extracting(Customer::login)
                .containsExactly("user00100", "user00300", "user00500", "user00700", "user00900", "user01100",
                        "user01300", "user01500", "user01700", "user01900");
        assertThat(store.examinedCandidates()).isEqualTo(1_901); // user00000 .. user01900, then stopped
    }

    @Test
    @DisplayName("indexed results are ordered by login key, whatever the case, and cut at the fetch limit")
    void indexedResultsAreOrderedByLoginKeyAndCutAtTheFetchLimit() {
        store.insert(customer("Zoe").firstName("Joanna").build(), true);
        store.insert(customer("adam").lastName("Jones").build(), true);
        store.insert(customer("Mia").firstName("Josephine").build(), true);
        store.insert(customer("bob").build(), true);

        assertThat(store.search(search("JO", 10))).extracting(Customer::login).containsExactly("adam", "Mia", "Zoe");
        assertThat(store.search(search("jo", 2))).extracting(Customer::login).containsExactly("adam", "Mia");
    }

    @Test
    @DisplayName("the search, email and customer-ID indexes follow updates and deletes")
    void indexesFollowUpdatesAndDeletes() {
        store.insert(customer("jdoe").lastName("Doe").build(), true);
        assertThat(store.search(search("doe", 10))).hasSize(1);

        store.update(customer("jdoe").lastName("Roe").version(2).build(), 1, true);
        assertThat(store.search(search("doe", 10))).isEmpty();
        assertThat(store.search(search("jdo", 10))).extracting(Customer::login).containsExactly("jdoe"); // login
        assertThat(store.search(search("jdo", EnumSet.of(CustomerField.LAST_NAME), true, 10))).isEmpty();
        assertThat(store.search(search("roe", 10))).hasSize(1);

        assertThat(store.delete("JDOE")).isTrue();
        assertThat(store.search(search("roe", 10))).isEmpty();
        assertThat(store.findByEmail("jdoe@example.org")).isEmpty();
        assertThat(store.findByCustomerId("acme", 10)).isEmpty();
    }

    /** The index must find exactly what a scan with {@code matches} finds, whatever the terms. */
    @Test
    @DisplayName("an indexed search finds exactly what a scan with matches() finds, for over 1,000 term, field and"
            + " limit combinations")
    void indexedSearchFindsExactlyWhatAScanFinds() {
        Random random = new Random(42);
        List<Customer> all = new ArrayList<>();
        String[] words = {"jo", "JOHN", "johanna", "Jon", "ann", "anna", "Anne-Marie", "bert", "o'neil", "x*y", "50%",
                "a_b", "ümit", "Straße", "ß"};
        for (int i = 0; i < 600; i++) {
            Customer c = customer("u" + i + words[random.nextInt(words.length)])
                    .firstName(words[random.nextInt(words.length)])
                    .lastName(words[random.nextInt(words.length)] + words[random.nextInt(words.length)])
                    .customerId(words[random.nextInt(words.length)])
                    .city(random.nextBoolean() ? null : words[random.nextInt(words.length)])
                    .email(i % 7 == 0 ? null : "m" + i + "@" + words[random.nextInt(words.length)] + ".example")
                    .validity(i % 5 == 0 ? Validity.INVALID : Validity.VALID)
                    .build();
            store.insert(c, false);
            all.add(c);
        }
        all.sort(Comparator.comparing(c -> Keys.of(c.login())));
        String[] terms = {"jo", "jo*", "*jo", "*jo*", "j*n", "jo*n*", "ann", "anne-*", "*%", "50%", "a_b", "x",
                "ümi", "STRA", "straße", "ß", "*", "u1", "u1*jo", "m3*", "*.example", "o'", "*b*", "jon*", "u5 jo"};
        List<Set<CustomerField>> fieldSets = List.of(DEFAULT_FIELDS, EnumSet.of(CustomerField.CITY),
                EnumSet.of(CustomerField.FIRST_NAME, CustomerField.CITY), EnumSet.allOf(CustomerField.class));
        int checked = 0;
        for (Set<CustomerField> fields : fieldSets) {
            for (String a : terms) {
                for (String b : new String[] {"", " ann", " *o*", " u2"}) {
                    for (boolean validOnly : new boolean[] {true, false}) {
                        for (int limit : new int[] {3, 1_000}) {
                            CustomerSearch s = search(a + b, fields, validOnly, limit);
                            List<Customer> expected = all.stream().filter(s::matches).limit(limit)
                                    .collect(Collectors.toList());
                            assertThat(store.search(s)).as("%s over %s", s.terms(), fields)
                                    .containsExactlyElementsOf(expected);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    @DisplayName("lookups by email and customer ID ignore case, are ordered by login and respect the limit")
    void lookupsByEmailAndCustomerIdAreCaseInsensitiveOrderedAndLimited() {
        store.insert(customer("b").email("Shared@Example.org").customerId("ACME").build(), false);
        store.insert(customer("A").email("shared@example.org").customerId("acme").build(), false);
        store.insert(customer("c").customerId("other").build(), false);

        assertThat(store.findByEmail(" SHARED@example.ORG ")).extracting(Customer::login).containsExactly("A", "b");
        assertThat(store.findByCustomerId("Acme", 10)).extracting(Customer::login).containsExactly("A", "b");
        assertThat(store.findByCustomerId("acme", 1)).extracting(Customer::login).containsExactly("A");
        assertThat(store.findByLogin("B").orElseThrow().email()).isEqualTo("Shared@Example.org");
    }

    @Test
    @DisplayName("a customer is stored and returned exactly as given, case included (an equal value: rows are compact)")
    void valuesAreStoredExactlyAsGiven() {
        Customer c = customer("JDoe").email("John.Doe@Example.ORG").attribute("x", "y").version(7).build();
        store.insert(c, true);
        Customer read = store.findByLogin("jdoe").orElseThrow();
        assertThat(read).isEqualTo(c);
        assertThat(read.login()).isEqualTo("JDoe");
        assertThat(read.email()).isEqualTo("John.Doe@Example.ORG");
        assertThat(read.attributes()).containsExactly(java.util.Map.entry("x", "y"));
    }

    @Test
    @DisplayName("update is a compare-and-set on the version, refuses an unknown login and an email taken when unique")
    void updateIsACompareAndSetOnTheVersion() {
        store.insert(customer("jdoe").build(), true);
        store.insert(customer("other").build(), true);

        assertThatExceptionOfType(ConcurrentUpdateException.class)
                .isThrownBy(() -> store.update(customer("jdoe").version(3).build(), 2, true))
                .withMessageContaining("version 2").withMessageContaining("stored version is 1");
        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> store.update(customer("nobody").build(), 1, true));
        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> store.update(customer("jdoe").email("OTHER@example.org").build(), 1, true))
                .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
        store.update(customer("jdoe").email("OTHER@example.org").version(2).build(), 1, false);
        store.update(customer("jdoe").email("JDOE@example.org").version(3).build(), 2, true); // its own email
        assertThat(store.findByLogin("jdoe").orElseThrow().version()).isEqualTo(3);
    }

    @Test
    @DisplayName("of concurrent inserts of one login (in any case) or one email, exactly one wins")
    void ofConcurrentInsertsOfOneLoginOrOneEmailExactlyOneWins() throws Exception {
        for (int r = 0; r < 50; r++) {
            int round = r;
            String login = "race" + round;
            int loginWins = race(16, i -> store.insert(customer(i % 2 == 0 ? login : login.toUpperCase())
                    .email(login + "." + i + "@example.org").build(), true));
            int emailWins = race(16, i -> store.insert(customer(login + "-mail-" + i)
                    .email("Mail" + round + "@example.org").build(), true));
            assertThat(loginWins).isEqualTo(1);
            assertThat(emailWins).isEqualTo(1);
        }
        assertThat(store.count()).isEqualTo(100);
    }

    @Test
    @DisplayName("of concurrent updates from one version, exactly one wins")
    void ofConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
        store.insert(customer("jdoe").build(), true);
        int wins = race(16, i -> store.update(customer("jdoe").comment("writer " + i).version(2).build(), 1, true));
        assertThat(wins).isEqualTo(1);
    }

    @Test
    @DisplayName("concurrent readers never see index entries inconsistent with the stored customers")
    void readersNeverSeeIndexesInconsistentWithTheStore() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    store.insert(customer("w" + i).lastName("Jolly").build(), true);
                    if (i % 3 == 0) {
                        store.delete("w" + (i / 2));
                    }
                }
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    while (!writer.isDone()) {
                        for (Customer c : store.search(search("jol", 100_000))) {
                            assertThat(c.lastName()).isEqualTo("Jolly");
                        }
                    }
                    return null;
                }));
            }
            writer.get();
            for (Future<?> r : readers) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.search(search("jol", 100_000))).hasSize((int) store.count());
    }

    @Test
    @DisplayName("a read-only store refuses insert, update and delete, naming the back-end")
    void aReadOnlyStoreRefusesEveryWriteNamingTheBackEnd() {
        MemoryCustomerStore readOnly = (MemoryCustomerStore) MemoryBackend.create("corp", true).customers()
                .orElseThrow();
        assertThat(readOnly.readOnly()).isTrue();
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.insert(customer("jdoe").build(), true))
                .withMessageContaining("'corp'");
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.update(customer("jdoe").build(), 1, true));
        assertThatExceptionOfType(ReadOnlyBackendException.class).isThrownBy(() -> readOnly.delete("jdoe"));
    }

    @Test
    @DisplayName("makeReadOnly keeps the data readable and refuses writes")
    void makeReadOnlyKeepsTheDataAndStopsWrites() {
        store.insert(customer("jdoe").build(), true);
        backend.makeReadOnly();
        assertThat(store.readOnly()).isTrue();
        assertThat(store.findByLogin("jdoe")).isPresent();
        assertThatExceptionOfType(ReadOnlyBackendException.class).isThrownBy(() -> store.delete("jdoe"));
    }

    /** Runs the action on n threads at once; returns how many did not throw a duplicate/concurrency failure. */
    private static int race(int n, ThrowingIntConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Boolean> task = () -> {
                    start.await();
                    try {
                        action.accept(index);
                        return true;
                    } catch (DuplicateCustomerException | ConcurrentUpdateException e) {
                        return false;
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get() ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThrowingIntConsumer {
        void accept(int i) throws Exception;
    }
}
