package dev.clientele.config;

import dev.clientele.ConfigurationException.Problem;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which keys {@link ClienteleConfig} recognises: the directory's own ({@link ClienteleConfig#KEYS}) and well-formed
 * back-end keys, {@code clientele.backend.NAME.SETTING} (each back-end checks its own settings); and the back-ends
 * they configure.
 */
final class KeyCatalogue {
    private static final Pattern BACKEND_NAME = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern BACKEND_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private KeyCatalogue() {
    }

    /**
     * The settings of each back-end, by back-end name then setting; every key that is neither one of the
     * directory's nor a well-formed back-end key a problem.
     */
    static Map<String, Map<String, String>> byBackend(Map<String, String> values, List<Problem> problems) {
        Map<String, Map<String, String>> backendValues = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(BackendSettings.PREFIX)) {
                String malformed = malformedBackendKey(key);
                if (malformed != null) {
                    problems.add(new Problem(key, malformed));
                    continue;
                }
                String rest = key.substring(BackendSettings.PREFIX.length());
                int dot = rest.indexOf('.');
                backendValues.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
                        .put(rest.substring(dot + 1), e.getValue());
            } else if (!ClienteleConfig.KEYS.contains(key)) {
                problems.add(new Problem(key, "is not a Clientele setting" + Values.didYouMean(key,
                        ClienteleConfig.KEYS)));
            }
        }
        return backendValues;
    }

    /** The back-ends whose type is set, by name; each without one a problem. */
    static Map<String, BackendSettings> backends(Map<String, Map<String, String>> backendValues,
            @Nullable Path folder, List<Problem> problems) {
        Map<String, BackendSettings> backends = new LinkedHashMap<>();
        backendValues.forEach((name, settings) -> {
            String type = settings.get("type");
            if (type == null || type.isBlank()) {
                problems.add(new Problem(BackendSettings.key(name, "type"), "is required (memory, jdbc, ldap, ...)"));
            } else {
                backends.put(name, new BackendSettings(name, type.strip(), settings, folder));
            }
        });
        return backends;
    }

    /** A problem if the role {@code key} names a back-end that is not configured. */
    static void checkBackendName(String key, String name, Map<String, Map<String, String>> backends,
            List<Problem> problems) {
        if (!backends.containsKey(name)) {
            problems.add(new Problem(key, "names back-end '" + name + "', which is not configured"
                    + (backends.isEmpty() ? " (no clientele.backend.NAME.type is set)"
                    : " (configured: " + String.join(", ", backends.keySet()) + ")")));
        }
    }

    /**
     * Whether a key is recognised: one of {@link ClienteleConfig#KEYS}, or a well-formed back-end key (whose
     * back-end checks it). A key that is not may be a misspelt secret key.
     */
    static boolean recognised(String key) {
        return key.startsWith(BackendSettings.PREFIX) ? malformedBackendKey(key) == null
                : ClienteleConfig.KEYS.contains(key);
    }

    /** What is wrong with a key under {@link BackendSettings#PREFIX}; {@code null} for {@code NAME.SETTING}. */
    private static @Nullable String malformedBackendKey(String key) {
        String rest = key.substring(BackendSettings.PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            return "back-end keys look like clientele.backend.NAME.SETTING";
        }
        if (!BACKEND_NAME.matcher(rest.substring(0, dot)).matches()) {
            return "a back-end name is lower-case letters and digits, starting with a letter";
        }
        if (!BACKEND_KEY.matcher(rest.substring(dot + 1)).matches()) {
            return "a back-end setting is lower-case letters, digits and '-'";
        }
        return null;
    }
}
