package dev.clientele.config;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.CustomerField;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A parsed, checked configuration: back-end instances, roles, the group policy and the options of the directory.
 * Immutable. Read from a properties file with {@code CLIENTELE_*} environment variables overriding it
 * ({@link #load(Path)}), or from a map ({@link #from(Map)}). Every problem is reported at once in one
 * {@link ConfigurationException}, each naming its key; secret values never appear in messages or
 * {@link #toString()}.
 *
 * <p>Environment variables: a key's name upper-cased with {@code .} and {@code -} turned into {@code _}:
 * {@code clientele.policy.group-support} is {@code CLIENTELE_POLICY_GROUP_SUPPORT}, and
 * {@code clientele.backend.corp.bind-password} is {@code CLIENTELE_BACKEND_CORP_BIND_PASSWORD} (back-end names are
 * therefore letters and digits only). {@code CLIENTELE_CONFIG} is not a key: tools use it for the file's path.
 */
public final class ClienteleConfig {
    /** The keys of the directory itself ({@link ConfigKey#all()}); back-end keys are {@code clientele.backend.NAME.*}. */
    public static final List<String> KEYS = ConfigKey.all().stream().map(ConfigKey::key)
            .collect(Collectors.toUnmodifiableList());

    private final Map<String, String> values;
    private final Map<String, BackendSettings> backends;
    private final CustomerGroupPolicy policy;
    private final PasswordPolicy passwordPolicy;
    private final LockoutPolicy lockout;

    private ClienteleConfig(Map<String, String> values, Map<String, BackendSettings> backends,
            CustomerGroupPolicy policy, PasswordPolicy passwordPolicy, LockoutPolicy lockout) {
        this.values = values;
        this.backends = backends;
        this.policy = policy;
        this.passwordPolicy = passwordPolicy;
        this.lockout = lockout;
    }

    /** Reads a properties file (UTF-8) and applies {@code CLIENTELE_*} environment variables over it. */
    public static ClienteleConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Reads a properties file (UTF-8) and applies the given environment over it. */
    public static ClienteleConfig load(Path file, Map<String, String> environment) {
        Map<String, String> properties;
        try {
            properties = ConfigSources.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(file.toString(), "cannot read the configuration file: " + e.getMessage(), e);
        }
        return read(properties, environment, file.toAbsolutePath().getParent());
    }

    /** Reads properties from a stream (UTF-8), without environment overrides. */
    public static ClienteleConfig load(InputStream in, String sourceName) {
        Map<String, String> properties;
        try {
            properties = ConfigSources.read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(sourceName, "cannot read the configuration: " + e.getMessage(), e);
        }
        return from(properties, Map.of());
    }

    /** A configuration from these keys alone (no environment). */
    public static ClienteleConfig from(Map<String, String> properties) {
        return from(properties, Map.of());
    }

    /** A configuration from these keys, with the {@code CLIENTELE_*} variables of {@code environment} over them. */
    public static ClienteleConfig from(Map<String, String> properties, Map<String, String> environment) {
        return read(properties, environment, null);
    }

    /**
     * What a configuration file holds, read like {@link #load(Path, Map)} but without throwing: every problem of the
     * directory's own keys (and of the file itself), and {@link #backendsOnly()}: the back-ends as far as they could
     * be read (each whose type is set, relative paths resolved as usual), with roles, policy and options at their
     * defaults. A tool opens that to have each back-end check its own settings too, and so reports every problem of
     * a configuration in one round ({@code clientele config check}).
     *
     * @param problems     the problems found, each naming its key; empty when {@link #load(Path, Map)} would succeed
     * @param backendsOnly the back-ends alone, for opening them; with no back-end when the file cannot be read
     */
    public record Inspection(List<Problem> problems, ClienteleConfig backendsOnly) {
        public Inspection {
            problems = List.copyOf(problems);
            java.util.Objects.requireNonNull(backendsOnly, "backendsOnly");
        }
    }

    /** Inspects a properties file (UTF-8) with the given environment over it; see {@link Inspection}. */
    public static Inspection inspect(Path file, Map<String, String> environment) {
        Map<String, String> properties;
        try {
            properties = ConfigSources.read(file);
        } catch (IOException | IllegalArgumentException e) {
            return new Inspection(List.of(new Problem(file.toString(), "cannot read the configuration file: "
                    + e.getMessage())), backendsOnly(Map.of(), Map.of()));
        }
        List<Problem> problems = new ArrayList<>();
        ClienteleConfig config = parse(properties, environment, file.toAbsolutePath().getParent(), problems);
        return new Inspection(problems, backendsOnly(config.values, config.backends));
    }

    private static ClienteleConfig backendsOnly(Map<String, String> values, Map<String, BackendSettings> backends) {
        Map<String, String> kept = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(BackendSettings.PREFIX)) {
                kept.put(k, v);
            }
        });
        return new ClienteleConfig(Collections.unmodifiableMap(kept), Collections.unmodifiableMap(backends),
                CustomerGroupPolicy.defaults(), PasswordPolicy.defaults(), LockoutPolicy.defaults());
    }

    /** Relative file paths in back-end settings resolve against {@code folder} (see BackendSettings#resolve). */
    private static ClienteleConfig read(Map<String, String> properties, Map<String, String> environment,
            @Nullable Path folder) {
        List<Problem> problems = new ArrayList<>();
        ClienteleConfig config = parse(properties, environment, folder, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return config;
    }

    /** Reads everything, adding each problem to {@code problems}; what is bad is left at its default. */
    private static ClienteleConfig parse(Map<String, String> properties, Map<String, String> environment,
            @Nullable Path folder, List<Problem> problems) {
        Map<String, String> values = ConfigSources.values(properties, environment, problems);
        Map<String, Map<String, String>> backendValues = KeyCatalogue.byBackend(values, problems);
        Map<String, BackendSettings> backends = KeyCatalogue.backends(backendValues, folder, problems);

        TypedReads r = new TypedReads(values, problems);
        for (ConfigKey<List<String>> role : List.of(ConfigKey.CUSTOMERS, ConfigKey.MEMBERSHIPS)) {
            r.opt(role).ifPresent(l -> l.forEach(n -> KeyCatalogue.checkBackendName(role.key(), n, backendValues,
                    problems)));
        }
        for (ConfigKey<String> role : List.of(ConfigKey.CREATE_IN, ConfigKey.GROUPS, ConfigKey.COMPANIES,
                ConfigKey.STATE)) {
            r.opt(role).ifPresent(n -> KeyCatalogue.checkBackendName(role.key(), n, backendValues, problems));
        }
        CustomerGroupPolicy.Builder pb = CustomerGroupPolicy.builder();
        pb.groupSupport(r.read(ConfigKey.GROUP_SUPPORT));
        pb.alwaysGroups(r.groups(ConfigKey.ALWAYS_GROUPS));
        pb.companyAlwaysGroups(r.groups(ConfigKey.COMPANY_ALWAYS_GROUPS));
        pb.companyInheritance(r.read(ConfigKey.COMPANY_INHERITANCE));
        for (ConfigKey<?> k : List.of(ConfigKey.CUSTOMER_ID_FROM_EMAIL, ConfigKey.UNIQUE_EMAIL, ConfigKey.SEARCH_FIELDS,
                ConfigKey.SEARCH_LIMIT, ConfigKey.PASSWORD_ITERATIONS, ConfigKey.RESET_TOKEN_LIFETIME,
                ConfigKey.CACHE_TTL, ConfigKey.CACHE_MAX_SIZE)) {
            r.opt(k);
        }

        PasswordPolicy.Builder pp = PasswordPolicy.builder()
                .minLength(r.read(ConfigKey.PASSWORD_MIN_LENGTH))
                .maxLength(r.read(ConfigKey.PASSWORD_MAX_LENGTH))
                .mixedCase(r.read(ConfigKey.PASSWORD_MIXED_CASE))
                .needDigit(r.read(ConfigKey.PASSWORD_NEED_DIGIT))
                .minTwoLetters(r.read(ConfigKey.PASSWORD_MIN_TWO_LETTERS));
        r.opt(ConfigKey.PASSWORD_PATTERN).ifPresent(p -> {
            try {
                pp.pattern(p);
            } catch (dev.clientele.ValidationException e) {
                problems.add(new Problem(ConfigKey.PASSWORD_PATTERN.key(), "is not a valid regular expression"));
            }
        });
        PasswordPolicy passwordPolicy = null;
        try {
            passwordPolicy = pp.build();
        } catch (dev.clientele.ValidationException e) {
            problems.add(new Problem(ConfigKey.PASSWORD_MIN_LENGTH.key(), e.getMessage()));
        }
        LockoutPolicy lockout = null;
        int maxFailures = r.read(ConfigKey.LOGIN_MAX_FAILURES);
        Duration window = r.read(ConfigKey.LOGIN_FAILURE_WINDOW);
        Duration lockFor = r.read(ConfigKey.LOGIN_LOCKOUT_DURATION);
        try {
            lockout = LockoutPolicy.of(maxFailures, window, lockFor);
        } catch (dev.clientele.ValidationException e) {
            problems.add(new Problem(ConfigKey.LOGIN_MAX_FAILURES.key(), e.getMessage()));
        }

        return new ClienteleConfig(Collections.unmodifiableMap(values), Collections.unmodifiableMap(backends),
                pb.build(), passwordPolicy == null ? PasswordPolicy.defaults() : passwordPolicy,
                lockout == null ? LockoutPolicy.defaults() : lockout);
    }

    // ----- typed views ---------------------------------------------------------------------------------------------

    /** The back-end instances, by name, in name order. */
    public Map<String, BackendSettings> backends() {
        return backends;
    }

    /** The names listed under a role key such as {@code clientele.customers}; empty when not set. */
    public List<String> list(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? List.of() : ConfigKey.list(v);
    }

    /** A raw value of one of {@link #KEYS}, or a back-end key. */
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public CustomerGroupPolicy policy() {
        return policy;
    }

    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    public LockoutPolicy lockout() {
        return lockout;
    }

    public boolean customerIdFromEmail() {
        return value(ConfigKey.CUSTOMER_ID_FROM_EMAIL);
    }

    public boolean uniqueEmail() {
        return value(ConfigKey.UNIQUE_EMAIL);
    }

    /** The search fields if set; empty means {@link ConfigKey#SEARCH_FIELDS}' default. */
    public Optional<Set<CustomerField>> searchFields() {
        return get(ConfigKey.SEARCH_FIELDS.key()).map(ConfigKey.SEARCH_FIELDS::parse);
    }

    public int searchLimit() {
        return value(ConfigKey.SEARCH_LIMIT);
    }

    public int passwordIterations() {
        return value(ConfigKey.PASSWORD_ITERATIONS);
    }

    public boolean passwordIterationsSet() {
        return get(ConfigKey.PASSWORD_ITERATIONS.key()).isPresent();
    }

    public Duration resetTokenLifetime() {
        return value(ConfigKey.RESET_TOKEN_LIFETIME);
    }

    /** The cache's time to live if set; empty means {@link ConfigKey#CACHE_TTL}' default. */
    public Optional<Duration> cacheTtl() {
        return get(ConfigKey.CACHE_TTL.key()).map(ConfigKey.CACHE_TTL::parse);
    }

    /** The cache's size if set; empty means {@link ConfigKey#CACHE_MAX_SIZE}' default. */
    public Optional<Long> cacheMaxSize() {
        return get(ConfigKey.CACHE_MAX_SIZE.key()).map(ConfigKey.CACHE_MAX_SIZE::parse);
    }

    /** The value of a key of the directory, or its default (checked when the configuration was read). */
    public <T> T value(ConfigKey<T> key) {
        return get(key.key()).map(key::parse).orElseGet(() -> key.defaultValue().orElse(null));
    }

    /** Every key and value, secrets masked, and so is every value of a key this configuration does not recognise. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + Secrets.shown(e.getKey(), e.getValue(), KeyCatalogue.recognised(e.getKey())))
                .collect(Collectors.joining(", ", "ClienteleConfig{", "}"));
    }

    /** The environment variable that overrides a key. */
    public static String environmentName(String key) {
        return ConfigSources.environmentName(key);
    }
}
