package dev.clientele.internal;

import dev.clientele.ConfigurationException;
import dev.clientele.spi.CustomerBackendProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds back-end providers, loudly: each provider found is logged, a broken provider entry is reported and skipped,
 * two providers of one type are an error naming both, and an unknown type lists the types found. Providers
 * registered explicitly take precedence over discovered ones of the same type.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, CustomerBackendProvider> explicit;
    private final Map<String, CustomerBackendProvider> discovered = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    public ProviderRegistry(List<CustomerBackendProvider> explicitProviders, ClassLoader loader) {
        this.explicit = new LinkedHashMap<>();
        for (CustomerBackendProvider p : explicitProviders) {
            CustomerBackendProvider old = explicit.put(p.type(), p);
            if (old != null && old != p) {
                errors.add("two providers of type '" + p.type() + "' were registered: " + old.getClass().getName()
                        + " and " + p.getClass().getName());
            }
        }
        Iterator<CustomerBackendProvider> it = ServiceLoader.load(CustomerBackendProvider.class, loader).iterator();
        while (true) {
            CustomerBackendProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.error("A customer back-end provider could not be loaded and is skipped: {}", e.getMessage());
                continue;
            }
            CustomerBackendProvider old = discovered.get(p.type());
            if (old != null) {
                if (!old.getClass().equals(p.getClass())) {
                    errors.add("two providers of type '" + p.type() + "' are on the class path: "
                            + old.getClass().getName() + " and " + p.getClass().getName());
                }
                continue;
            }
            discovered.put(p.type(), p);
            LOG.debug("Found customer back-end provider '{}' ({})", p.type(), p.getClass().getName());
        }
    }

    /** The provider of a type; {@link ConfigurationException} naming {@code key} if none or ambiguous. */
    public CustomerBackendProvider provider(String type, String key) {
        CustomerBackendProvider p = explicit.get(type);
        if (p != null) {
            return p;
        }
        for (String e : errors) {
            if (e.contains("'" + type + "'")) {
                throw new ConfigurationException(key, e);
            }
        }
        p = discovered.get(type);
        if (p == null) {
            throw new ConfigurationException(key, "no back-end provider of type '" + type + "'; types found: "
                    + (types().isEmpty() ? "none (add a clientele-backend-* module to the class path)" : String.join(", ", types())));
        }
        return p;
    }

    /** Every type available, sorted. */
    public List<String> types() {
        TreeSet<String> t = new TreeSet<>(discovered.keySet());
        t.addAll(explicit.keySet());
        return new ArrayList<>(t);
    }
}
