package dev.clientele.jdbc;

import dev.clientele.ConfigurationException;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;

/**
 * Provider of the `jdbc` back-end. A skeleton for now: it is discovered (so configuration that names the type
 * gets a clear answer) but creating an instance says the back-end is not built yet.
 */
public final class JdbcBackendProvider implements CustomerBackendProvider {
    /** The type named in configuration. */
    public static final String TYPE = "jdbc";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CustomerBackend create(BackendSettings settings) {
        throw new ConfigurationException(settings.fullKey("type"),
                "the jdbc back-end is not implemented yet (only its provider skeleton exists)");
    }
}
