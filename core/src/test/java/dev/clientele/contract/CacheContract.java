package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import java.time.Duration;
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
}
