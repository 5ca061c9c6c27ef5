package dev.clientele.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.clientele.spi.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The read cache of a directory: located customers and policy evaluations, both keyed by {@link Keys#of login key},
 * bounded and expiring after a TTL (Caffeine). Evaluations are tagged with a generation that every write moves on,
 * so an evaluation computed concurrently from data read before a write is never served after it.
 */
final class DirectoryCache {
    /** A cached evaluation, tagged with the generation it was computed under. */
    private record Tagged(long generation, PolicyEvaluator.Evaluation evaluation) {
    }

    private final Cache<String, CustomerSources.Located> customers;
    private final Cache<String, Tagged> evaluations;
    private final AtomicLong generation = new AtomicLong();

    DirectoryCache(Duration ttl, long maxSize, Clock clock) {
        boolean on = !ttl.isZero() && maxSize > 0;
        // The TTL runs on the directory's clock when one was given (tests move it), else on the system ticker.
        Ticker ticker = clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())
                ? Ticker.systemTicker() : () -> clock.millis() * 1_000_000L;
        this.customers = on ? Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(maxSize)
                .recordStats().build() : null;
        this.evaluations = on ? Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(maxSize)
                .recordStats().build() : null;
    }

    boolean enabled() {
        return customers != null;
    }

    /** The cached customer of the login, else what {@code load} finds (cached too). */
    Optional<CustomerSources.Located> customer(String login, Supplier<Optional<CustomerSources.Located>> load) {
        if (customers == null) {
            return load.get();
        }
        return Optional.ofNullable(customers.get(Keys.of(login), k -> load.get().orElse(null)));
    }

    /** The cached evaluation of the login if it is still current, else {@code evaluate}'s (cached). */
    PolicyEvaluator.Evaluation evaluation(String login, Supplier<PolicyEvaluator.Evaluation> evaluate) {
        if (evaluations == null) {
            return evaluate.get();
        }
        String key = Keys.of(login);
        long gen = generation.get();
        Tagged cached = evaluations.getIfPresent(key);
        if (cached != null && cached.generation == gen) {
            return cached.evaluation;
        }
        PolicyEvaluator.Evaluation e = evaluate.get();
        evaluations.asMap().merge(key, new Tagged(gen, e), (old, now) -> old.generation > now.generation ? old : now);
        return e;
    }

    /** Drops the customer and its permissions. */
    void forget(String login) {
        if (customers != null) {
            customers.invalidate(Keys.of(login));
        }
        forgetPermissions(login);
    }

    /** Drops the login's permissions; the generation moves on too (see the class comment). */
    void forgetPermissions(String login) {
        generation.incrementAndGet();
        if (evaluations != null) {
            evaluations.invalidate(Keys.of(login));
        }
    }

    /** Drops every evaluation: a group, company, company link or the policy changed. */
    void policyChanged() {
        generation.incrementAndGet();
        if (evaluations != null) {
            evaluations.invalidateAll();
        }
    }

    /** Drops everything. */
    void invalidateAll() {
        if (customers != null) {
            customers.invalidateAll();
        }
        policyChanged();
    }

    /** The customer cache, for {@link Metrics} (hit ratio, size); null when the cache is off. */
    Cache<String, ?> customerCache() {
        return customers;
    }

    /** The evaluation cache, for {@link Metrics}; null when the cache is off. */
    Cache<String, ?> evaluationCache() {
        return evaluations;
    }
}
