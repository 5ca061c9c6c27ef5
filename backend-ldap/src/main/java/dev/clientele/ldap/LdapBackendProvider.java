package dev.clientele.ldap;

import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;

/**
 * Provider of the {@code ldap} back-end, found with {@link java.util.ServiceLoader}: configuration that says
 * {@code clientele.backend.NAME.type = ldap} gets an {@link LdapBackend}. The settings are documented in the
 * module's README.
 */
public final class LdapBackendProvider implements CustomerBackendProvider {
    /** The type named in configuration. */
    public static final String TYPE = "ldap";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CustomerBackend create(BackendSettings settings) {
        return LdapBackend.create(settings);
    }
}
