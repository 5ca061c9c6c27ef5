package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.LoginReader;
import dev.clientele.spi.LoginReader.LoginRead;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a login reads and writes of the stores before its password is verified: the state store's compare-and-set
 * (every back-end), and a back-end's one-round-trip {@link LoginReader}, if it offers one, which answers exactly what
 * its customer store, credential store and state store answer (skipped for a back-end that offers none).
 */
public abstract class LoginReadsContract extends BackendContractSupport {
    private static final String DECOY = "\u0001absent-7";

    private StateStore states;

    @BeforeEach
    void seed() {
        states = backend.state().orElseThrow();
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@example.com").customerId("acme")
                .firstName("J").lastName("Doe").build(), PASSWORD.toCharArray());
        directory.createCustomer(Customer.builder("nopass").email("nopass@example.com").customerId("acme")
                .firstName("N").lastName("Opass").build());
        directory.createCustomer(Customer.builder("fresh").email("fresh@example.com").customerId("acme")
                .firstName("F").lastName("Resh").build(), PASSWORD.toCharArray());
        assertThat(directory.authenticate("jdoe", OTHER_PASSWORD.toCharArray()).succeeded()).isFalse();
        assertThat(directory.authenticate("nobody", OTHER_PASSWORD.toCharArray()).succeeded()).isFalse();
    }

    private LoginState failure(LoginState s, int failures) {
        return new LoginState(s.login(), s.lastLogin(), failures, Optional.of(clock.instant()), s.lockedUntil());
    }

    @Test
    @DisplayName("compareAndSetLoginState sets the state read and returns true; from a state no longer there it"
            + " changes nothing and returns false")
    void compareAndSetFromTheStateRead() {
        LoginState read = states.loginState("jdoe");
        assertThat(read.failedLogins()).isEqualTo(1);

        assertThat(states.compareAndSetLoginState("JDOE", read, failure(read, 2))).isTrue();
        assertThat(states.loginState("jdoe")).isEqualTo(failure(read, 2));
        assertThat(states.compareAndSetLoginState("jdoe", read, failure(read, 5))).isFalse();
        assertThat(states.loginState("jdoe").failedLogins()).isEqualTo(2);
    }

    @Test
    @DisplayName("of 8 threads setting the same state read at once, exactly one succeeds and its state is stored")
    void concurrentCompareAndSetsLetOneWin() throws Exception {
        LoginState read = states.loginState("jdoe");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int failures = 10 + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return states.compareAndSetLoginState("jdoe", read, failure(read, failures));
                }));
            }
            start.countDown();
            int won = 0;
            int winner = -1;
            for (int i = 0; i < 8; i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    won++;
                    winner = 10 + i;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(states.loginState("jdoe").failedLogins()).isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    private LoginReader reader() {
        Assumptions.assumeTrue(backend.loginReader().isPresent(), "the back-end offers no LoginReader");
        return backend.loginReader().get();
    }

    private void assertSame(LoginReader reader, String login, String other) {
        CredentialStore credentials = backend.credentials().orElseThrow();
        LoginRead read = reader.read(login, other);

        assertThat(read.customer()).as(login).isEqualTo(backend.customers().orElseThrow().findByLogin(login));
        assertThat(read.hash()).as(login).isEqualTo(credentials.passwordHash(login));
        assertThat(read.state().orElse(LoginState.empty(login))).as(login).isEqualTo(states.loginState(login));
        assertThat(read.otherState().orElse(LoginState.empty(other))).as(other).isEqualTo(states.loginState(other));
    }

    @Test
    @DisplayName("the login reader answers what the customer store, credential store and state store answer, for a"
            + " login with a hash and a state, without a password, never tried, unknown and in capitals")
    void readerAnswersAsTheStores() {
        LoginReader reader = reader();
        for (String login : List.of("jdoe", "JDOE", "nopass", "fresh", "nobody")) {
            for (String other : List.of(DECOY, "jdoe", "fresh")) {
                assertSame(reader, login, other);
            }
        }
        LoginRead jdoe = reader.read("JDoe", "fresh");
        assertThat(jdoe.customer()).get().extracting(Customer::login).isEqualTo("jdoe");
        assertThat(jdoe.hash()).isPresent();
        assertThat(jdoe.state()).get().extracting(LoginState::failedLogins).isEqualTo(1);
        assertThat(jdoe.otherState()).isEmpty();
        assertThat(reader.read("nopass", "jdoe").hash()).isEmpty();
        assertThat(reader.read("nopass", "jdoe").otherState()).isPresent();
        assertThat(reader.read("nobody", "nobody").customer()).isEmpty();
    }

    @Test
    @DisplayName("a state read by the login reader is the one compareAndSetLoginState expects")
    void readerStateIsWhatTheCompareAndSetExpects() {
        LoginReader reader = reader();
        Instant before = clock.instant();
        LoginState read = reader.read("jdoe", DECOY).state().orElseThrow();
        assertThat(read.firstFailure()).contains(before);

        assertThat(states.compareAndSetLoginState("jdoe", read, failure(read, 3))).isTrue();
        assertThat(reader.read("jdoe", DECOY).state()).contains(failure(read, 3));
    }
}
