/**
 * Configuration from properties (and {@code CLIENTELE_*} environment variables):
 * {@link dev.clientele.config.ClienteleConfig} reads and checks every key at once, reporting each problem by its key
 * with secret values masked ({@link dev.clientele.spi.Secrets}); {@link dev.clientele.config.ConfigKey} is the one
 * table of the directory's keys (default, type, range), which the builder uses too. {@link dev.clientele.spi.Values}
 * and {@link dev.clientele.spi.Durations} parse the values of the directory's keys and of back-end settings alike.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it is annotated
 * {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package dev.clientele.config;

import org.jspecify.annotations.NullMarked;
