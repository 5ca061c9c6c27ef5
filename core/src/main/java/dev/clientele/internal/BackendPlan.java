package dev.clientele.internal;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.password.PasswordStorage;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The back-ends a directory is built from: those handed in as they are, the others opened through their providers. */
final class BackendPlan {
    private static final Logger LOG = LoggerFactory.getLogger(BackendPlan.class);

    /** A back-end to be created by a provider from its settings, or one handed in ({@code given}). */
    record Entry(String name, BackendSettings settings, CustomerBackend given) {
    }

    /**
     * What was opened, by name, which of them the directory opened itself (and so closes), and how each keeps its
     * passwords (read from its settings; the defaults for one handed in).
     */
    record Opened(Map<String, CustomerBackend> backends, Set<String> owned, Map<String, PasswordStorage> storage,
            Map<String, Duration> cacheTtl) {
        /**
         * Puts the cache TTLs given in code over what the settings said; a TTL for a back-end that is not
         * configured is a problem naming {@code clientele.backend.NAME.cache-ttl}.
         */
        void applyCacheTtl(Map<String, Duration> given, List<Problem> problems) {
            given.forEach((name, ttl) -> {
                if (backends.containsKey(name)) {
                    cacheTtl.put(name, ttl);
                } else {
                    problems.add(new Problem(BackendSettings.key(name, BackendSettings.CACHE_TTL),
                            "cacheTtl is given for back-end '" + name + "', which is not configured"));
                }
            });
        }

        /**
         * Puts the password storage given in code over what the settings said, and checks that each storage other
         * than the default is for a back-end that keeps password hashes; each problem names
         * {@code clientele.backend.NAME.rehash}.
         */
        void applyStorage(Map<String, PasswordStorage> given, List<Problem> problems) {
            given.forEach((name, s) -> {
                if (backends.containsKey(name)) {
                    storage.put(name, s);
                } else {
                    problems.add(new Problem(BackendSettings.key(name, BackendSettings.REHASH),
                            "passwordStorage is given for back-end '" + name + "', which is not configured"));
                }
            });
            storage.forEach((name, s) -> {
                if (!s.equals(PasswordStorage.defaults()) && backends.containsKey(name)
                        && backends.get(name).credentials().isEmpty()) {
                    problems.add(new Problem(BackendSettings.key(name, BackendSettings.REHASH), "back-end '" + name
                            + "' keeps no password hashes: rehash, crypt-type and bcrypt-cost do not apply to it"));
                }
            });
        }

        /** Closes the back-ends opened here after a failure, adding their own failures to it. */
        void closeOwned(RuntimeException failure) {
            for (String name : owned) {
                try {
                    backends.get(name).close();
                } catch (RuntimeException closeFailure) {
                    failure.addSuppressed(closeFailure);
                }
            }
        }
    }

    private BackendPlan() {
    }

    /** The back-end's {@code cache-ttl}, if set: a duration, zero or more (the rule of {@code clientele.cache.ttl}). */
    private static Optional<Duration> cacheTtl(BackendSettings settings, List<Problem> problems) {
        if (settings.get(BackendSettings.CACHE_TTL).isEmpty()) {
            return Optional.empty();
        }
        BackendSettings.Reader r = settings.reader();
        Duration ttl = r.duration(BackendSettings.CACHE_TTL, Duration.ZERO);
        if (ttl.isNegative()) {
            r.problem(BackendSettings.CACHE_TTL, "must not be negative, was " + ttl);
        }
        try {
            r.done();
            return Optional.of(ttl);
        } catch (ConfigurationException ce) {
            problems.addAll(ce.problems());
            return Optional.empty();
        }
    }

    /**
     * Opens every entry, in order; each problem (an unknown type, a back-end defined twice, bad settings) is added to
     * {@code problems} naming its key, and the others are still opened, so that every problem is reported at once.
     */
    static Opened open(List<Entry> entries, List<CustomerBackendProvider> providers, List<Problem> problems) {
        Opened opened = new Opened(new LinkedHashMap<>(), new HashSet<>(), new HashMap<>(), new HashMap<>());
        ProviderRegistry registry = null;
        try {
            for (Entry e : entries) {
                if (opened.backends().containsKey(e.name())) {
                    problems.add(new Problem(BackendSettings.key(e.name(), "type"), "back-end '" + e.name()
                            + "' is defined twice"));
                    continue;
                }
                if (e.given() != null) {
                    opened.backends().put(e.name(), e.given());
                    opened.storage().put(e.name(), PasswordStorage.defaults());
                    continue;
                }
                try {
                    opened.storage().put(e.name(), PasswordStorage.read(e.settings()));
                } catch (ConfigurationException ce) {
                    problems.addAll(ce.problems());
                }
                cacheTtl(e.settings(), problems).ifPresent(t -> opened.cacheTtl().put(e.name(), t));
                if (registry == null) {
                    ClassLoader context = Thread.currentThread().getContextClassLoader();
                    registry = new ProviderRegistry(providers, context != null ? context
                            : BackendPlan.class.getClassLoader());
                }
                try {
                    CustomerBackendProvider p = registry.provider(e.settings().type(), e.settings().fullKey("type"));
                    CustomerBackend b = p.create(e.settings());
                    opened.backends().put(e.name(), b);
                    opened.owned().add(e.name());
                    LOG.info("Opened {}", b.describe());
                } catch (ConfigurationException ce) {
                    problems.addAll(ce.problems());
                }
            }
        } catch (RuntimeException e) {
            opened.closeOwned(e);
            throw e;
        }
        if (entries.isEmpty()) {
            problems.add(new Problem(BackendSettings.key("NAME", "type"), "no back-end is configured"));
        }
        return opened;
    }
}
