package dev.clientele.ldap.internal;

import dev.clientele.spi.BackendSettings;
import java.time.Duration;

/**
 * The connection pools: {@code pool-size}, {@code max-connection-age}, {@code failover-connection-age} (at most
 * 5 minutes and never more than the maximum age, unless set), {@code health-check-interval}.
 */
public record PoolSettings(int size, Duration maxConnectionAge, Duration failoverConnectionAge,
        Duration healthCheckInterval) {

    /** Reads the section, recording its problems in {@code r}. */
    static PoolSettings read(BackendSettings.Reader r) {
        int size = r.integer("pool-size", 10, 1, 1_000);
        Duration maxAge = r.duration("max-connection-age", Duration.ofMinutes(30));
        Duration fiveMinutes = Duration.ofMinutes(5);
        Duration failoverAge = r.duration("failover-connection-age",
                fiveMinutes.compareTo(maxAge) <= 0 ? fiveMinutes : maxAge);
        Duration healthCheck = SettingValues.positive(r, "health-check-interval",
                r.duration("health-check-interval", Duration.ofSeconds(60)));
        return new PoolSettings(size, maxAge, failoverAge, healthCheck);
    }
}
