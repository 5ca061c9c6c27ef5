package dev.clientele.spring;

import dev.clientele.CustomerDirectory;

/**
 * Changes the {@link CustomerDirectory.Builder} of the auto-configured directory after the {@code clientele.*}
 * properties were applied and before it is built: a bean of this type is called, in {@link
 * org.springframework.core.annotation.Order} order, for what properties cannot say (a clock, a password hasher, a
 * back-end made in code). The starter itself registers one for the application's {@code DataSource} and one for its
 * Micrometer registry.
 */
@FunctionalInterface
public interface ClienteleDirectoryCustomizer {
    /** Adjusts the builder; called once, at start. */
    void customize(CustomerDirectory.Builder builder);
}
