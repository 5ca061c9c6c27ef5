package dev.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerField;
import dev.clientele.Permission;
import dev.clientele.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code META-INF/spring-configuration-metadata.json} (what IDEs complete {@code clientele.*} keys from) is generated
 * from {@link ConfigKey}, core's table of keys: names, types and defaults come from there, descriptions from
 * {@link #DESCRIPTIONS}. This test fails when the file and the table disagree; run it with
 * {@code -Dclientele.metadata.write=true} to write the file anew.
 */
@DisplayName("The configuration metadata of the clientele.* keys")
class ConfigurationMetadataTest {
    private static final Path FILE = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

    /** One sentence per key (the README's "Configuration" table says the same). */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("clientele.customers", "The ordered chain of customer sources (back-end names); the first"
                    + " that has a login owns it. Default: every back-end with customers."),
            Map.entry("clientele.customers.create-in", "The back-end new customers are created in. Default: the"
                    + " first writable source."),
            Map.entry("clientele.groups", "The back-end that holds groups. Default: the first offering them."),
            Map.entry("clientele.companies", "The back-end that holds companies. Default: the first offering them."),
            Map.entry("clientele.memberships", "The membership sources; permissions are their union, writes go to"
                    + " the first writable. Default: every back-end with memberships."),
            Map.entry("clientele.state", "The back-end of login state, reset tokens and preferences. Default: the"
                    + " first offering it."),
            Map.entry("clientele.policy.group-support", "OTRS CustomerGroupSupport: off, every valid customer has rw"
                    + " on every valid group."),
            Map.entry("clientele.policy.always-groups", "OTRS CustomerGroupAlwaysGroups: group:ro|rw, ... every"
                    + " customer has."),
            Map.entry("clientele.policy.company-always-groups", "OTRS CustomerGroupCompanyAlwaysGroups: group:ro|rw,"
                    + " ... every company has."),
            Map.entry("clientele.policy.company-inheritance", "Customers have their companies' group permissions."),
            Map.entry("clientele.customer.customer-id-from-email", "An empty customer ID becomes the email."),
            Map.entry("clientele.customer.unique-email", "Emails are unique across all customer sources."),
            Map.entry("clientele.search.fields", "The customer fields a search looks at."),
            Map.entry("clientele.search.limit", "The default search limit."),
            Map.entry("clientele.password.iterations", "PBKDF2 iterations of new password hashes."),
            Map.entry("clientele.password.min-length", "Password policy: the least length."),
            Map.entry("clientele.password.max-length", "Password policy: the greatest length."),
            Map.entry("clientele.password.mixed-case", "Password policy (OTRS): two lower- and two upper-case"
                    + " letters."),
            Map.entry("clientele.password.need-digit", "Password policy (OTRS): a digit."),
            Map.entry("clientele.password.min-two-letters", "Password policy (OTRS): two letters."),
            Map.entry("clientele.password.pattern", "Password policy: a regular expression the whole password must"
                    + " match."),
            Map.entry("clientele.login.max-failures", "Failed logins that lock an account (0: never)."),
            Map.entry("clientele.login.failure-window", "The window failed logins are counted in."),
            Map.entry("clientele.login.lockout-duration", "How long a lock lasts."),
            Map.entry("clientele.reset-token.lifetime", "How long a password reset token works."),
            Map.entry("clientele.cache.ttl", "How long customers and permissions are cached; 0s turns the cache"
                    + " off."),
            Map.entry("clientele.cache.max-size", "The most cached customers (and as many permission sets)."));

    static String generate() {
        StringBuilder b = new StringBuilder("{\n  \"groups\": [\n    {\n      \"name\": \"clientele\",\n")
                .append("      \"description\": ").append(json("Clientele: customers, companies, groups and the"
                        + " policy of the auto-configured CustomerDirectory. The keys of a Clientele properties"
                        + " file; see the README, section Configuration."))
                .append("\n    }\n  ],\n  \"properties\": [\n");
        List<String> entries = new java.util.ArrayList<>();
        for (ConfigKey<?> k : ConfigKey.all()) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("name", json(k.key()));
            e.put("type", json(javaType(k)));
            e.put("description", json(DESCRIPTIONS.get(k.key())));
            k.defaultValue().ifPresent(v -> e.put("defaultValue", defaultValue(v)));
            entries.add(object(e));
        }
        Map<String, String> backend = new LinkedHashMap<>();
        backend.put("name", json("clientele.backend"));
        backend.put("type", json("java.util.Map<java.lang.String,java.lang.String>"));
        backend.put("description", json("Back-end instances: clientele.backend.NAME.type (memory, jdbc, ldap, ...)"
                + " and NAME.SETTING, the settings of that type (see each back-end's README)."));
        entries.add(object(backend));
        return b.append(String.join(",\n", entries)).append("\n  ],\n  \"hints\": []\n}\n").toString();
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> "      \"" + f.getKey() + "\": " + f.getValue())
                .collect(Collectors.joining(",\n", "    {\n", "\n    }"));
    }

    private static String javaType(ConfigKey<?> k) {
        switch (k.type()) {
            case BACKEND_NAMES:
                return "java.util.List<java.lang.String>";
            case BOOLEAN:
                return "java.lang.Boolean";
            case INTEGER:
                return k.defaultValue().map(Object.class::cast).orElse(0) instanceof Long ? "java.lang.Long" : "java.lang.Integer";
            case DURATION:
                return "java.time.Duration";
            default:
                return "java.lang.String";
        }
    }

    private static String defaultValue(Object v) {
        if (v instanceof Boolean || v instanceof Number) {
            return v.toString();
        }
        if (v instanceof Duration d) {
            return json(duration(d));
        }
        if (v instanceof Map<?, ?> grants) {
            return json(grants.entrySet().stream().map(g -> g.getKey() + ":" + ((Permission) g.getValue()).key())
                    .collect(Collectors.joining(", ")));
        }
        if (v instanceof Collection<?> fields) {
            return json(fields.stream().map(f -> ((CustomerField) f).key()).collect(Collectors.joining(", ")));
        }
        return json(v.toString());
    }

    private static String duration(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0 || s == 0) {
            return d.toMillis() + "ms";
        }
        return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3_600 == 0 ? s / 3_600 + "h" : s % 60 == 0 ? s / 60 + "m"
                : s + "s";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    @DisplayName("describes every key of ConfigKey with its type and default, and the back-end keys")
    void matchesConfigKey() throws IOException {
        assertThat(DESCRIPTIONS.keySet()).containsExactlyInAnyOrderElementsOf(
                ConfigKey.all().stream().map(ConfigKey::key).toList());
        String expected = generate();
        if (Boolean.getBoolean("clientele.metadata.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("%s is out of date: run this test with -Dclientele.metadata.write=true", FILE)
                .isEqualTo(expected);
    }
}
