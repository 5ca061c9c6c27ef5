/**
 * The LDAP back-end: customers from a corporate directory (OpenLDAP, Active Directory, any LDAPv3 server), login by
 * bind, directory groups as memberships. Configured as {@code clientele.backend.NAME.type = ldap}
 * ({@link dev.clientele.ldap.LdapBackendProvider}) or made in code with {@link dev.clientele.ldap.LdapBackend#create}.
 * Everything in {@code dev.clientele.ldap.internal} is implementation.
 */
@NullMarked
package dev.clientele.ldap;

import org.jspecify.annotations.NullMarked;
