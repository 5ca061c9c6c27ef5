package dev.clientele.config;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.CustomerField;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerQuery;
import dev.clientele.GroupGrants;
import dev.clientele.Permission;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    /** The keys of the directory itself; back-end keys are {@code clientele.backend.NAME.*}. */
    public static final List<String> KEYS = List.of(
            "clientele.customers", "clientele.customers.create-in", "clientele.groups", "clientele.companies",
            "clientele.memberships", "clientele.state",
            "clientele.policy.group-support", "clientele.policy.always-groups",
            "clientele.policy.company-always-groups", "clientele.policy.company-inheritance",
            "clientele.customer.customer-id-from-email", "clientele.customer.unique-email",
            "clientele.search.fields", "clientele.search.limit",
            "clientele.password.iterations", "clientele.password.min-length", "clientele.password.max-length",
            "clientele.password.mixed-case", "clientele.password.need-digit", "clientele.password.min-two-letters",
            "clientele.password.pattern",
            "clientele.login.max-failures", "clientele.login.failure-window", "clientele.login.lockout-duration",
            "clientele.reset-token.lifetime", "clientele.cache.ttl", "clientele.cache.max-size");

    private static final Pattern BACKEND_NAME = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern BACKEND_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

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
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(file.toString(), "cannot read the configuration file: " + e.getMessage(), e);
        }
        return from(toMap(p), environment);
    }

    /** Reads properties from a stream (UTF-8), without environment overrides. */
    public static ClienteleConfig load(InputStream in, String sourceName) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(sourceName, "cannot read the configuration: " + e.getMessage(), e);
        }
        return from(toMap(p), Map.of());
    }

    /** A configuration from these keys alone (no environment). */
    public static ClienteleConfig from(Map<String, String> properties) {
        return from(properties, Map.of());
    }

    /** A configuration from these keys, with the {@code CLIENTELE_*} variables of {@code environment} over them. */
    public static ClienteleConfig from(Map<String, String> properties, Map<String, String> environment) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("clientele.")) {
                values.put(k.strip(), v == null ? "" : v.strip());
            }
        });
        applyEnvironment(values, environment, problems);

        Map<String, Map<String, String>> backendValues = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(BackendSettings.PREFIX)) {
                String rest = key.substring(BackendSettings.PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0 || dot == rest.length() - 1) {
                    problems.add(new Problem(key, "back-end keys look like clientele.backend.NAME.SETTING"));
                    continue;
                }
                String name = rest.substring(0, dot);
                String setting = rest.substring(dot + 1);
                if (!BACKEND_NAME.matcher(name).matches()) {
                    problems.add(new Problem(key, "a back-end name is lower-case letters and digits, starting with a letter"));
                    continue;
                }
                if (!BACKEND_KEY.matcher(setting).matches()) {
                    problems.add(new Problem(key, "a back-end setting is lower-case letters, digits and '-'"));
                    continue;
                }
                backendValues.computeIfAbsent(name, n -> new TreeMap<>()).put(setting, e.getValue());
            } else if (!KEYS.contains(key)) {
                problems.add(new Problem(key, "is not a Clientele setting" + suggestion(key)));
            }
        }
        Map<String, BackendSettings> backends = new LinkedHashMap<>();
        backendValues.forEach((name, settings) -> {
            String type = settings.get("type");
            if (type == null || type.isBlank()) {
                problems.add(new Problem(BackendSettings.key(name, "type"), "is required (memory, jdbc, ldap, ...)"));
            } else {
                backends.put(name, new BackendSettings(name, type.strip(), settings));
            }
        });

        Reader2 r = new Reader2(values, problems);
        for (String role : List.of("clientele.customers", "clientele.memberships")) {
            r.list(role).forEach(n -> checkBackendName(role, n, backendValues, problems));
        }
        for (String role : List.of("clientele.customers.create-in", "clientele.groups", "clientele.companies", "clientele.state")) {
            r.opt(role).ifPresent(n -> checkBackendName(role, n, backendValues, problems));
        }
        CustomerGroupPolicy.Builder pb = CustomerGroupPolicy.builder();
        pb.groupSupport(r.bool("clientele.policy.group-support", false));
        r.opt("clientele.policy.always-groups").ifPresent(v -> pb.alwaysGroups(r.groups("clientele.policy.always-groups", v)));
        r.opt("clientele.policy.company-always-groups")
                .ifPresent(v -> pb.companyAlwaysGroups(r.groups("clientele.policy.company-always-groups", v)));
        pb.companyInheritance(r.bool("clientele.policy.company-inheritance", true));
        r.bool("clientele.customer.customer-id-from-email", false);
        r.bool("clientele.customer.unique-email", true);
        r.fields();
        r.integer("clientele.search.limit", CustomerQuery.DEFAULT_LIMIT, 1, 100_000);
        r.integer("clientele.password.iterations", 600_000, 1_000, 10_000_000);

        PasswordPolicy.Builder pp = PasswordPolicy.builder()
                .minLength(r.integer("clientele.password.min-length", PasswordPolicy.defaults().minLength(), 0, 1024))
                .maxLength(r.integer("clientele.password.max-length", PasswordPolicy.defaults().maxLength(), 1, 4096))
                .mixedCase(r.bool("clientele.password.mixed-case", false))
                .needDigit(r.bool("clientele.password.need-digit", false))
                .minTwoLetters(r.bool("clientele.password.min-two-letters", false));
        r.opt("clientele.password.pattern").ifPresent(p -> {
            try {
                pp.pattern(p);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("clientele.password.pattern", "is not a valid regular expression"));
            }
        });
        PasswordPolicy passwordPolicy = null;
        try {
            passwordPolicy = pp.build();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("clientele.password.min-length", e.getMessage()));
        }
        LockoutPolicy lockout = null;
        int maxFailures = r.integer("clientele.login.max-failures", LockoutPolicy.defaults().maxFailures(), 0, 1000);
        Duration window = r.duration("clientele.login.failure-window", LockoutPolicy.defaults().window());
        Duration lockFor = r.duration("clientele.login.lockout-duration", LockoutPolicy.defaults().lockDuration());
        try {
            lockout = LockoutPolicy.of(maxFailures, window, lockFor);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("clientele.login.max-failures", e.getMessage()));
        }
        r.duration("clientele.reset-token.lifetime", Duration.ofHours(1));
        r.duration("clientele.cache.ttl", Duration.ofSeconds(60));
        r.integer("clientele.cache.max-size", 10_000, 0, Integer.MAX_VALUE);

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new ClienteleConfig(Collections.unmodifiableMap(values), Collections.unmodifiableMap(backends),
                pb.build(), passwordPolicy, lockout);
    }

    // ----- typed views ---------------------------------------------------------------------------------------------

    /** The back-end instances, by name, in name order. */
    public Map<String, BackendSettings> backends() {
        return backends;
    }

    /** The names listed under a role key such as {@code clientele.customers}; empty when not set. */
    public List<String> list(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? List.of() : splitList(v);
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
        return get("clientele.customer.customer-id-from-email").map(Values::bool).orElse(false);
    }

    public boolean uniqueEmail() {
        return get("clientele.customer.unique-email").map(Values::bool).orElse(true);
    }

    public Optional<Set<CustomerField>> searchFields() {
        List<String> l = list("clientele.search.fields");
        if (l.isEmpty()) {
            return Optional.empty();
        }
        Set<CustomerField> s = EnumSet.noneOf(CustomerField.class);
        l.forEach(f -> s.add(CustomerField.parse(f)));
        return Optional.of(s);
    }

    public int searchLimit() {
        return get("clientele.search.limit").map(Integer::parseInt).orElse(CustomerQuery.DEFAULT_LIMIT);
    }

    public int passwordIterations() {
        return get("clientele.password.iterations").map(Integer::parseInt).orElse(600_000);
    }

    public boolean passwordIterationsSet() {
        return get("clientele.password.iterations").isPresent();
    }

    public Duration resetTokenLifetime() {
        return get("clientele.reset-token.lifetime").map(Durations::parse).orElse(Duration.ofHours(1));
    }

    public Optional<Duration> cacheTtl() {
        return get("clientele.cache.ttl").map(Durations::parse);
    }

    public Optional<Long> cacheMaxSize() {
        return get("clientele.cache.max-size").map(Long::parseLong);
    }

    /** Every key and value, secrets masked. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + Secrets.shown(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "ClienteleConfig{", "}"));
    }

    // ----- helpers -------------------------------------------------------------------------------------------------

    /** The environment variable that overrides a key. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void applyEnvironment(Map<String, String> values, Map<String, String> env, List<Problem> problems) {
        Map<String, String> known = new TreeMap<>();
        KEYS.forEach(k -> known.put(environmentName(k), k));
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String var = e.getKey();
            if (!var.startsWith("CLIENTELE_") || var.equals("CLIENTELE_CONFIG")) {
                continue;
            }
            String key = known.get(var);
            String backendVar = environmentName(BackendSettings.PREFIX);
            if (key == null && var.startsWith(backendVar)) {
                String rest = var.substring(backendVar.length());
                int us = rest.indexOf('_');
                if (us > 0 && us < rest.length() - 1) {
                    key = BackendSettings.key(rest.substring(0, us).toLowerCase(Locale.ROOT),
                            rest.substring(us + 1).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
            if (key == null) {
                problems.add(new Problem(var, "environment variable names no Clientele setting"));
            } else {
                values.put(key, e.getValue() == null ? "" : e.getValue().strip());
            }
        }
    }

    private static void checkBackendName(String key, String name, Map<String, Map<String, String>> backends,
            List<Problem> problems) {
        if (!backends.containsKey(name)) {
            problems.add(new Problem(key, "names back-end '" + name + "', which is not configured"
                    + (backends.isEmpty() ? " (no clientele.backend.NAME.type is set)"
                    : " (configured: " + String.join(", ", backends.keySet()) + ")")));
        }
    }

    private static String suggestion(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        for (String k : KEYS) {
            if (k.endsWith("." + last) || k.endsWith("-" + last)) {
                return " (did you mean " + k + "?)";
            }
        }
        return "";
    }

    static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    /** Typed reads that collect problems. */
    private static final class Reader2 {
        private final Map<String, String> values;
        private final List<Problem> problems;

        Reader2(Map<String, String> values, List<Problem> problems) {
            this.values = values;
            this.problems = problems;
        }

        Optional<String> opt(String key) {
            String v = values.get(key);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        }

        List<String> list(String key) {
            return opt(key).map(ClienteleConfig::splitList).orElse(List.of());
        }

        boolean bool(String key, boolean dflt) {
            Optional<String> v = opt(key);
            try {
                return v.isEmpty() ? dflt : Values.bool(v.get());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(key, e.getMessage()));
                return dflt;
            }
        }

        int integer(String key, int dflt, int min, int max) {
            Optional<String> v = opt(key);
            try {
                return v.isEmpty() ? dflt : Values.integer(v.get(), min, max);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(key, e.getMessage()));
                return dflt;
            }
        }

        Duration duration(String key, Duration dflt) {
            Optional<String> v = opt(key);
            if (v.isEmpty()) {
                return dflt;
            }
            try {
                return Durations.parse(v.get());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(key, e.getMessage()));
                return dflt;
            }
        }

        Map<String, Permission> groups(String key, String v) {
            return GroupGrants.parse(v, false,
                    bad -> problems.add(new Problem(key, bad.getMessage() + " (write group:ro or group:rw, comma-separated)")));
        }

        void fields() {
            for (String f : list("clientele.search.fields")) {
                try {
                    CustomerField.parse(f);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("clientele.search.fields", e.getMessage()));
                }
            }
        }
    }
}
