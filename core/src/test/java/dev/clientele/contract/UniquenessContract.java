package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.DuplicateCustomerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unique logins and emails, concurrent creates, and optimistic locking of updates. */
public abstract class UniquenessContract extends BackendContractSupport {
    private static final int ROUNDS = 10;

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
    @DisplayName("of two threads creating one login at once, exactly one wins and the stored customer is the winner's")
    void concurrentCreateOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String login = "race" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Customer>> attempts = new ArrayList<>();
                for (String who : List.of("First", "Second")) {
                    Customer candidate = customer(login).firstName(who)
                            .email(login + "." + who.toLowerCase() + "@acme.example").build();
                    Callable<Customer> create = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return directory.createCustomer(candidate);
                    };
                    attempts.add(pool.submit(create));
                }

                List<Customer> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<Customer> attempt : attempts) {
                    try {
                        winners.add(attempt.get(30, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }

                assertThat(winners).as("round %d winners", round).hasSize(1);
                assertThat(losers).as("round %d losers", round).singleElement()
                        .isInstanceOfSatisfying(DuplicateCustomerException.class,
                                e -> assertThat(e.field()).isEqualTo("login"));
                Customer stored = customerStore().findByLogin(login).orElseThrow();
                assertThat(stored.firstName()).isEqualTo(winners.get(0).firstName());
                assertThat(stored.email()).isEqualTo(winners.get(0).email());
            }
            assertThat(customerStore().count()).isEqualTo(ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

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
    @DisplayName("of two threads updating the same version at once, exactly one wins and the other gets ConcurrentUpdateException")
    void concurrentUpdateOneWinner() throws Exception {
        assumeVersioned();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String login = "upd" + round;
                Customer read = createCustomer(login);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Customer>> attempts = new ArrayList<>();
                for (String city : List.of("Hamburg", "Munich")) {
                    Customer change = read.toBuilder().city(city).build();
                    Callable<Customer> update = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return directory.updateCustomer(change);
                    };
                    attempts.add(pool.submit(update));
                }

                List<Customer> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<Customer> attempt : attempts) {
                    try {
                        winners.add(attempt.get(30, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }

                assertThat(winners).as("round %d winners", round).hasSize(1);
                assertThat(losers).as("round %d losers", round).singleElement()
                        .isInstanceOf(ConcurrentUpdateException.class);
                Customer stored = customerStore().findByLogin(login).orElseThrow();
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.city()).isEqualTo(winners.get(0).city());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
