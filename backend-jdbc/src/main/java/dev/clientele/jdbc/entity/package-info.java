/**
 * JPA ({@code jakarta.persistence}) mappings of the JDBC back-end's own tables, for host applications: map a ticket
 * table's customer or group column to {@link dev.clientele.jdbc.entity.CustomerEntity} or
 * {@link dev.clientele.jdbc.entity.GroupEntity}, list a group's members with
 * {@link dev.clientele.jdbc.entity.LinkEntity}, report over companies.
 *
 * <p>Read with them, write through {@link dev.clientele.CustomerDirectory}: the directory validates, keeps the key and
 * search columns ({@code *_key}, {@code *_lc}) in step with the values, bumps versions, checks uniqueness and sends
 * events, none of which a JPA write would do. The entities map the tables of the default mapping (schema version 1);
 * they are checked against the migrated schema with Hibernate's {@code hbm2ddl.auto=validate} on H2 and PostgreSQL.
 * Register them with your persistence unit ({@code <class>} entries or package scanning). The back-end itself does
 * not use them: it speaks plain JDBC.
 */
@NullMarked
package dev.clientele.jdbc.entity;

import org.jspecify.annotations.NullMarked;
