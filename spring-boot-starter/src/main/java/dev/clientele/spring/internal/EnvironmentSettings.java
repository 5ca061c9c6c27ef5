package dev.clientele.spring.internal;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.config.ClienteleConfig;
import dev.clientele.config.ConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code clientele.*} settings of a Spring environment, handed to core's own reader ({@link ClienteleConfig})
 * so that every rule of the properties file applies unchanged. Nothing is parsed here: this class only finds the
 * keys in Spring's property sources (with relaxed names: {@code groupSupport}, {@code group_support} and
 * {@code group-support} are one key; YAML lists are joined with commas) and, when core reports problems, names each
 * by the property as the application wrote it and where ({@code class path resource [application.properties] -
 * 3:28}).
 *
 * <p>{@code CLIENTELE_*} environment variables are read by core, the Clientele way
 * ({@code CLIENTELE_POLICY_GROUP_SUPPORT}, {@code CLIENTELE_BACKEND_CORP_BIND_PASSWORD}), and override the other
 * sources, as they override a properties file.
 */
public final class EnvironmentSettings {
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("clientele");
    private static final String ENV_PREFIX = "CLIENTELE_";

    /** Where a key was set: the name as written and its origin, for messages. */
    private record Written(String name, @Nullable Origin origin) {
        String describe() {
            return origin == null ? name : name + " (" + origin + ")";
        }
    }

    private final Map<String, String> properties = new TreeMap<>();
    private final Map<String, String> environment = new TreeMap<>();
    private final Map<String, Written> written = new LinkedHashMap<>();

    private EnvironmentSettings() {
    }

    /** The {@code clientele.*} settings of this environment. */
    public static EnvironmentSettings of(ConfigurableEnvironment env) {
        EnvironmentSettings s = new EnvironmentSettings();
        for (PropertySource<?> ps : env.getPropertySources()) {
            if (ps instanceof SystemEnvironmentPropertySource sys) {
                for (String var : sys.getPropertyNames()) {
                    if (var.toUpperCase(Locale.ROOT).startsWith(ENV_PREFIX)) {
                        Object v = sys.getProperty(var);
                        s.environment.putIfAbsent(var.toUpperCase(Locale.ROOT), v == null ? "" : String.valueOf(v));
                    }
                }
            }
        }
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
                    || !(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            Map<ConfigurationPropertyName, String> raw = rawNames(source.getUnderlyingSource());
            Map<String, List<String>> lists = new LinkedHashMap<>();
            Map<String, Written> listNames = new LinkedHashMap<>();
            iterable.filter(ROOT::isAncestorOf).stream().forEach(name -> {
                ConfigurationProperty p = source.getConfigurationProperty(name);
                if (p == null || p.getValue() == null) {
                    return;
                }
                String value = env.resolvePlaceholders(String.valueOf(p.getValue()));
                String written = raw.getOrDefault(name, name.toString());
                if (name.isLastElementIndexed()) {
                    ConfigurationPropertyName list = name.getParent();
                    String listWritten = written.substring(0, written.lastIndexOf('['));
                    String key = coreKey(list, listWritten);
                    lists.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                    listNames.putIfAbsent(key, new Written(listWritten, p.getOrigin()));
                } else {
                    s.put(coreKey(name, written), value, new Written(written, p.getOrigin()));
                }
            });
            lists.forEach((key, values) -> s.put(key, String.join(", ", values), listNames.get(key)));
        }
        return s;
    }

    /** Sets a key unless a source of higher precedence (seen earlier) did. */
    private void put(String key, String value, Written where) {
        if (!properties.containsKey(key)) {
            properties.put(key, value);
            written.put(key, where);
        }
    }

    /** The names of a source as written ({@code clientele.policy.groupSupport}), by their Spring name. */
    private static Map<ConfigurationPropertyName, String> rawNames(Object underlying) {
        Map<ConfigurationPropertyName, String> raw = new LinkedHashMap<>();
        if (underlying instanceof EnumerablePropertySource<?> eps) {
            for (String n : eps.getPropertyNames()) {
                if (n.regionMatches(true, 0, "clientele", 0, "clientele".length())) {
                    ConfigurationPropertyName name = ConfigurationPropertyName.adapt(n, '.');
                    if (!name.isEmpty()) {
                        raw.putIfAbsent(name, n);
                    }
                }
            }
        }
        return raw;
    }

    /**
     * The core key of a Spring name: a key of {@link ConfigKey} it equals under relaxed binding, else the name as
     * written, camel case turned into dashes ({@code backend.corp.bindPassword} → {@code backend.corp.bind-password}).
     */
    static String coreKey(ConfigurationPropertyName name, String written) {
        for (ConfigKey<?> k : ConfigKey.all()) {
            if (ConfigurationPropertyName.of(k.key()).equals(name)) {
                return k.key();
            }
        }
        StringBuilder b = new StringBuilder();
        for (String element : written.split("\\.", -1)) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(dashed(element));
        }
        return b.toString();
    }

    private static String dashed(String element) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && element.charAt(i - 1) != '-') {
                b.append('-');
            }
            b.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** True if the environment sets any {@code clientele.*} key (or {@code CLIENTELE_*} variable). */
    public boolean isEmpty() {
        return properties.isEmpty() && environment.isEmpty();
    }

    /** The settings as core keys and values (secret values included: never log this map). */
    public Map<String, String> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    /**
     * Core's configuration of these settings.
     *
     * @throws ConfigurationException every problem at once, each named as the application wrote it
     */
    public ClienteleConfig config() {
        try {
            return ClienteleConfig.from(properties, environment);
        } catch (ConfigurationException e) {
            throw rename(e);
        }
    }

    /** The same problems, each key replaced by the property as written and where, if the application set it. */
    public ConfigurationException rename(ConfigurationException e) {
        List<Problem> renamed = new ArrayList<>();
        for (Problem p : e.problems()) {
            Written w = written.get(p.key());
            renamed.add(w == null ? p : new Problem(w.describe(), p.message()));
        }
        return new ConfigurationException(renamed);
    }

}
