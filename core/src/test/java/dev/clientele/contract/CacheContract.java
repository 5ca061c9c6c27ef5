package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The read cache: what changes through the directory shows at once; what changes behind its back (straight in the
 * store) shows after the TTL, or at once after {@code invalidateCaches()}.
 */
public abstract class CacheContract extends BackendContractSupport {
    private CustomerDirectory cached;

    @BeforeEach
    void cachedDirectory() {
        cached = newDirectory(b -> b.cacheTtl(Duration.ofSeconds(30)).policy(
                dev.clientele.CustomerGroupPolicy.builder().groupSupport(true).alwaysGroups(java.util.Map.of()).build()));
        cached.createGroup(Group.of("support"));
        cached.createCustomer(customer("jdoe").build());
    }

    private void changeBehindTheBack() {
        var stored = customerStore().findByLogin("jdoe").orElseThrow();
        customerStore().update(stored.toBuilder().lastName("Changed").version(stored.version() + 1).build(),
                stored.version(), true);
    }

    @Test
    @DisplayName("serves a customer from the cache until its time to live has passed")
    void customerCachedUntilTtl() {
        assertThat(cached.getCustomer("jdoe").lastName()).isEqualTo("Example");
        changeBehindTheBack();

        assertThat(cached.getCustomer("jdoe").lastName()).isEqualTo("Example");
        clock.advance(Duration.ofSeconds(31));
        assertThat(cached.getCustomer("jdoe").lastName()).isEqualTo("Changed");
    }

    @Test
    @DisplayName("invalidateCaches drops cached customers and permissions at once")
    void invalidateCaches() {
        assertThat(cached.getCustomer("jdoe").lastName()).isEqualTo("Example");
        assertThat(cached.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        changeBehindTheBack();
        backend.memberships().orElseThrow().put(Membership.customer("jdoe", "support", Permission.RO));
        assertThat(cached.hasPermission("jdoe", "support", Permission.RO)).isFalse();

        cached.invalidateCaches();

        assertThat(cached.getCustomer("jdoe").lastName()).isEqualTo("Changed");
        assertThat(cached.hasPermission("jdoe", "support", Permission.RO)).isTrue();
    }

    @Test
    @DisplayName("a time to live of zero turns the cache off")
    void zeroTtlTurnsCacheOff() {
        CustomerDirectory uncached = newDirectory(b -> b.cacheTtl(Duration.ZERO));
        assertThat(uncached.getCustomer("jdoe").lastName()).isEqualTo("Example");
        changeBehindTheBack();

        assertThat(uncached.getCustomer("jdoe").lastName()).isEqualTo("Changed");
    }

    @Test
    @DisplayName("a change made through the directory shows at once, cache or not")
    void writesThroughTheDirectoryShowAtOnce() {
        var c = cached.getCustomer("jdoe");
        cached.updateCustomer(c.toBuilder().lastName("Updated").build());
        cached.link("jdoe", "support", Permission.RW);

        assertThat(cached.getCustomer("jdoe").lastName()).isEqualTo("Updated");
        assertThat(cached.hasPermission("jdoe", "support", Permission.RW)).isTrue();
    }

    @Test
    @DisplayName("an erased customer is never served after eraseCustomer returns, nor are its permissions, "
            + "however many reads race the erasure")
    void erasedCustomerNotServedAfterErase() throws Exception {
        int rounds = 25;
        for (int round = 0; round < rounds; round++) {
            String login = "gone" + round;
            cached.createCustomer(customer(login).build());
            cached.link(login, "support", Permission.RW);
            assertThat(cached.hasPermission(login, "support", Permission.RW)).isTrue();
            AtomicBoolean erased = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(4);
            ExecutorService readers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    boolean permissions = r % 2 == 0;
                    futures.add(readers.submit(() -> {
                        started.countDown();
                        while (!stop.get()) {
                            boolean after = erased.get();
                            boolean found = permissions ? permitted(login)
                                    : cached.findCustomer(login).isPresent();
                            if (after && found) {
                                served.add(permissions ? "hasPermission" : "findCustomer");
                            }
                        }
                        return null;
                    }));
                }
                started.await();
                cached.eraseCustomer(login);
                erased.set(true);
                // Reads after the erasure returned: the cache must not hold the erased customer any more.
                for (int i = 0; i < 200; i++) {
                    if (cached.findCustomer(login).isPresent()) {
                        served.add("findCustomer after");
                    }
                    if (permitted(login)) {
                        served.add("hasPermission after");
                    }
                }
                stop.set(true);
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                stop.set(true);
                readers.shutdownNow();
            }
            assertThat(served).as("reads of %s that started after eraseCustomer returned and still found it", login)
                    .isEmpty();
        }
    }

    /** hasPermission(login, support, RW), false for a customer that does not exist (any more). */
    private boolean permitted(String login) {
        try {
            return cached.hasPermission(login, "support", Permission.RW);
        } catch (CustomerNotFoundException e) {
            return false;
        }
    }
}
