package dev.clientele.internal;

import com.github.benmanes.caffeine.cache.Cache;
import dev.clientele.AuthenticationResult;
import dev.clientele.spi.CustomerBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@link Metrics} on a Micrometer {@link MeterRegistry}. The meters (documented in the README, "Metrics"):
 * <ul>
 *   <li>{@code clientele.logins} (counter), tag {@code outcome}: {@code success}, {@code bad-credentials},
 *       {@code account-invalid}, {@code locked-out};</li>
 *   <li>{@code clientele.lookups} (timer), tag {@code by}: {@code login}, {@code email}, {@code customer-id};</li>
 *   <li>{@code clientele.searches} (timer);</li>
 *   <li>{@code clientele.permission.checks} (timer), tag {@code result}: {@code granted}, {@code denied};</li>
 *   <li>{@code clientele.cache.hit.ratio} (gauge), tag {@code cache}: {@code customers}, {@code permissions} — and
 *       Micrometer's Caffeine meters ({@code cache.gets}, {@code cache.size}, {@code cache.evictions}, ...) with
 *       {@code cache=clientele.customers} and {@code cache=clientele.permissions};</li>
 *   <li>{@code clientele.backend.pool.active}, {@code .idle}, {@code .pending}, {@code .max} (gauges), tags
 *       {@code backend} and {@code type}: the pools a back-end opened itself ({@link CustomerBackend#gauges()}).</li>
 * </ul>
 */
final class MicrometerMetrics extends Metrics {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<AuthenticationResult.Outcome, Counter> logins = new EnumMap<>(AuthenticationResult.Outcome.class);
    /** By {@link Metrics#BY_LOGIN}, {@link Metrics#BY_EMAIL}, {@link Metrics#BY_CUSTOMER_ID}, {@link Metrics#SEARCH}. */
    private final Timer[] timers;
    private final Timer granted;
    private final Timer denied;

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (AuthenticationResult.Outcome o : AuthenticationResult.Outcome.values()) {
            logins.put(o, keep(Counter.builder("clientele.logins").description("Login attempts by outcome")
                    .tag("outcome", o.name().toLowerCase(Locale.ROOT).replace('_', '-')).register(registry)));
        }
        timers = new Timer[] {lookupTimer("login"), lookupTimer("email"), lookupTimer("customer-id"),
                keep(Timer.builder("clientele.searches").description("Customer searches").register(registry))};
        granted = permissionTimer("granted");
        denied = permissionTimer("denied");
    }

    @Override
    long start() {
        return registry.config().clock().monotonicTime();
    }

    @Override
    void timed(int what, long start) {
        record(timers[what], start);
    }

    @Override
    void permissionCheck(boolean grant, long start) {
        record(grant ? granted : denied, start);
    }

    @Override
    void login(AuthenticationResult.Outcome outcome) {
        logins.get(outcome).increment();
    }

    @Override
    void bindCaches(DirectoryCache cache) {
        bind("customers", cache.customerCache());
        bind("permissions", cache.evaluationCache());
    }

    @Override
    void bindBackends(Collection<CustomerBackend> backends) {
        for (CustomerBackend b : backends) {
            b.gauges().forEach((name, value) -> keep(Gauge.builder("clientele.backend." + name, value,
                    LongSupplier::getAsLong).description("Back-end " + name.replace('.', ' '))
                    .tags(Tags.of("backend", b.name(), "type", b.type())).register(registry)));
        }
    }

    @Override
    void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private void bind(String name, Cache<?, ?> cache) {
        if (cache == null) {
            return;
        }
        List<Meter> before = registry.getMeters();
        CaffeineCacheMetrics.monitor(registry, cache, "clientele." + name);
        registry.getMeters().stream().filter(m -> !before.contains(m)).forEach(meters::add);
        keep(Gauge.builder("clientele.cache.hit.ratio", cache, c -> c.stats().hitRate())
                .description("Share of cache reads answered from the cache").tags(Tags.of("cache", name))
                .register(registry));
    }

    private Timer lookupTimer(String by) {
        return keep(Timer.builder("clientele.lookups").description("Customer lookups").tag("by", by)
                .register(registry));
    }

    private Timer permissionTimer(String result) {
        return keep(Timer.builder("clientele.permission.checks").description("Permission checks")
                .tag("result", result).register(registry));
    }

    private void record(Timer timer, long start) {
        timer.record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }
}
