package dev.clientele.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.clientele.spi.CacheChannel;
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
 *
 * <p>Every write drops what it affects AFTER it is committed, never inside its transaction: a read racing the
 * write would otherwise refill the cache with the row it still sees until the commit. A customer load in progress
 * when {@link #forget} runs finishes first and is then dropped (Caffeine's per-key lock); an evaluation that read
 * the generation before the write is tagged with it and never served once the write moved it on.
 */
final class DirectoryCache {
    /** A cached evaluation, tagged with the generation it was computed under. */
    private record Tagged(long generation, PolicyEvaluator.Evaluation evaluation) {
    }

    private final Cache<String, CustomerSources.Located> customers;
    private final Cache<String, Tagged> evaluations;
    private final AtomicLong generation = new AtomicLong();
    /** The other nodes on the same stores, told of every write over the stores' channels (see CacheBroadcast). */
    private final CacheBroadcast broadcast = new CacheBroadcast(this);

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

    /** Listens on a store's channel for the writes of other nodes, and publishes this node's writes there. */
    void join(CacheChannel channel) {
        if (enabled()) {
            broadcast.join(channel);
        } else {
            channel.close();
        }
    }

    /** Stops listening on the stores' channels. */
    void close() {
        broadcast.close();
    }

    /** True if what is cached may be served: caching is on and every channel is up (none missed a write). */
    private boolean trusted() {
        return customers != null && broadcast.allUp();
    }

    /** The cached customer of the login, else what {@code load} finds (cached too). */
    Optional<CustomerSources.Located> customer(String login, Supplier<Optional<CustomerSources.Located>> load) {
        if (!trusted()) {
            return load.get();
        }
        return Optional.ofNullable(customers.get(Keys.of(login), k -> load.get().orElse(null)));
    }

    /** The cached evaluation of the login if it is still current, else {@code evaluate}'s (cached). */
    PolicyEvaluator.Evaluation evaluation(String login, Supplier<PolicyEvaluator.Evaluation> evaluate) {
        if (!trusted()) {
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

    /** Drops the customer and its permissions, here and on the other nodes. */
    void forget(String login) {
        forgetHere(Keys.of(login));
        broadcast.customer(Keys.of(login));
    }

    /** Drops the login's permissions here and on the other nodes; the generation moves on too (class comment). */
    void forgetPermissions(String login) {
        forgetPermissionsHere(Keys.of(login));
        broadcast.permissions(Keys.of(login));
    }

    /** Drops every evaluation, here and on the other nodes: a group, company, company link or the policy changed. */
    void policyChanged() {
        policyChangedHere();
        broadcast.policy();
    }

    void forgetHere(String key) {
        if (customers != null) {
            customers.invalidate(key);
        }
        forgetPermissionsHere(key);
    }

    void forgetPermissionsHere(String key) {
        generation.incrementAndGet();
        if (evaluations != null) {
            evaluations.invalidate(key);
        }
    }

    void policyChangedHere() {
        generation.incrementAndGet();
        if (evaluations != null) {
            evaluations.invalidateAll();
        }
    }

    /** Drops everything this node cached (the other nodes keep theirs). */
    void invalidateAll() {
        if (customers != null) {
            customers.invalidateAll();
        }
        policyChangedHere();
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
