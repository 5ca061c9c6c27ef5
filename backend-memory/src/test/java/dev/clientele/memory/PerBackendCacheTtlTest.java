package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.contract.MutableClock;
import dev.clientele.spi.CustomerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A cache TTL per back-end (the OTRS {@code CacheTTL} of a source): what a store changed behind the directory's back
 * shows after that back-end's TTL, not the directory's.
 */
@DisplayName("cache-ttl per back-end")
class PerBackendCacheTtlTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static Customer customer(String login) {
        return Customer.builder(login).email(login + "@acme.example").customerId("acme").firstName("F")
                .lastName("L").build();
    }

    private static void renameBehindTheBack(CustomerStore store, String login, String city) {
        Customer c = store.findByLogin(login).orElseThrow();
        store.update(c.toBuilder().city(city).version(c.version() + 1).build(), c.version(), true);
    }

    @Test
    @DisplayName("a customer lives for its source's TTL: 0 for corp (seen at once), the directory's 60s for local")
    void customersLiveForTheirSourcesTtl() {
        try (CustomerDirectory d = CustomerDirectory.builder().backend("local", "memory", Map.of())
                .backend("corp", "memory", Map.of("cache-ttl", "0")).customers("local", "corp").createIn("local")
                .cacheTtl(Duration.ofSeconds(60)).clock(clock).build()) {
            d.createCustomer(customer("jdoe"));
            CustomerStore corp = d.backends().get("corp").customers().orElseThrow();
            corp.insert(customer("rsmith").toBuilder().version(1).build(), true);
            assertThat(d.getCustomer("jdoe").city()).isNull();
            assertThat(d.getCustomer("rsmith").city()).isNull();

            renameBehindTheBack(d.backends().get("local").customers().orElseThrow(), "jdoe", "Berlin");
            renameBehindTheBack(corp, "rsmith", "Paris");

            assertThat(d.getCustomer("rsmith").city()).as("corp caches nothing").isEqualTo("Paris");
            assertThat(d.getCustomer("jdoe").city()).as("local: cached for 60s").isNull();
            clock.advance(Duration.ofSeconds(61));
            assertThat(d.getCustomer("jdoe").city()).isEqualTo("Berlin");
        }
    }

    @Test
    @DisplayName("permissions live for the shortest TTL of the customer's source and the back-end of the links")
    void permissionsLiveForTheShortestTtl() {
        try (CustomerDirectory d = CustomerDirectory.builder().backend("people", "memory", Map.of())
                .backend("policy", "memory", Map.of()).customers("people").groups("policy").memberships("policy")
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build())
                .cacheTtl(Duration.ofMinutes(10)).cacheTtl("policy", Duration.ofSeconds(5)).clock(clock).build()) {
            d.createCustomer(customer("jdoe"));
            d.createGroup(Group.of("support"));
            assertThat(d.hasPermission("jdoe", "support", Permission.RO)).isFalse();

            d.backends().get("policy").memberships().orElseThrow()
                    .put(Membership.customer("jdoe", "support", Permission.RW));

            assertThat(d.hasPermission("jdoe", "support", Permission.RO)).as("cached").isFalse();
            clock.advance(Duration.ofSeconds(6));
            assertThat(d.hasPermission("jdoe", "support", Permission.RO)).as("after the links' 5s").isTrue();
        }
    }

    @Test
    @DisplayName("a bad cache-ttl, or one for a back-end not configured, is refused under its key")
    void badValues() {
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> CustomerDirectory.builder()
                .backend("local", "memory", Map.of("cache-ttl", "soon")).cacheTtl("nowhere", Duration.ZERO).build())
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .containsExactlyInAnyOrder("clientele.backend.local.cache-ttl",
                                "clientele.backend.nowhere.cache-ttl"));
    }
}
