/**
 * The JDBC back-end: {@link dev.clientele.jdbc.JdbcBackend} (type {@code jdbc}, found through
 * {@link dev.clientele.jdbc.JdbcBackendProvider}) keeps every store of the SPI in H2 or PostgreSQL, with its own
 * versioned schema ({@link dev.clientele.jdbc.SchemaMode}); {@link dev.clientele.jdbc.JdbcOptions} configures one
 * made over a host's {@link javax.sql.DataSource}.
 *
 * <p>{@code dev.clientele.jdbc.entity} holds JPA mappings of the tables for host applications;
 * {@code dev.clientele.jdbc.internal} is not API. Depends on {@code dev.clientele} and {@code dev.clientele.spi}
 * only.
 */
@NullMarked
package dev.clientele.jdbc;

import org.jspecify.annotations.NullMarked;
