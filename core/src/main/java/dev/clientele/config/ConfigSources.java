package dev.clientele.config;

import dev.clientele.ConfigurationException.Problem;
import dev.clientele.spi.BackendSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where {@link ClienteleConfig}'s keys come from: properties files and streams (UTF-8), then {@code CLIENTELE_*}
 * environment variables over them.
 */
final class ConfigSources {
    /**
     * {@code CLIENTELE_*} variables that are not settings: the config file's location and the {@code clientele}
     * launcher's own ({@code CLIENTELE_REBUILD}, {@code CLIENTELE_JAVA_OPTS}).
     */
    private static final Set<String> NOT_SETTINGS = Set.of("CLIENTELE_CONFIG", "CLIENTELE_REBUILD",
            "CLIENTELE_JAVA_OPTS");

    private ConfigSources() {
    }

    /** The properties of a file (UTF-8), by key. */
    static Map<String, String> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /** The properties of a stream (UTF-8), by key. */
    static Map<String, String> read(InputStream in) throws IOException {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    private static Map<String, String> read(Reader r) throws IOException {
        Properties p = new Properties();
        p.load(r);
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    /**
     * The {@code clientele.*} keys of {@code properties}, keys and values stripped, with the variables of
     * {@code environment} over them; each variable that names no setting a problem.
     */
    static Map<String, String> values(Map<String, String> properties, Map<String, String> environment,
            List<Problem> problems) {
        Map<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("clientele.")) {
                values.put(k.strip(), v == null ? "" : v.strip());
            }
        });
        applyEnvironment(values, environment, problems);
        return values;
    }

    /** The environment variable that overrides a key. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void applyEnvironment(Map<String, String> values, Map<String, String> env, List<Problem> problems) {
        Map<String, String> known = new TreeMap<>();
        ClienteleConfig.KEYS.forEach(k -> known.put(environmentName(k), k));
        String backendVar = environmentName(BackendSettings.PREFIX);
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String var = e.getKey();
            if (!var.startsWith("CLIENTELE_") || NOT_SETTINGS.contains(var)) {
                continue;
            }
            String key = known.get(var);
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
}
