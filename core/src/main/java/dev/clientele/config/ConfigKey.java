package dev.clientele.config;

import dev.clientele.CustomerField;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerQuery;
import dev.clientele.GroupGrants;
import dev.clientele.Permission;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.Durations;
import dev.clientele.spi.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The keys of the directory itself, each with its type, default and range: the one table that both the
 * properties reader ({@link ClienteleConfig}) and {@link dev.clientele.CustomerDirectory.Builder} use. Back-end
 * keys ({@code clientele.backend.NAME.*}) are not here: each back-end reads its own, except the ones core reads for
 * every back-end ({@link dev.clientele.spi.BackendSettings#DIRECTORY_SETTINGS}: {@code type}, and {@code rehash},
 * {@code crypt-type}, {@code bcrypt-cost}, read by {@link dev.clientele.password.PasswordStorage#read}).
 *
 * <p>A default is absent when "not set" means something of its own (a role left to the first back-end offering
 * it, no password pattern). Defaults that belong to a policy object ({@link PasswordPolicy#defaults()},
 * {@link LockoutPolicy#defaults()}, {@link CustomerGroupPolicy#defaults()}) are read from it, so each is written
 * once.
 *
 * @param <T> the type of the value
 */
public final class ConfigKey<T> {
    /** What a value is written as. */
    public enum Type {
        /** Back-end names, separated by commas or white space. */
        BACKEND_NAMES,
        /** One back-end name. */
        BACKEND_NAME,
        /** {@code true/yes/on} or {@code false/no/off} ({@link Values#bool(String)}). */
        BOOLEAN,
        /** A whole number. */
        INTEGER,
        /** A duration ({@link Durations#parse(String)}). */
        DURATION,
        /** {@code group:rw, group:ro} ({@link GroupGrants#parse(String)}). */
        GROUP_GRANTS,
        /** Customer field keys ({@link CustomerField#parse(String)}), separated by commas or white space. */
        FIELDS,
        /** A regular expression (checked by {@link PasswordPolicy.Builder#pattern(String)}). */
        PATTERN
    }

    private static final List<ConfigKey<?>> ALL = new ArrayList<>();

    public static final ConfigKey<List<String>> CUSTOMERS = names("clientele.customers");
    public static final ConfigKey<String> CREATE_IN = name("clientele.customers.create-in");
    public static final ConfigKey<String> GROUPS = name("clientele.groups");
    public static final ConfigKey<String> COMPANIES = name("clientele.companies");
    public static final ConfigKey<List<String>> MEMBERSHIPS = names("clientele.memberships");
    public static final ConfigKey<String> STATE = name("clientele.state");
    public static final ConfigKey<Boolean> GROUP_SUPPORT =
            bool("clientele.policy.group-support", CustomerGroupPolicy.defaults().groupSupport());
    public static final ConfigKey<Map<String, Permission>> ALWAYS_GROUPS =
            grants("clientele.policy.always-groups", CustomerGroupPolicy.defaults().alwaysGroups());
    public static final ConfigKey<Map<String, Permission>> COMPANY_ALWAYS_GROUPS =
            grants("clientele.policy.company-always-groups", CustomerGroupPolicy.defaults().companyAlwaysGroups());
    public static final ConfigKey<Boolean> COMPANY_INHERITANCE =
            bool("clientele.policy.company-inheritance", CustomerGroupPolicy.defaults().companyInheritance());
    public static final ConfigKey<Boolean> CUSTOMER_ID_FROM_EMAIL =
            bool("clientele.customer.customer-id-from-email", false);
    public static final ConfigKey<Boolean> UNIQUE_EMAIL = bool("clientele.customer.unique-email", true);
    public static final ConfigKey<Set<CustomerField>> SEARCH_FIELDS = new ConfigKey<>("clientele.search.fields",
            Type.FIELDS, Collections.unmodifiableSet(EnumSet.of(CustomerField.LOGIN, CustomerField.EMAIL,
                    CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME)),
            null, null, null, ConfigKey::fields);
    public static final ConfigKey<Integer> SEARCH_LIMIT =
            integer("clientele.search.limit", CustomerQuery.DEFAULT_LIMIT, 1, CustomerQuery.MAX_LIMIT);
    public static final ConfigKey<Integer> PASSWORD_ITERATIONS = integer("clientele.password.iterations",
            Pbkdf2PasswordHasher.DEFAULT_ITERATIONS, Pbkdf2PasswordHasher.MIN_ITERATIONS,
            Pbkdf2PasswordHasher.MAX_ITERATIONS);
    public static final ConfigKey<Integer> PASSWORD_MIN_LENGTH =
            integer("clientele.password.min-length", PasswordPolicy.defaults().minLength(), 0, 1024);
    public static final ConfigKey<Integer> PASSWORD_MAX_LENGTH =
            integer("clientele.password.max-length", PasswordPolicy.defaults().maxLength(), 1, 4096);
    public static final ConfigKey<Boolean> PASSWORD_MIXED_CASE =
            bool("clientele.password.mixed-case", PasswordPolicy.defaults().mixedCase());
    public static final ConfigKey<Boolean> PASSWORD_NEED_DIGIT =
            bool("clientele.password.need-digit", PasswordPolicy.defaults().needDigit());
    public static final ConfigKey<Boolean> PASSWORD_MIN_TWO_LETTERS =
            bool("clientele.password.min-two-letters", PasswordPolicy.defaults().minTwoLetters());
    public static final ConfigKey<String> PASSWORD_PATTERN = new ConfigKey<>("clientele.password.pattern",
            Type.PATTERN, null, null, null, null, String::strip);
    public static final ConfigKey<Integer> LOGIN_MAX_FAILURES =
            integer("clientele.login.max-failures", LockoutPolicy.defaults().maxFailures(), 0, 1000);
    public static final ConfigKey<Duration> LOGIN_FAILURE_WINDOW =
            duration("clientele.login.failure-window", LockoutPolicy.defaults().window(), Duration.ZERO);
    public static final ConfigKey<Duration> LOGIN_LOCKOUT_DURATION =
            duration("clientele.login.lockout-duration", LockoutPolicy.defaults().lockDuration(), Duration.ZERO);
    public static final ConfigKey<Duration> RESET_TOKEN_LIFETIME =
            duration("clientele.reset-token.lifetime", Duration.ofHours(1), Duration.ofMillis(1));
    public static final ConfigKey<Duration> CACHE_TTL =
            duration("clientele.cache.ttl", Duration.ofSeconds(60), Duration.ZERO);
    public static final ConfigKey<Long> CACHE_MAX_SIZE = new ConfigKey<>("clientele.cache.max-size", Type.INTEGER,
            10_000L, 0L, null, Comparator.naturalOrder(), t -> Values.whole(t, Long.MIN_VALUE, Long.MAX_VALUE));

    private final String key;
    private final Type type;
    private final T defaultValue;
    private final T min;
    private final T max;
    private final Comparator<T> order;
    private final Function<String, T> parser;

    private ConfigKey(String key, Type type, T defaultValue, T min, T max, Comparator<T> order,
            Function<String, T> parser) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.order = order;
        this.parser = parser;
        ALL.add(this);
    }

    /** Every key of the directory, in the order of the documentation. */
    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The key of this name, if it is one. */
    public static Optional<ConfigKey<?>> of(String key) {
        return ALL.stream().filter(k -> k.key.equals(key)).findFirst();
    }

    /** The property name, e.g. {@code clientele.search.limit}. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The value when the key is not set; empty when "not set" has a meaning of its own. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The least value allowed, for numbers and durations. */
    public Optional<T> min() {
        return Optional.ofNullable(min);
    }

    /** The greatest value allowed, for numbers. */
    public Optional<T> max() {
        return Optional.ofNullable(max);
    }

    /**
     * Parses and checks a value as written in configuration.
     *
     * @throws IllegalArgumentException saying what was expected (without the key: callers name it)
     */
    public T parse(String text) {
        return check(parser.apply(text));
    }

    /**
     * Checks a value against the range of this key.
     *
     * @return the value
     * @throws IllegalArgumentException saying what was expected (without the key: callers name it)
     */
    public T check(T value) {
        if (value == null) {
            throw new IllegalArgumentException("must be given");
        }
        if (order != null && ((min != null && order.compare(value, min) < 0)
                || (max != null && order.compare(value, max) > 0))) {
            throw new IllegalArgumentException(max == null ? "must be at least " + min + ", was " + value
                    : "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return key;
    }

    // ----- the kinds of keys ----------------------------------------------------------------------------------

    private static ConfigKey<List<String>> names(String key) {
        return new ConfigKey<>(key, Type.BACKEND_NAMES, null, null, null, null, ConfigKey::list);
    }

    private static ConfigKey<String> name(String key) {
        return new ConfigKey<>(key, Type.BACKEND_NAME, null, null, null, null, String::strip);
    }

    private static ConfigKey<Boolean> bool(String key, boolean dflt) {
        return new ConfigKey<>(key, Type.BOOLEAN, dflt, null, null, null, Values::bool);
    }

    private static ConfigKey<Integer> integer(String key, int dflt, int min, int max) {
        return new ConfigKey<>(key, Type.INTEGER, dflt, min, max, Comparator.naturalOrder(),
                t -> Values.integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static ConfigKey<Duration> duration(String key, Duration dflt, Duration min) {
        return new ConfigKey<>(key, Type.DURATION, dflt, min, null, Comparator.naturalOrder(), Durations::parse);
    }

    private static ConfigKey<Map<String, Permission>> grants(String key, Map<String, Permission> dflt) {
        return new ConfigKey<>(key, Type.GROUP_GRANTS, dflt, null, null, null, GroupGrants::parse);
    }

    /** Splits a list of names on commas and white space. */
    static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return List.copyOf(out);
    }

    private static Set<CustomerField> fields(String v) {
        Set<CustomerField> s = EnumSet.noneOf(CustomerField.class);
        list(v).forEach(f -> s.add(CustomerField.parse(f)));
        if (s.isEmpty()) {
            throw new IllegalArgumentException("must name at least one field");
        }
        return Collections.unmodifiableSet(s);
    }
}
