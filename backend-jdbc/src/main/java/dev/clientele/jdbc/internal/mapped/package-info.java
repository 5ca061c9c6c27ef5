/**
 * The mapped mode of the JDBC back-end: customers, companies, groups, links and customer state in tables someone
 * else owns — Znuny's and OTRS's own ({@code customer_user}, {@code customer_company}, {@code permission_groups},
 * {@code group_customer_user}, {@code group_customer}, {@code customer_user_customer}, {@code customer_preferences})
 * by a {@link dev.clientele.jdbc.internal.mapped.Preset}, or any tables of that shape through a
 * {@link dev.clientele.jdbc.internal.mapped.FieldMap}. Nothing here creates or migrates a table.
 * <strong>Not API</strong>: anything here may change in any release.
 */
package dev.clientele.jdbc.internal.mapped;
