package dev.clientele.spring;

import dev.clientele.ClienteleException;
import dev.clientele.spi.CustomerBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one back-end of the directory: {@code UP} when it answers a lookup, {@code DOWN} (with the reason,
 * secrets masked) when it cannot be reached. Details, computed only when the health endpoint shows them (so on
 * demand, never in a plain status poll): the type, the back-end's own description, which stores it offers and
 * whether each is read-only ({@code ro}/{@code rw}), and counts of customers, groups and companies.
 */
public final class ClienteleBackendHealthIndicator implements HealthIndicator {
    /** The login looked up to see that the back-end answers; no customer needs to have it. */
    static final String PROBE = "clientele-health-probe";

    private final CustomerBackend backend;

    public ClienteleBackendHealthIndicator(CustomerBackend backend) {
        this.backend = backend;
    }

    @Override
    public Health health() {
        return health(false);
    }

    @Override
    public Health health(boolean includeDetails) {
        try {
            probe();
            if (!includeDetails) {
                return Health.up().build();
            }
            return Health.up().withDetails(details(true)).build();
        } catch (ClienteleException | IllegalStateException e) {
            Health.Builder down = Health.down().withDetail("error", e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            return includeDetails ? down.withDetails(details(false)).build() : down.build();
        }
    }

    /** One cheap read from the first store the back-end offers. */
    private void probe() {
        if (backend.customers().isPresent()) {
            backend.customers().get().findByLogin(PROBE);
        } else if (backend.groups().isPresent()) {
            backend.groups().get().find(PROBE);
        } else if (backend.companies().isPresent()) {
            backend.companies().get().find(PROBE);
        } else if (backend.state().isPresent()) {
            backend.state().get().preferences(PROBE);
        }
    }

    private Map<String, Object> details(boolean counts) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", backend.type());
        d.put("description", backend.describe());
        Map<String, String> stores = new LinkedHashMap<>();
        backend.customers().ifPresent(s -> stores.put("customers", s.readOnly() ? "ro" : "rw"));
        backend.groups().ifPresent(s -> stores.put("groups", s.readOnly() ? "ro" : "rw"));
        backend.companies().ifPresent(s -> stores.put("companies", s.readOnly() ? "ro" : "rw"));
        backend.memberships().ifPresent(s -> stores.put("memberships", s.readOnly() ? "ro" : "rw"));
        backend.credentials().ifPresent(s -> stores.put("credentials", s.readOnly() ? "ro" : "rw"));
        backend.state().ifPresent(s -> stores.put("state", "rw"));
        d.put("stores", stores);
        if (counts) {
            Map<String, Long> c = new LinkedHashMap<>();
            backend.customers().ifPresent(s -> c.put("customers", s.count()));
            backend.groups().ifPresent(s -> c.put("groups", (long) s.list().size()));
            backend.companies().ifPresent(s -> c.put("companies", (long) s.list().size()));
            d.put("counts", c);
        }
        return d;
    }

    /** The back-end this indicator watches. */
    public CustomerBackend backend() {
        return backend;
    }

    @Override
    public String toString() {
        return "ClienteleBackendHealthIndicator[" + backend.name() + "]";
    }

}
