/**
 * Implementation of the JDBC back-end: connections and transactions ({@link dev.clientele.jdbc.internal.Database}),
 * the table mapping ({@link dev.clientele.jdbc.internal.Mapping}), schema migrations
 * ({@link dev.clientele.jdbc.internal.SchemaManager}) and the stores. <strong>Not API</strong>: anything here may
 * change or disappear in any release; use {@link dev.clientele.jdbc} instead.
 */
package dev.clientele.jdbc.internal;
