package dev.clientele.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.EffectivePermissions;
import dev.clientele.contract.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The directory's read cache")
class DirectoryCacheTest {
    private final MutableClock clock = new MutableClock();
    private final DirectoryCache cache = new DirectoryCache(Duration.ofSeconds(60), 100, clock);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<CustomerSources.Located> load() {
        loads.incrementAndGet();
        return Optional.of(new CustomerSources.Located(Customer.builder("jdoe").build(), null));
    }

    private static PolicyEvaluator.Evaluation evaluation(String tag) {
        return new PolicyEvaluator.Evaluation(new EffectivePermissions(tag, Map.of(), Set.of()), Map.of(), List.of());
    }

    @Test
    @DisplayName("a customer is loaded once per login key, whatever the case of the login, until the TTL runs out")
    void customersAreCachedByKeyUntilTheTtl() {
        cache.customer("jdoe", this::load);
        cache.customer("JDoe", this::load);
        assertThat(loads).hasValue(1);

        clock.advance(Duration.ofSeconds(61));
        cache.customer("jdoe", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    @DisplayName("an unknown login is not cached: the next lookup asks the stores again")
    void absentCustomersAreNotCached() {
        cache.customer("nobody", () -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        cache.customer("nobody", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    @DisplayName("forget drops the customer and its evaluation")
    void forgetDropsBoth() {
        cache.customer("jdoe", this::load);
        cache.evaluation("jdoe", () -> evaluation("old"));

        cache.forget("JDOE");

        cache.customer("jdoe", this::load);
        assertThat(loads).hasValue(2);
        assertThat(cache.evaluation("jdoe", () -> evaluation("new")).permissions().login()).isEqualTo("new");
    }

    @Test
    @DisplayName("an evaluation computed before a write is not served after it, even when it is stored later")
    void staleEvaluationIsNeverServed() {
        PolicyEvaluator.Evaluation stale = cache.evaluation("jdoe", () -> {
            cache.forgetPermissions("someone-else"); // a write lands while this evaluation is computed
            return evaluation("stale");
        });

        assertThat(stale.permissions().login()).isEqualTo("stale");
        assertThat(cache.evaluation("jdoe", () -> evaluation("fresh")).permissions().login()).isEqualTo("fresh");
        assertThat(cache.evaluation("jdoe", () -> evaluation("third")).permissions().login()).isEqualTo("fresh");
    }

    @Test
    @DisplayName("a policy change drops every evaluation but keeps the customers")
    void policyChangeDropsEvaluationsOnly() {
        cache.customer("jdoe", this::load);
        cache.evaluation("a", () -> evaluation("a1"));
        cache.evaluation("b", () -> evaluation("b1"));

        cache.policyChanged();

        assertThat(cache.evaluation("a", () -> evaluation("a2")).permissions().login()).isEqualTo("a2");
        assertThat(cache.evaluation("b", () -> evaluation("b2")).permissions().login()).isEqualTo("b2");
        cache.customer("jdoe", this::load);
        assertThat(loads).hasValue(1);
    }

    @Test
    @DisplayName("a TTL of zero turns the cache off: every call loads")
    void zeroTtlTurnsItOff() {
        DirectoryCache off = new DirectoryCache(Duration.ZERO, 100, clock);
        off.customer("jdoe", this::load);
        off.customer("jdoe", this::load);

        assertThat(off.enabled()).isFalse();
        assertThat(loads).hasValue(2);
        assertThat(off.evaluation("jdoe", () -> evaluation("x")).permissions().login()).isEqualTo("x");
        assertThat(off.evaluation("jdoe", () -> evaluation("y")).permissions().login()).isEqualTo("y");
    }
}
