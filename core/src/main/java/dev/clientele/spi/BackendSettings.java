package dev.clientele.spi;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
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
 * The settings of one back-end instance: the keys under {@code clientele.backend.NAME.}, without that prefix.
 * Immutable. Read them with a {@link Reader}, which collects every problem and reports them together, each with
 * its full key. Values of secret keys ({@link Secrets#isSecret(String)}) are masked in {@link #toString()} and
 * never appear in messages.
 */
public final class BackendSettings {
    /** What every back-end key starts with: {@value}, followed by {@code NAME.SETTING}. */
    public static final String PREFIX = "clientele.backend.";

    /** The setting naming the provider type: {@value}. */
    public static final String TYPE = "type";
    /** How a successful login re-hashes a password kept by this back-end: {@value} (read by core). */
    public static final String REHASH = "rehash";
    /** The Znuny CryptType this back-end's passwords are written in: {@value} (read by core). */
    public static final String CRYPT_TYPE = "crypt-type";
    /** The cost of the bcrypt hashes this back-end writes: {@value} (read by core). */
    public static final String BCRYPT_COST = "bcrypt-cost";
    /**
     * How long the directory caches what it read from this back-end, in place of {@code clientele.cache.ttl}:
     * {@value} (read by core; {@code 0} caches nothing of it).
     */
    public static final String CACHE_TTL = "cache-ttl";
    /**
     * The settings every back-end has, which core reads (see {@code dev.clientele.password.PasswordStorage}):
     * a back-end's own reader leaves them to core and does not report them as unknown.
     */
    public static final Set<String> DIRECTORY_SETTINGS = Set.of(TYPE, REHASH, CRYPT_TYPE, BCRYPT_COST, CACHE_TTL);

    private final String name;
    private final String type;
    private final Map<String, String> values;
    private final @Nullable Path baseDirectory;

    public BackendSettings(String name, String type, Map<String, String> values) {
        this(name, type, values, null);
    }

    /**
     * Settings read from a configuration file in {@code baseDirectory}: relative file paths in them are resolved
     * against that folder ({@link #resolve(String)}), not against the folder the program runs in.
     */
    public BackendSettings(String name, String type, Map<String, String> values, @Nullable Path baseDirectory) {
        this.name = name;
        this.type = type;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.baseDirectory = baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
    }

    /** Settings for tests and code: no keys but the ones given. */
    public static BackendSettings of(String name, String type, Map<String, String> values) {
        return new BackendSettings(name, type, values);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The folder of the configuration file these settings came from, if they came from a file. */
    public Optional<Path> baseDirectory() {
        return Optional.ofNullable(baseDirectory);
    }

    /**
     * A file path given in a setting, made absolute: a relative one against {@link #baseDirectory()} (the
     * configuration file's folder), or against the working folder when the settings came from no file; an
     * absolute one, or one starting with {@code ~} (the user's home, for the back-end to expand), as it is.
     * Every back-end resolves its paths here, so one configuration file means the same files from any folder.
     */
    public String resolve(String path) {
        if (path.startsWith("~")) {
            return path;
        }
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p.normalize().toString();
        }
        Path base = baseDirectory != null ? baseDirectory : Path.of("").toAbsolutePath();
        return base.resolve(p).normalize().toString();
    }

    /** Every key given (relative), sorted. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw value of a relative key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The full configuration key of a relative one: {@code clientele.backend.NAME.KEY} ({@link #key}). */
    public String fullKey(String key) {
        return key(name, key);
    }

    /**
     * The full configuration key of setting {@code setting} of back-end {@code name}:
     * {@code clientele.backend.NAME.SETTING}. The one place that prefix is put together; for messages of code
     * that has a back-end's name but not its settings.
     */
    public static String key(String name, String setting) {
        return PREFIX + name + "." + setting;
    }

    /** Starts reading; call {@link Reader#done()} at the end to throw every problem found at once. */
    public Reader reader() {
        return new Reader();
    }

    @Override
    public String toString() {
        return "BackendSettings[" + name + " (" + type + ") " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + Secrets.shown(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}")) + "]";
    }

    /** Reads typed values, collecting problems instead of failing at the first. */
    public final class Reader {
        private final List<Problem> problems = new ArrayList<>();
        private final Set<String> read = new java.util.HashSet<>();

        private Reader() {
        }

        /** An optional file path, made absolute with {@link BackendSettings#resolve(String)}. */
        public Optional<String> path(String key) {
            return optional(key).map(BackendSettings.this::resolve);
        }

        /** A required string; a problem if missing or blank, and then {@code null}. */
        public @Nullable String required(String key) {
            read.add(key);
            String v = values.get(key);
            if (v == null || v.isBlank()) {
                problems.add(new Problem(fullKey(key), "is required"));
                return null;
            }
            return v.strip();
        }

        public Optional<String> optional(String key) {
            read.add(key);
            String v = values.get(key);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        }

        public String string(String key, String defaultValue) {
            return optional(key).orElse(defaultValue);
        }

        public int integer(String key, int defaultValue, int min, int max) {
            Optional<String> v = optional(key);
            try {
                return v.isEmpty() ? defaultValue : Values.integer(v.get(), min, max);
            } catch (IllegalArgumentException e) {
                problem(key, Secrets.isSecret(key) ? "must be a whole number between " + min + " and " + max
                        : e.getMessage());
                return defaultValue;
            }
        }

        public boolean bool(String key, boolean defaultValue) {
            Optional<String> v = optional(key);
            try {
                return v.isEmpty() ? defaultValue : Values.bool(v.get());
            } catch (IllegalArgumentException e) {
                problem(key, Secrets.isSecret(key) ? "must be true or false" : e.getMessage());
                return defaultValue;
            }
        }

        public Duration duration(String key, Duration defaultValue) {
            Optional<String> v = optional(key);
            if (v.isEmpty()) {
                return defaultValue;
            }
            try {
                return Durations.parse(v.get());
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
                return defaultValue;
            }
        }

        /** A secret (password, bind credential): never shown in any message. */
        public Optional<char[]> secret(String key) {
            read.add(key);
            String v = values.get(key);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.toCharArray());
        }

        /** Records a problem with a relative key. */
        public void problem(String key, String message) {
            problems.add(new Problem(fullKey(key), message));
        }

        /**
         * Reports keys given but never read (likely typos) as problems, each with the setting it most likely means
         * among those read so far and core's ({@link Values#closest}): {@code passwrd} says "did you mean password?".
         */
        public Reader rejectUnknownKeys() {
            Set<String> known = new java.util.TreeSet<>(read);
            known.addAll(DIRECTORY_SETTINGS);
            for (String k : values.keySet()) {
                if (!known.contains(k)) {
                    problems.add(new Problem(fullKey(k), "is not a setting of the " + type + " back-end"
                            + Values.didYouMean(k, known)));
                }
            }
            return this;
        }

        /** Throws every problem found at once, if any. */
        public void done() {
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
        }

    }
}
