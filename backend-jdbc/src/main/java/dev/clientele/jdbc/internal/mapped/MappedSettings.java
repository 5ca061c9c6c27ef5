package dev.clientele.jdbc.internal.mapped;

import dev.clientele.CustomerField;
import dev.clientele.ValidationException;
import dev.clientele.jdbc.internal.Mapping;
import dev.clientele.spi.BackendSettings;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the mapped mode's settings: {@code preset} ({@code znuny7}, {@code znuny6}, {@code otrs6}) and the
 * {@code mapping.*} overrides, and {@code login-case-sensitive}. Either of {@code preset} or a {@code mapping.*} key
 * turns the mapped mode on (without a preset, the {@code znuny7} layout is the starting point). Every problem is
 * recorded in the reader, naming its key:
 * <ul>
 *   <li>{@code mapping.customer-table}, {@code mapping.company-table}, {@code mapping.group-table},
 *       {@code mapping.customer-group-table}, {@code mapping.company-group-table},
 *       {@code mapping.customer-ids-table}, {@code mapping.preferences-table} — table names;</li>
 *   <li>{@code mapping.column.FIELD} — the column of a customer field, or {@code none} (not the login's);</li>
 *   <li>{@code mapping.flags.FIELD} — {@code required, searchable, read-only, listed} (or {@code none}), replacing
 *       the preset's flags of that field;</li>
 *   <li>{@code mapping.password-column} — the column of the hash, or {@code none} (no passwords here);</li>
 *   <li>{@code mapping.attribute.NAME} — a column holding an extra customer attribute;</li>
 *   <li>{@code mapping.user-id} — the user id written into {@code create_by}/{@code change_by} (default 1).</li>
 * </ul>
 */
public final class MappedSettings {
    /** Setting: the table layout to start from. */
    public static final String PRESET = "preset";
    /** Prefix of the overrides. */
    public static final String MAPPING = "mapping.";
    /** Setting: logins compare exactly as stored. */
    public static final String LOGIN_CASE_SENSITIVE = "login-case-sensitive";

    private MappedSettings() {
    }

    /** True if these settings ask for the mapped mode. */
    public static boolean wanted(BackendSettings settings) {
        return settings.get(PRESET).isPresent() || settings.get(LOGIN_CASE_SENSITIVE).isPresent()
                || settings.keys().stream().anyMatch(k -> k.startsWith(MAPPING));
    }

    /** The field map the settings describe, or empty for the own schema; problems go to {@code r}. */
    public static Optional<FieldMap> read(BackendSettings settings, BackendSettings.Reader r, @Nullable String schema) {
        if (!wanted(settings)) {
            return Optional.empty();
        }
        String presetText = r.string(PRESET, Preset.ZNUNY7.key());
        Preset preset = Preset.parse(presetText).orElse(null);
        if (preset == null) {
            r.problem(PRESET, "must be one of " + Preset.names() + ", was '" + presetText + "'");
            preset = Preset.ZNUNY7;
        }
        FieldMap base = FieldMap.of(preset, schema);
        Map<FieldMap.Table, String> tables = new EnumMap<>(FieldMap.Table.class);
        for (FieldMap.Table t : FieldMap.Table.values()) {
            String name = r.optional(t.setting()).orElse(base.tableName(t));
            tables.put(t, identifier(r, t.setting(), name, base.tableName(t)));
        }
        Map<CustomerField, FieldMap.Column> columns = new EnumMap<>(base.columns());
        Map<String, String> attributes = new TreeMap<>();
        for (String key : settings.keys()) {
            if (key.startsWith(MAPPING + "column.")) {
                readColumn(r, key, columns);
            }
        }
        for (String key : settings.keys()) {
            if (key.startsWith(MAPPING + "flags.")) {
                readFlags(r, key, columns);
            } else if (key.startsWith(MAPPING + "attribute.")) {
                String name = key.substring((MAPPING + "attribute.").length());
                String column = r.required(key);
                if (name.isBlank()) {
                    r.problem(key, "names no attribute");
                } else if (column != null) {
                    attributes.put(name, identifier(r, key, column, null));
                }
            }
        }
        String password = r.string(MAPPING + "password-column", base.passwordColumn());
        password = password.equalsIgnoreCase("none") ? null
                : identifier(r, MAPPING + "password-column", password, base.passwordColumn());
        int userId = r.integer(MAPPING + "user-id", 1, 1, Integer.MAX_VALUE);
        boolean caseSensitive = r.bool(LOGIN_CASE_SENSITIVE, false);
        Set<CustomerField> explicit = EnumSet.noneOf(CustomerField.class);
        for (String key : settings.keys()) {
            if (key.startsWith(MAPPING + "column.")) {
                try {
                    explicit.add(CustomerField.parse(key.substring((MAPPING + "column.").length())));
                } catch (ValidationException e) {
                    // reported above
                }
            }
        }
        checkTwice(r, columns, explicit, attributes, password);
        return Optional.of(new FieldMap(preset, schema, tables, columns, password, attributes, userId, caseSensitive));
    }

    private static void readColumn(BackendSettings.Reader r, String key, Map<CustomerField, FieldMap.Column> columns) {
        Optional<CustomerField> field = field(r, key, key.substring((MAPPING + "column.").length()));
        String value = r.optional(key).orElse("none");
        if (field.isEmpty()) {
            return;
        }
        FieldMap.Column old = columns.get(field.get());
        if (value.equalsIgnoreCase("none")) {
            if (field.get() == CustomerField.LOGIN) {
                r.problem(key, "the login must have a column");
            } else {
                columns.remove(field.get());
            }
            return;
        }
        String column = identifier(r, key, value, null);
        if (column != null) {
            columns.put(field.get(), new FieldMap.Column(column, old == null
                    ? EnumSet.of(FieldMap.Flag.SEARCHABLE) : old.flags()));
        }
    }

    private static void readFlags(BackendSettings.Reader r, String key, Map<CustomerField, FieldMap.Column> columns) {
        Optional<CustomerField> field = field(r, key, key.substring((MAPPING + "flags.").length()));
        String value = r.optional(key).orElse("none");
        Set<FieldMap.Flag> flags = EnumSet.noneOf(FieldMap.Flag.class);
        if (!value.equalsIgnoreCase("none")) {
            for (String part : value.split(",")) {
                Optional<FieldMap.Flag> f = FieldMap.Flag.parse(part);
                if (f.isEmpty()) {
                    r.problem(key, "must list flags of " + Arrays.stream(FieldMap.Flag.values())
                            .map(FieldMap.Flag::key).collect(Collectors.joining(", ")) + " (or none), not '"
                            + part.strip() + "'");
                } else {
                    flags.add(f.get());
                }
            }
        }
        if (field.isEmpty()) {
            return;
        }
        FieldMap.Column c = columns.get(field.get());
        if (c == null) {
            r.problem(key, "names a field that has no column (mapping.column." + field.get().key() + " = none)");
        } else {
            columns.put(field.get(), new FieldMap.Column(c.name(), flags));
        }
    }

    private static Optional<CustomerField> field(BackendSettings.Reader r, String key, String name) {
        try {
            return Optional.of(CustomerField.parse(name));
        } catch (ValidationException e) {
            r.problem(key, "names no customer field (" + Arrays.stream(CustomerField.values())
                    .map(CustomerField::key).collect(Collectors.joining(", ")) + "); use mapping.attribute." + name
                    + " for an extra attribute");
            return Optional.empty();
        }
    }

    /** A plain SQL identifier, or a problem and the fallback. */
    private static @Nullable String identifier(BackendSettings.Reader r, String key, String value,
            @Nullable String fallback) {
        if (Mapping.isIdentifier(value)) {
            return value;
        }
        r.problem(key, "must be a plain SQL identifier (letters, digits and _, not starting with a digit), was '"
                + value + "'");
        return fallback;
    }

    /** A column mapped twice is reported on the setting given last: the preset's columns first, overrides after. */
    private static void checkTwice(BackendSettings.Reader r, Map<CustomerField, FieldMap.Column> columns,
            Set<CustomerField> explicit, Map<String, String> attributes, @Nullable String password) {
        Map<String, String> seen = new HashMap<>();
        for (String fixed : new String[] {"valid_id", "create_time", "create_by", "change_time", "change_by", "id"}) {
            seen.put(fixed, "Znuny's own " + fixed + " column");
        }
        if (password != null) {
            seen.put(password.toLowerCase(java.util.Locale.ROOT), MAPPING + "password-column");
        }
        Map<CustomerField, FieldMap.Column> ordered = new java.util.LinkedHashMap<>();
        columns.forEach((f, c) -> {
            if (!explicit.contains(f)) {
                ordered.put(f, c);
            }
        });
        columns.forEach(ordered::putIfAbsent);
        ordered.forEach((f, c) -> {
            String before = seen.putIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), MAPPING + "column."
                    + f.key());
            if (before != null) {
                r.problem(MAPPING + "column." + f.key(), "maps column " + c.name() + ", which is " + before
                        + " already");
            }
        });
        attributes.forEach((a, c) -> {
            String before = seen.putIfAbsent(c.toLowerCase(java.util.Locale.ROOT), MAPPING + "attribute." + a);
            if (before != null) {
                r.problem(MAPPING + "attribute." + a, "maps column " + c + ", which is " + before + " already");
            }
        });
    }
}
