package dev.clientele.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.clientele.spi.CacheChannel;
import dev.clientele.spi.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
 *
 * <p>TTLs: one for the directory, or one per back-end ({@code cache-ttl}): a customer lives for its source's TTL,
 * an evaluation for the shortest of its customer's source's and the policy back-ends' (links, groups, companies).
 */
final class DirectoryCache {
    /** A cached evaluation, tagged with the generation it was computed under, and how long it may live. */
    private record Tagged(long generation, PolicyEvaluator.Evaluation evaluation, long ttlNanos) {
    }

    /** How long cached things live: the directory's TTL, each back-end's where it has its own. */
    record Ttls(Duration directory, Map<String, Duration> bySource, Duration policy) {
        Ttls {
            bySource = Map.copyOf(bySource);
        }

        /** One TTL for everything. */
        static Ttls of(Duration ttl) {
            return new Ttls(ttl, Map.of(), ttl);
        }

        Duration of(String source) {
            return bySource.getOrDefault(source, directory);
        }

        boolean uniform() {
            return bySource.values().stream().allMatch(directory::equals) && policy.equals(directory);
        }

        boolean anyOn() {
            return !directory.isZero() || bySource.values().stream().anyMatch(t -> !t.isZero());
        }

        /** The shortest TTL of any customer source: for an evaluation whose customer's source is not known. */
        Duration shortest() {
            return bySource.values().stream().reduce(directory, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
    }

    private final Cache<String, CustomerSources.Located> customers;
    private final Cache<String, Tagged> evaluations;
    private final AtomicLong generation = new AtomicLong();
    /** The other nodes on the same stores, told of every write over the stores' channels (see CacheBroadcast). */
    private final CacheBroadcast broadcast = new CacheBroadcast(this);

    private final Ttls ttls;

    DirectoryCache(Duration ttl, long maxSize, Clock clock) {
        this(Ttls.of(ttl), maxSize, clock);
    }

    DirectoryCache(Ttls ttls, long maxSize, Clock clock) {
        this.ttls = ttls;
        boolean on = ttls.anyOn() && maxSize > 0;
        // The TTL runs on the directory's clock when one was given (tests move it), else on the system ticker.
        Ticker ticker = clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())
                ? Ticker.systemTicker() : () -> clock.millis() * 1_000_000L;
        if (!on) {
            this.customers = null;
            this.evaluations = null;
        } else if (ttls.uniform()) {
            this.customers = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).expireAfterWrite(ttls.directory())
                    .maximumSize(maxSize).recordStats().build();
            this.evaluations = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).expireAfterWrite(ttls.directory())
                    .maximumSize(maxSize).recordStats().build();
        } else {
            this.customers = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).maximumSize(maxSize).recordStats()
                    .expireAfter(Expiry.<String, CustomerSources.Located>writing(
                            (k, v) -> ttls.of(v.source().name()))).build();
            this.evaluations = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).maximumSize(maxSize).recordStats()
                    .expireAfter(Expiry.<String, Tagged>writing((k, v) -> Duration.ofNanos(v.ttlNanos()))).build();
        }
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
        evaluations.asMap().merge(key, new Tagged(gen, e, evaluationTtl(key).toNanos()),
                (old, now) -> old.generation > now.generation ? old : now);
        return e;
    }

    /** The shortest TTL of the customer's source (if it is cached, else of every source) and the policy's. */
    private Duration evaluationTtl(String key) {
        CustomerSources.Located at = ttls.uniform() ? null : customers.getIfPresent(key);
        Duration customer = ttls.uniform() ? ttls.directory()
                : at != null ? ttls.of(at.source().name()) : ttls.shortest();
        return customer.compareTo(ttls.policy()) <= 0 ? customer : ttls.policy();
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
