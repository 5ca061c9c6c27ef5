/**
 * The implementation of the LDAP back-end: settings, connections, the stores. Not API: anything here may change at
 * any time. Use {@link dev.clientele.ldap.LdapBackend} or configuration ({@code type = ldap}) instead.
 */
package dev.clientele.ldap.internal;
