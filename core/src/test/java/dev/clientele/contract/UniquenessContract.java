package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.CustomerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Unique logins and emails, concurrent creates, and optimistic locking of updates. Races start together at a
 * barrier; nothing sleeps.
 */
public abstract class UniquenessContract extends BackendContractSupport {
    private static final int THREADS = 4;
    /** Rounds of a race through the directory (each create hashes a password). */
    private static final int ROUNDS = 10;
    /** Rounds of a race straight into the store (cheap, so more of them). */
    private static final int STORE_ROUNDS = 50;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("race threads ended").isTrue();
    }

    /** What a race ended with: the values returned and the exceptions thrown. */
    private record Outcome<T>(List<T> winners, List<Throwable> losers) {
    }

    /** Runs {@code THREADS} tasks that start together at a barrier, and collects how each ended. */
    private <T> Outcome<T> race(IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<T>> attempts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Callable<T> work = task.apply(t);
            attempts.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        List<T> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<T> attempt : attempts) {
            try {
                winners.add(attempt.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                losers.add(e.getCause());
            }
        }
        return new Outcome<>(winners, losers);
    }

    /** A customer as the directory hands it to a store: version 1 and timestamps set. */
    private Customer stored(String login, String email) {
        return customer(login).email(email).version(1).created(clock.instant()).changed(clock.instant()).build();
    }

    // ----- unique login and email ---------------------------------------------------------------------------

    @Test
    @DisplayName("creating a login that exists in another case throws DuplicateCustomerException on field login")
    void duplicateLogin() {
        createCustomer("jdoe");
        Customer again = customer("JDOE").email("someone.else@acme.example").firstName("Other").build();

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> directory.createCustomer(again))
                .satisfies(e -> assertThat(e.field()).isEqualTo("login"));
        assertThat(customerStore().count()).isEqualTo(1);
        assertThat(directory.getCustomer("jdoe").firstName()).isEqualTo("Pat");
    }

    @Test
    @DisplayName("creating an email that exists in another case throws DuplicateCustomerException on field email")
    void duplicateEmail() {
        directory.createCustomer(customer("jdoe").email("john.doe@acme.example").build());
        Customer sameMail = customer("johnny").email("John.Doe@ACME.example").build();

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> directory.createCustomer(sameMail))
                .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(directory.findCustomer("johnny")).isEmpty();
        assertThat(customerStore().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("updating to an email another customer has throws DuplicateCustomerException on field email")
    void updateToTakenEmail() {
        createCustomer("jdoe");
        Customer other = createCustomer("johnny");

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> directory.updateCustomer(other.toBuilder().email("JDOE@acme.example").build()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(directory.getCustomer("johnny").email()).isEqualTo("johnny@acme.example");
    }

    @Test
    @DisplayName("with uniqueEmail(false) two customers may share an email")
    void sharedEmailAllowedWhenNotUnique() {
        CustomerDirectory lenient = newDirectory(b -> b.uniqueEmail(false));

        lenient.createCustomer(customer("jdoe").email("desk@acme.example").build());
        lenient.createCustomer(customer("jroe").email("DESK@acme.example").build());

        assertThat(lenient.findByEmail("desk@acme.example")).extracting(Customer::login)
                .containsExactly("jdoe", "jroe");
    }

    @Test
    @DisplayName("the customer store itself refuses a second insert of one login key, in any case")
    void storeRefusesDuplicateLoginKey() {
        CustomerStore store = customerStore();
        store.insert(stored("jdoe", "jdoe@acme.example"), true);

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> store.insert(stored("JDOE", "other@acme.example"), true))
                .satisfies(e -> assertThat(e.field()).isEqualTo("login"));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.findByLogin("jdoe")).get().extracting(Customer::email).isEqualTo("jdoe@acme.example");
    }

    @Test
    @DisplayName("the customer store itself refuses a second insert of one email key when emails are unique")
    void storeRefusesDuplicateEmailKey() {
        CustomerStore store = customerStore();
        store.insert(stored("jdoe", "desk@acme.example"), true);

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> store.insert(stored("jroe", "DESK@acme.example"), true))
                .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(store.findByLogin("jroe")).isEmpty();
    }

    @Test
    @DisplayName("the customer store accepts a second insert of one email key when emails need not be unique")
    void storeAcceptsSharedEmailWhenNotUnique() {
        CustomerStore store = customerStore();
        store.insert(stored("jdoe", "desk@acme.example"), false);

        store.insert(stored("jroe", "DESK@acme.example"), false);

        assertThat(store.findByEmail("desk@acme.example")).extracting(Customer::login).containsExactly("jdoe", "jroe");
    }

    // ----- concurrent creates -------------------------------------------------------------------------------

    @Test
    @DisplayName("of several threads creating one login at once, exactly one wins and the stored customer is the winner's")
    void concurrentCreateOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String login = "race" + round;
            // different emails, so that only the login collides; hashing the password widens the race window
            Outcome<Customer> race = race(t -> {
                Customer candidate = customer(login).firstName("Thread" + t)
                        .email(login + ".t" + t + "@acme.example").build();
                return () -> directory.createCustomer(candidate, PASSWORD.toCharArray());
            });

            assertThat(race.winners()).as("round %d winners", round).hasSize(1);
            assertThat(race.losers()).as("round %d losers", round).hasSize(THREADS - 1)
                    .allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(DuplicateCustomerException.class,
                            d -> assertThat(d.field()).isEqualTo("login")));
            Customer stored = customerStore().findByLogin(login).orElseThrow();
            assertThat(stored.firstName()).isEqualTo(race.winners().get(0).firstName());
            assertThat(stored.email()).isEqualTo(race.winners().get(0).email());
        }
        assertThat(customerStore().count()).isEqualTo(ROUNDS);
    }

    @Test
    @DisplayName("of several threads inserting one login key straight into the store at once, exactly one succeeds")
    void concurrentStoreInsertOneWinner() throws Exception {
        CustomerStore store = customerStore();
        for (int round = 0; round < STORE_ROUNDS; round++) {
            String login = "race" + round;
            Outcome<String> race = race(t -> {
                Customer candidate = stored(t % 2 == 0 ? login : login.toUpperCase(),
                        login + ".t" + t + "@acme.example");
                return () -> {
                    store.insert(candidate, true);
                    return candidate.email();
                };
            });

            assertThat(race.winners()).as("round %d winners", round).hasSize(1);
            assertThat(race.losers()).as("round %d losers", round).hasSize(THREADS - 1)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(DuplicateCustomerException.class));
            assertThat(store.findByLogin(login)).get().extracting(Customer::email)
                    .isEqualTo(race.winners().get(0));
        }
        assertThat(store.count()).isEqualTo(STORE_ROUNDS);
    }

    // ----- optimistic locking -------------------------------------------------------------------------------

    @Test
    @DisplayName("an update based on a stale version throws ConcurrentUpdateException and keeps the first update")
    void staleUpdateRejected() {
        assumeVersioned();
        createCustomer("jdoe");
        Customer version1 = directory.getCustomer("jdoe");
        assertThat(version1.version()).isEqualTo(1);
        Customer version2 = directory.updateCustomer(version1.toBuilder().city("Hamburg").build());
        assertThat(version2.version()).isEqualTo(2);

        assertThatExceptionOfType(ConcurrentUpdateException.class)
                .isThrownBy(() -> directory.updateCustomer(version1.toBuilder().city("Munich").build()));

        Customer stored = customerStore().findByLogin("jdoe").orElseThrow();
        assertThat(stored.city()).isEqualTo("Hamburg");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(directory.getCustomer("jdoe").city()).isEqualTo("Hamburg");
    }

    @Test
    @DisplayName("of several threads updating the same version at once, exactly one wins, the others get ConcurrentUpdateException")
    void concurrentUpdateOneWinner() throws Exception {
        assumeVersioned();
        for (int round = 0; round < ROUNDS; round++) {
            String login = "upd" + round;
            Customer read = createCustomer(login);
            Outcome<Customer> race = race(t -> {
                Customer change = read.toBuilder().city("City" + t).build();
                return () -> directory.updateCustomer(change);
            });

            assertThat(race.winners()).as("round %d winners", round).hasSize(1);
            assertThat(race.losers()).as("round %d losers", round).hasSize(THREADS - 1)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentUpdateException.class));
            Customer stored = customerStore().findByLogin(login).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.city()).isEqualTo(race.winners().get(0).city());
        }
    }
}
