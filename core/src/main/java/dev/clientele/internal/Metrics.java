package dev.clientele.internal;

import dev.clientele.AuthenticationResult;

/**
 * What a directory measures: login outcomes, the time of lookups, searches and permission checks, and its caches.
 * This class is the no-op that a directory without a Micrometer {@code MeterRegistry} uses; it touches no Micrometer
 * class, so core works without Micrometer on the class path. {@link MicrometerMetrics}, the one class that does, is
 * loaded only when {@code CustomerDirectory.Builder.meterRegistry} was called.
 *
 * <p>Timings are taken as {@code long t = metrics.start(); ... metrics.timed(BY_LOGIN, t)}: no clock read on the
 * no-op path.
 */
class Metrics {
    /** Measures nothing. */
    static final Metrics NONE = new Metrics();

    /** A lookup by login. */
    static final int BY_LOGIN = 0;
    /** A lookup by email. */
    static final int BY_EMAIL = 1;
    /** A lookup by customer ID. */
    static final int BY_CUSTOMER_ID = 2;
    /** A search. */
    static final int SEARCH = 3;

    Metrics() {
    }

    /** The start of a timed call; {@code 0} when nothing is measured. */
    long start() {
        return 0L;
    }

    /** A lookup ({@link #BY_LOGIN}, {@link #BY_EMAIL}, {@link #BY_CUSTOMER_ID}) or a {@link #SEARCH} since {@code start}. */
    void timed(int what, long start) {
    }

    /** A permission check that started at {@code start} and granted or denied. */
    void permissionCheck(boolean granted, long start) {
    }

    /** A login attempt's outcome. */
    void login(AuthenticationResult.Outcome outcome) {
    }

    /** Measures the directory's caches (hits, misses, size). */
    void bindCaches(DirectoryCache cache) {
    }

    /** Publishes the back-ends' own gauges ({@link dev.clientele.spi.CustomerBackend#gauges()}). */
    void bindBackends(java.util.Collection<dev.clientele.spi.CustomerBackend> backends) {
    }

    /** Removes this directory's meters from the registry (the directory closes). */
    void close() {
    }
}
