package dev.clientele.internal;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEventListener;
import dev.clientele.CustomerField;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.ValidationException;
import dev.clientele.config.ClienteleConfig;
import dev.clientele.config.ConfigKey;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordHasher;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.PasswordStorage;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Implements {@link CustomerDirectory.Builder}: collects the parts, then assembles and checks them in {@link #build()}. */
public final class DirectoryBuilder implements CustomerDirectory.Builder {

    private final List<BackendPlan.Entry> entries = new ArrayList<>();
    private final List<CustomerBackendProvider> providers = new ArrayList<>();
    private final List<CustomerEventListener> listeners = new ArrayList<>();
    private List<String> customers;
    private String createIn;
    private String groups;
    private String companies;
    private List<String> memberships;
    private String state;
    private CustomerGroupPolicy policy = CustomerGroupPolicy.defaults();
    private boolean customerIdFromEmail = defaultOf(ConfigKey.CUSTOMER_ID_FROM_EMAIL);
    private boolean uniqueEmail = defaultOf(ConfigKey.UNIQUE_EMAIL);
    private Set<CustomerField> searchFields = defaultOf(ConfigKey.SEARCH_FIELDS);
    private int searchLimit = defaultOf(ConfigKey.SEARCH_LIMIT);
    private PasswordHasher hasher;
    private final Map<String, PasswordStorage> passwordStorage = new LinkedHashMap<>();
    private final Map<String, Duration> backendCacheTtl = new LinkedHashMap<>();
    private PasswordPolicy passwordPolicy = PasswordPolicy.defaults();
    private LockoutPolicy lockout = LockoutPolicy.defaults();
    private Duration resetTokenLifetime = defaultOf(ConfigKey.RESET_TOKEN_LIFETIME);
    private Duration cacheTtl = defaultOf(ConfigKey.CACHE_TTL);
    private long cacheMaxSize = defaultOf(ConfigKey.CACHE_MAX_SIZE);
    private Clock clock = Clock.systemUTC();
    private Metrics metrics = Metrics.NONE;

    @Override
    public CustomerDirectory.Builder config(ClienteleConfig config) {
        config.backends().forEach((name, settings) -> entries.add(new BackendPlan.Entry(name, settings, null)));
        List<String> c = config.list(ConfigKey.CUSTOMERS.key());
        if (!c.isEmpty()) {
            customers = c;
        }
        config.get(ConfigKey.CREATE_IN.key()).ifPresent(v -> createIn = v);
        config.get(ConfigKey.GROUPS.key()).ifPresent(v -> groups = v);
        config.get(ConfigKey.COMPANIES.key()).ifPresent(v -> companies = v);
        List<String> m = config.list(ConfigKey.MEMBERSHIPS.key());
        if (!m.isEmpty()) {
            memberships = m;
        }
        config.get(ConfigKey.STATE.key()).ifPresent(v -> state = v);
        policy = config.policy();
        customerIdFromEmail = config.customerIdFromEmail();
        uniqueEmail = config.uniqueEmail();
        config.searchFields().ifPresent(f -> searchFields = f);
        searchLimit = config.searchLimit();
        if (config.passwordIterationsSet()) {
            hasher = Pbkdf2PasswordHasher.withIterations(config.passwordIterations());
        }
        passwordPolicy = config.passwordPolicy();
        lockout = config.lockout();
        resetTokenLifetime = config.resetTokenLifetime();
        config.cacheTtl().ifPresent(t -> cacheTtl = t);
        config.cacheMaxSize().ifPresent(s -> cacheMaxSize = s);
        return this;
    }

    @Override
    public CustomerDirectory.Builder backend(String type) {
        return backend(type, type, Map.of());
    }

    @Override
    public CustomerDirectory.Builder backend(String name, String type, Map<String, String> settings) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        entries.add(new BackendPlan.Entry(name, new BackendSettings(name, type, settings), null));
        return this;
    }

    @Override
    public CustomerDirectory.Builder backend(CustomerBackend backend) {
        Objects.requireNonNull(backend, "backend");
        entries.add(new BackendPlan.Entry(backend.name(), null, backend));
        return this;
    }

    @Override
    public CustomerDirectory.Builder provider(CustomerBackendProvider provider) {
        providers.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    @Override
    public CustomerDirectory.Builder customers(String... backendNames) {
        if (backendNames.length == 0) {
            throw ValidationException.ofArgument("customers", "must name at least one back-end");
        }
        customers = List.copyOf(Arrays.asList(backendNames));
        return this;
    }

    @Override
    public CustomerDirectory.Builder createIn(String backendName) {
        createIn = Objects.requireNonNull(backendName, "createIn");
        return this;
    }

    @Override
    public CustomerDirectory.Builder groups(String backendName) {
        groups = Objects.requireNonNull(backendName, "groups");
        return this;
    }

    @Override
    public CustomerDirectory.Builder companies(String backendName) {
        companies = Objects.requireNonNull(backendName, "companies");
        return this;
    }

    @Override
    public CustomerDirectory.Builder memberships(String... backendNames) {
        if (backendNames.length == 0) {
            throw ValidationException.ofArgument("memberships", "must name at least one back-end");
        }
        memberships = List.copyOf(Arrays.asList(backendNames));
        return this;
    }

    @Override
    public CustomerDirectory.Builder state(String backendName) {
        state = Objects.requireNonNull(backendName, "state");
        return this;
    }

    @Override
    public CustomerDirectory.Builder policy(CustomerGroupPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    @Override
    public CustomerDirectory.Builder customerIdFromEmail(boolean on) {
        customerIdFromEmail = on;
        return this;
    }

    @Override
    public CustomerDirectory.Builder uniqueEmail(boolean on) {
        uniqueEmail = on;
        return this;
    }

    @Override
    public CustomerDirectory.Builder searchFields(Set<CustomerField> fields) {
        if (fields.isEmpty()) {
            throw ValidationException.ofArgument("searchFields", "must name at least one field");
        }
        searchFields = EnumSet.copyOf(fields);
        return this;
    }

    @Override
    public CustomerDirectory.Builder searchLimit(int limit) {
        searchLimit = checked("searchLimit", ConfigKey.SEARCH_LIMIT, limit);
        return this;
    }

    @Override
    public CustomerDirectory.Builder passwordHasher(PasswordHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "passwordHasher");
        return this;
    }

    @Override
    public CustomerDirectory.Builder passwordStorage(String backendName, PasswordStorage storage) {
        passwordStorage.put(Objects.requireNonNull(backendName, "backendName"),
                Objects.requireNonNull(storage, "passwordStorage"));
        return this;
    }

    @Override
    public CustomerDirectory.Builder passwordPolicy(PasswordPolicy policy) {
        this.passwordPolicy = Objects.requireNonNull(policy, "passwordPolicy");
        return this;
    }

    @Override
    public CustomerDirectory.Builder lockout(LockoutPolicy lockout) {
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        return this;
    }

    @Override
    public CustomerDirectory.Builder resetTokenLifetime(Duration lifetime) {
        this.resetTokenLifetime = checked("resetTokenLifetime", ConfigKey.RESET_TOKEN_LIFETIME, lifetime);
        return this;
    }

    @Override
    public CustomerDirectory.Builder cacheTtl(Duration ttl) {
        this.cacheTtl = checked("cacheTtl", ConfigKey.CACHE_TTL, ttl);
        return this;
    }

    @Override
    public CustomerDirectory.Builder cacheTtl(String backendName, Duration ttl) {
        backendCacheTtl.put(Objects.requireNonNull(backendName, "backendName"),
                checked("cacheTtl", ConfigKey.CACHE_TTL, ttl));
        return this;
    }

    @Override
    public CustomerDirectory.Builder cacheMaxSize(long size) {
        this.cacheMaxSize = checked("cacheMaxSize", ConfigKey.CACHE_MAX_SIZE, size);
        return this;
    }

    @Override
    public CustomerDirectory.Builder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    @Override
    public CustomerDirectory.Builder listener(CustomerEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public CustomerDirectory.Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
        metrics = new MicrometerMetrics(Objects.requireNonNull(registry, "meterRegistry"));
        return this;
    }

    @Override
    public CustomerDirectory build() {
        List<Problem> problems = new ArrayList<>();
        BackendPlan.Opened opened = BackendPlan.open(entries, providers, problems);
        try {
            opened.applyStorage(passwordStorage, problems);
            opened.applyCacheTtl(backendCacheTtl, problems);
            Roles roles = Roles.assign(opened.backends(), customers, createIn, groups, companies, memberships, state,
                    problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            PasswordHasher h = hasher != null ? hasher : Pbkdf2PasswordHasher.withDefaults();
            return new DefaultCustomerDirectory(new DefaultCustomerDirectory.Settings(opened.backends(),
                    opened.owned(), roles, policy, customerIdFromEmail, uniqueEmail, searchFields, searchLimit, h,
                    opened.storage(), passwordPolicy, lockout, resetTokenLifetime, cacheTtl, opened.cacheTtl(),
                    cacheMaxSize, clock,
                    listeners, metrics));
        } catch (RuntimeException e) {
            opened.closeOwned(e);
            throw e;
        }
    }

    private static <T> T defaultOf(ConfigKey<T> key) {
        return key.defaultValue().orElseThrow();
    }

    /** The value if in the range of its key; else a {@link ValidationException} naming the builder method. */
    private static <T> T checked(String method, ConfigKey<T> key, T value) {
        if (value == null) {
            throw ValidationException.ofArgument(method, "is required (" + key.key() + ")");
        }
        try {
            return key.check(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.ofArgument(method, e.getMessage() + " (" + key.key() + ")");
        }
    }
}
