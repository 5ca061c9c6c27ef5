package dev.clientele.ldap;

import dev.clientele.ConfigurationException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;

/**
 * Provider of the `ldap` back-end. A skeleton for now: it is discovered (so configuration that names the type
 * gets a clear answer) but creating an instance says the back-end is not built yet.
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
        throw new ConfigurationException(settings.fullKey("type"),
                "the ldap back-end is not implemented yet (only its provider skeleton exists)");
    }
}
