package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Concurrent writers of one email or one login state, and SQL-special characters")
class ConcurrencyAndCharactersTest {
    private static final int THREADS = 4;

    abstract static class OnDatabase {
        private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CustomerBackend backend;

        abstract CustomerBackend newBackend();

        @BeforeEach
        void open() {
            backend = newBackend();
        }

        @AfterEach
        void close() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            backend.close();
        }

        private static Customer stored(String login, String email) {
            Instant now = Instant.parse("2024-03-01T09:00:00Z");
            return Customer.builder(login).email(email).customerId("acme").firstName("Pat").lastName("Example")
                    .version(1).created(now).changed(now).build();
        }

        @Test
        @DisplayName("a login-state update that loses every compare-and-set race (5) locks the row instead, and"
                + " applies its change to what the racing writes left")
        void lostCompareAndSetRacesFallBackToTheRowLock() {
            StateStore states = backend.state().orElseThrow();
            states.updateLoginState("pat", s -> s);
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            LoginState result = states.updateLoginState("pat", s -> {
                int call = calls.incrementAndGet();
                if (call <= 5) {
                    // a racing write lands between this read and its compare-and-set
                    states.replaceLoginState("pat", new LoginState("pat", s.lastLogin(), 100 + call,
                            s.firstFailure(), s.lockedUntil()));
                }
                return new LoginState(s.login(), s.lastLogin(), s.failedLogins() + 1, s.firstFailure(),
                        s.lockedUntil());
            });

            assertThat(calls).hasValue(6);
            assertThat(result.failedLogins()).isEqualTo(106);
            assertThat(states.loginState("pat").failedLogins()).isEqualTo(106);
        }

        @Test
        @DisplayName("of several threads inserting different logins with one email at once, exactly one succeeds")
        void oneEmailOneWinner() throws Exception {
            CustomerStore store = backend.customers().orElseThrow();
            for (int round = 0; round < 20; round++) {
                String email = "desk" + round + "@acme.example";
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<String>> attempts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Customer candidate = stored("r" + round + "t" + t, t % 2 == 0 ? email : email.toUpperCase());
                    attempts.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        store.insert(candidate, true);
                        return candidate.login();
                    }));
                }
                List<String> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<String> f : attempts) {
                    try {
                        winners.add(f.get(30, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                assertThat(losers).hasSize(THREADS - 1).allSatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(DuplicateCustomerException.class,
                                d -> assertThat(d.field()).isEqualTo("email")));
                assertThat(store.findByEmail(email)).extracting(Customer::login).containsExactly(winners.get(0));
            }
        }

        @Test
        @DisplayName("quotes, %, _, \\, ; and non-ASCII are stored as given and matched literally")
        void specialCharacters() {
            try (CustomerDirectory directory = CustomerDirectory.builder().backend(backend).build()) {
                String nasty = "O'Brien; DROP TABLE clientele_customers; -- 100% _x_ \\back\\ \"q\" Ærø ß İ 😀";
                Customer c = directory.createCustomer(Customer.builder("o'brien%_\\").email("o'b@acme.example")
                        .customerId("a'c;me").firstName("Ünïcode").lastName(nasty).city("Ærøskøbing")
                        .comment(nasty).attribute("k'ey;", nasty).additionalCustomerIds("x\"y", "b\\c").build());

                Customer read = directory.getCustomer("O'BRIEN%_\\");
                assertThat(read.lastName()).isEqualTo(nasty);
                assertThat(read.comment()).isEqualTo(nasty);
                assertThat(read.attributes()).isEqualTo(Map.of("k'ey;", nasty));
                assertThat(read.additionalCustomerIds()).containsExactly("x\"y", "b\\c");
                assertThat(directory.findByCustomerId("A'C;ME")).extracting(Customer::login).containsExactly(c.login());
                assertThat(directory.search(CustomerQuery.builder().text("*100%* *_x_* *\\back\\* o'brien;")
                        .fields(CustomerField.LAST_NAME).build()).customers()).hasSize(1);
                assertThat(directory.search(CustomerQuery.builder().text("*100_*").fields(CustomerField.LAST_NAME)
                        .build()).customers()).isEmpty();
                for (String term : new String[] {"*😀", "*ÆRØ*", "*İ*", "*i̇*", "*ß*"}) {
                    assertThat(directory.search(CustomerQuery.builder().text(term).fields(CustomerField.LAST_NAME)
                            .build()).customers()).as(term).hasSize(1);
                }
                assertThat(directory.search("o'brien%_\\").customers()).hasSize(1);
                assertThat(backend.customers().orElseThrow().count()).isEqualTo(1);
            }
        }
    }

    @Nested
    @DisplayName("on H2")
    class OnH2 extends OnDatabase {
        @Override
        CustomerBackend newBackend() {
            return new JdbcBackendProvider().create(BackendSettings.of("main", "jdbc",
                    Map.of("url", JdbcH2ContractTest.freshUrl())));
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends OnDatabase {
        @Override
        CustomerBackend newBackend() {
            return new JdbcBackendProvider().create(BackendSettings.of("main", "jdbc",
                    PostgresServer.shared().settings(PostgresServer.freshSchema())));
        }
    }
}
