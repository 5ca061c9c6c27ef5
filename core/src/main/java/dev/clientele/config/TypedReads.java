package dev.clientele.config;

import dev.clientele.ConfigurationException.Problem;
import dev.clientele.GroupGrants;
import dev.clientele.Permission;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of the directory's keys for {@link ClienteleConfig}, each bad value a problem (not a failure). */
final class TypedReads {
    private final Map<String, String> values;
    private final List<Problem> problems;

    TypedReads(Map<String, String> values, List<Problem> problems) {
        this.values = values;
        this.problems = problems;
    }

    /** The value if set and good; a problem (and empty) if set and bad. */
    <T> Optional<T> opt(ConfigKey<T> key) {
        String v = values.get(key.key());
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(key.parse(v.strip()));
        } catch (IllegalArgumentException | dev.clientele.ValidationException e) {
            problems.add(new Problem(key.key(), e.getMessage()));
            return Optional.empty();
        }
    }

    /** The value, or the default when not set or bad (a bad one is a problem). */
    <T> T read(ConfigKey<T> key) {
        return opt(key).orElseGet(() -> key.defaultValue().orElseThrow());
    }

    /** Group grants, every bad entry a problem of its own. */
    Map<String, Permission> groups(ConfigKey<Map<String, Permission>> key) {
        String v = values.get(key.key());
        if (v == null || v.isBlank()) {
            return key.defaultValue().orElseThrow();
        }
        return GroupGrants.parse(v, false, bad -> problems.add(new Problem(key.key(),
                bad.getMessage() + " (write group:ro or group:rw, comma-separated)")));
    }
}
