package dev.clientele.ldap.internal;

import dev.clientele.CustomerField;
import dev.clientele.spi.BackendSettings;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which attribute holds what: {@code preset}, then {@code login-attribute}, {@code map.FIELD} (or {@code none}),
 * {@code map.additional-customer-ids}, {@code attribute.NAME}, {@code customer-id} (a fixed value) or
 * {@code customer-id-attribute}, and {@code validity-attribute} override the preset.
 *
 * @param fieldAttributes the attribute of each mapped customer field other than the login
 * @param extraAttributes extra customer attribute name to LDAP attribute
 * @param attributeOrigins every mapped LDAP attribute, with the setting it comes from (for messages)
 */
public record MappingSettings(Preset preset, String loginAttribute, Map<CustomerField, String> fieldAttributes,
        Optional<String> fixedCustomerId, Optional<String> additionalIdsAttribute, Map<String, String> extraAttributes,
        Optional<String> validityAttribute, Map<String, String> attributeOrigins) {

    public MappingSettings {
        fieldAttributes = Collections.unmodifiableMap(new EnumMap<>(fieldAttributes));
        extraAttributes = Collections.unmodifiableMap(new TreeMap<>(extraAttributes));
        attributeOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(attributeOrigins));
    }

    /** Reads the section from {@code source}, recording its problems in {@code r}. */
    static MappingSettings read(BackendSettings source, BackendSettings.Reader r) {
        String presetText = r.string("preset", Preset.INETORGPERSON.key());
        Preset preset = Preset.parse(presetText);
        if (preset == null) {
            r.problem("preset", "must be inetorgperson or active-directory, was '" + presetText + "'");
            preset = Preset.INETORGPERSON;
        }
        return new Reading(source, r, preset).read();
    }

    /** The state of one reading: the preset's mapping, overridden setting by setting. */
    private static final class Reading {
        private final BackendSettings source;
        private final BackendSettings.Reader r;
        private final Preset preset;
        private final Map<CustomerField, String> fields = new EnumMap<>(CustomerField.class);
        private final Map<String, String> extra = new TreeMap<>();
        private final Map<String, String> origins = new LinkedHashMap<>();
        private String login;
        private String fixedCustomerId;
        private String additionalIds;

        Reading(BackendSettings source, BackendSettings.Reader r, Preset preset) {
            this.source = source;
            this.r = r;
            this.preset = preset;
        }

        MappingSettings read() {
            fields.putAll(preset.fields());
            preset.fields().forEach((f, a) -> origins.put(a, "map." + f.key() + " (preset " + preset.key() + ")"));
            login = preset.loginAttribute();
            origins.put(login, "login-attribute (preset " + preset.key() + ")");
            r.optional("login-attribute").ifPresent(v -> {
                String a = SettingValues.attribute(r, "login-attribute", v);
                if (a != null) {
                    origins.values().removeIf(o -> o.startsWith("login-attribute"));
                    login = a;
                    origins.put(a, "login-attribute");
                }
            });
            for (String key : source.keys()) {
                if (key.startsWith("map.")) {
                    readField(key);
                }
            }
            for (String key : source.keys()) {
                if (key.startsWith("attribute.")) {
                    readExtra(key);
                }
            }
            readCustomerId();
            Optional<String> validity = r.optional("validity-attribute")
                    .map(v -> SettingValues.attribute(r, "validity-attribute", v));
            validity.ifPresent(a -> origins.put(a, "validity-attribute"));
            return new MappingSettings(preset, login, fields, Optional.ofNullable(fixedCustomerId),
                    Optional.ofNullable(additionalIds), extra, validity, origins);
        }

        private void readField(String key) {
            String name = key.substring(4);
            String value = r.optional(key).orElse("none");
            boolean none = value.equalsIgnoreCase("none");
            String normalized = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            if (normalized.equals("additionalcustomerids")) {
                additionalIds = none ? null : SettingValues.attribute(r, key, value);
                if (additionalIds != null) {
                    origins.put(additionalIds, key);
                }
                return;
            }
            CustomerField field;
            try {
                field = CustomerField.parse(name);
            } catch (dev.clientele.ValidationException e) {
                r.problem(key, "names no customer field (" + Arrays.stream(CustomerField.values())
                        .map(CustomerField::key).reduce((x, y) -> x + ", " + y).orElse("")
                        + ", additional-customer-ids); use attribute." + name + " for an extra attribute");
                return;
            }
            if (field == CustomerField.LOGIN) {
                r.problem(key, "use login-attribute to choose the login's attribute");
                return;
            }
            String old = fields.remove(field);
            if (old != null) {
                origins.remove(old);
            }
            if (!none) {
                String a = SettingValues.attribute(r, key, value);
                if (a != null) {
                    fields.put(field, a);
                    origins.put(a, key);
                }
            }
        }

        private void readExtra(String key) {
            String name = key.substring("attribute.".length());
            String v = r.required(key);
            String a = v == null ? null : SettingValues.attribute(r, key, v);
            if (name.isBlank()) {
                r.problem(key, "names no customer attribute");
            } else if (a != null) {
                extra.put(name, a);
                origins.put(a, key);
            }
        }

        private void readCustomerId() {
            Optional<String> fixed = r.optional("customer-id");
            Optional<String> idAttribute = r.optional("customer-id-attribute");
            if (fixed.isPresent() && idAttribute.isPresent()) {
                r.problem("customer-id", "cannot be used with customer-id-attribute: choose a fixed value or an "
                        + "attribute");
            } else if (fixed.isPresent()) {
                if (source.keys().stream().anyMatch(k -> k.startsWith("map.") && CustomerField.CUSTOMER_ID
                        .key().equalsIgnoreCase(k.substring(4).replace("-", "").replace("_", "")))) {
                    r.problem("customer-id", "cannot be used with map.customer-id");
                }
                String old = fields.remove(CustomerField.CUSTOMER_ID);
                if (old != null) {
                    origins.remove(old);
                }
                fixedCustomerId = fixed.get();
            } else if (idAttribute.isPresent()) {
                String a = SettingValues.attribute(r, "customer-id-attribute", idAttribute.get());
                if (a != null) {
                    String old = fields.put(CustomerField.CUSTOMER_ID, a);
                    if (old != null) {
                        origins.remove(old);
                    }
                    origins.put(a, "customer-id-attribute");
                }
            }
        }
    }
}
