package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.BackendUnavailableException;
import dev.clientele.Customer;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import dev.clientele.spi.CustomerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two in-memory directory servers holding the same customer, told apart by its city (Alpha on the first, Bravo on
 * the second), behind one back-end with the failover server set.
 */
@DisplayName("Failover between two directory servers")
class FailoverTest {
    private static final String BASE = "ou=people," + TestDirectory.SUFFIX;

    private InMemoryTestDirectory first;
    private InMemoryTestDirectory second;
    private LdapBackend backend;
    private CustomerStore store;

    private static InMemoryTestDirectory server(int port, String city) {
        InMemoryTestDirectory d = InMemoryTestDirectory.start(port, c -> { });
        d.add("dn: " + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        d.add("dn: uid=jdoe," + BASE, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: jdoe", "cn: John Doe", "sn: Doe", "givenName: John",
                "mail: jdoe@acme.example", "l: " + city, "userPassword: Corr3ct-Horse-Battery");
        return d;
    }

    @BeforeEach
    void start() {
        first = server(0, "Alpha");
        second = server(0, "Bravo");
        Map<String, String> s = first.settings(BASE);
        s.put("url", first.url() + " " + second.url());
        s.put("connect-timeout", "1s");
        s.put("response-timeout", "2s");
        s.put("failover-connection-age", "300ms");
        s.put("health-check-interval", "200ms");
        backend = LdapBackend.create("corp", s);
        store = backend.customers().orElseThrow();
    }

    @AfterEach
    void stop() {
        backend.close();
        first.close();
        second.close();
    }

    private String city() {
        return store.findByLogin("jdoe").map(Customer::city).orElseThrow();
    }

    @Test
    @DisplayName("while both are up, the first server answers")
    void firstServerFirst() {
        for (int i = 0; i < 10; i++) {
            assertThat(city()).isEqualTo("Alpha");
        }
    }

    @Test
    @DisplayName("with the first server stopped and no call in flight, no call fails: the second answers")
    void stoppedFirstServer() {
        assertThat(city()).isEqualTo("Alpha");

        first.stop();

        for (int i = 0; i < 50; i++) {
            assertThat(city()).as("call %d", i).isEqualTo("Bravo");
        }
        assertThat(backend.passwordVerifier().orElseThrow().verify("jdoe", "Corr3ct-Horse-Battery".toCharArray()))
                .isEqualTo(dev.clientele.spi.PasswordVerifier.Verification.VALID);
    }

    @Test
    @DisplayName("stopping the first server under load fails at most the calls in flight, then all go to the second")
    void stopUnderLoad() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(threads);
        List<Future<List<String>>> after = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                after.add(pool.submit(() -> {
                    running.countDown();
                    while (!stopped.get()) {
                        try {
                            city();
                        } catch (BackendUnavailableException e) {
                            failures.incrementAndGet();
                        }
                    }
                    List<String> cities = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        cities.add(city());
                    }
                    return cities;
                }));
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            first.stop();
            stopped.set(true);
            for (Future<List<String>> f : after) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsOnly("Bravo");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures.get()).as("calls that failed").isLessThanOrEqualTo(threads);
    }

    @Test
    @DisplayName("when the first server is back, new connections return to it")
    void recovery() {
        int port = first.port();
        first.stop();
        assertThat(city()).isEqualTo("Bravo");

        first = server(port, "Alpha");

        // Connections to the second server are replaced after failover-connection-age (300 ms), each pooled
        // connection on its own: poll, bounded, until every call of a run of 20 reaches the first server.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int inARow = 0;
        while (inARow < 20 && System.nanoTime() < deadline) {
            if (city().equals("Alpha")) {
                inARow++;
            } else {
                inARow = 0;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        assertThat(inARow).as("calls in a row answered by the first server").isEqualTo(20);
    }

    @Test
    @DisplayName("with both servers down, calls throw BackendUnavailableException quickly, never 'not found'")
    void bothDown() {
        first.stop();
        second.stop();
        long start = System.nanoTime();

        assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(() -> store.findByLogin("jdoe"))
                .satisfies(e -> assertThat(e.backend()).isEqualTo("corp"));
        assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(() -> store.search(
                new dev.clientele.spi.CustomerSearch(List.of(), java.util.Set.of(dev.clientele.CustomerField.LOGIN),
                        false, 10)));
        assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(() -> backend.passwordVerifier()
                .orElseThrow().verify("jdoe", "Corr3ct-Horse-Battery".toCharArray()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("with the round-robin server set, new connections go to both servers in turn, and to the other when one is down")
    void roundRobin() throws Exception {
        Map<String, String> s = first.settings(BASE);
        s.put("url", first.url() + " " + second.url());
        s.put("server-set", "round-robin");
        s.put("pool-size", "4");
        s.put("connect-timeout", "1s");
        s.put("response-timeout", "2s");
        try (LdapBackend rr = LdapBackend.create("rr", s)) {
            CustomerStore rrStore = rr.customers().orElseThrow();
            // Four callers at once make the pool open more connections than the first; round-robin places them on
            // both servers, and every caller sees one server's answer each time.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            try {
                for (int t = 0; t < 4; t++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 200 && seen.size() < 2; i++) {
                            seen.add(rrStore.findByLogin("jdoe").map(Customer::city).orElseThrow());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : calls) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(seen).containsExactlyInAnyOrder("Alpha", "Bravo");

            second.stop();
            for (int i = 0; i < 20; i++) {
                try {
                    rrStore.findByLogin("jdoe");
                } catch (BackendUnavailableException inFlight) {
                    // a pooled connection to the stopped server fails once, then is replaced
                }
            }
            for (int i = 0; i < 20; i++) {
                assertThat(rrStore.findByLogin("jdoe").map(Customer::city)).contains("Alpha");
            }
        }
    }
}
