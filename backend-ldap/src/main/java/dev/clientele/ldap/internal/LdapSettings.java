package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.clientele.CustomerField;
import dev.clientele.Permission;
import dev.clientele.spi.BackendSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings of one LDAP back-end, read and checked at once: {@link #read(BackendSettings)} reports every problem
 * together in one {@link dev.clientele.ConfigurationException}, naming the full keys. Immutable. The two secrets
 * ({@code bind-password}, {@code trust-store-password}) are kept as char arrays and never shown.
 */
public final class LdapSettings {
    /** Attribute names: a descriptor or a numeric OID, without options. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

    /** How several server URLs are used. */
    public enum ServerSetKind {
        /** The first reachable server in the given order; the others only while it is down. */
        FAILOVER,
        /** Connections spread over the servers in turn. */
        ROUND_ROBIN
    }

    /** A Clientele group and permission that members of a directory group get. */
    public record Grant(String group, Permission permission) {
    }

    private final BackendSettings source;
    private final List<LDAPURL> urls;
    private final boolean ldaps;
    private final ServerSetKind serverSet;
    private final DN baseDn;
    private final String bindDn;
    private final char[] bindPassword;
    private final Preset preset;
    private final String loginAttribute;
    private final Map<CustomerField, String> fieldAttributes;
    private final String fixedCustomerId;
    private final String additionalIdsAttribute;
    private final Map<String, String> extraAttributes;
    private final String validityAttribute;
    /** Mapped LDAP attribute name to the setting it comes from (for messages). */
    private final Map<String, String> attributeOrigins;
    private final Filter alwaysFilter;
    private final Filter validFilter;
    private final int sizeLimit;
    private final Duration timeLimit;
    private final int pageSize;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration maxConnectionAge;
    private final Duration failoverConnectionAge;
    private final Duration healthCheckInterval;
    private final boolean startTls;
    private final String trustStore;
    private final char[] trustStorePassword;
    private final String trustStoreType;
    private final boolean trustAll;
    private final boolean writable;
    private final DN requiredGroupDn;
    private final DN groupBaseDn;
    private final GroupType groupType;
    private final Map<DN, List<Grant>> groupMap;
    private final boolean nestedGroups;

    private LdapSettings(Builder b) {
        this.source = b.source;
        this.urls = List.copyOf(b.urls);
        this.ldaps = b.ldaps;
        this.serverSet = b.serverSet;
        this.baseDn = b.baseDn;
        this.bindDn = b.bindDn;
        this.bindPassword = b.bindPassword;
        this.preset = b.preset;
        this.loginAttribute = b.loginAttribute;
        this.fieldAttributes = Collections.unmodifiableMap(new EnumMap<>(b.fieldAttributes));
        this.fixedCustomerId = b.fixedCustomerId;
        this.additionalIdsAttribute = b.additionalIdsAttribute;
        this.extraAttributes = Collections.unmodifiableMap(new TreeMap<>(b.extraAttributes));
        this.validityAttribute = b.validityAttribute;
        this.attributeOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributeOrigins));
        this.alwaysFilter = b.alwaysFilter;
        this.validFilter = b.validFilter;
        this.sizeLimit = b.sizeLimit;
        this.timeLimit = b.timeLimit;
        this.pageSize = b.pageSize;
        this.poolSize = b.poolSize;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnectionAge = b.maxConnectionAge;
        this.failoverConnectionAge = b.failoverConnectionAge;
        this.healthCheckInterval = b.healthCheckInterval;
        this.startTls = b.startTls;
        this.trustStore = b.trustStore;
        this.trustStorePassword = b.trustStorePassword;
        this.trustStoreType = b.trustStoreType;
        this.trustAll = b.trustAll;
        this.writable = b.writable;
        this.requiredGroupDn = b.requiredGroupDn;
        this.groupBaseDn = b.groupBaseDn;
        this.groupType = b.groupType;
        Map<DN, List<Grant>> gm = new LinkedHashMap<>();
        b.groupMap.forEach((k, v) -> gm.put(k, List.copyOf(v)));
        this.groupMap = Collections.unmodifiableMap(gm);
        this.nestedGroups = b.nestedGroups;
    }

    /** Reads and checks every setting; throws one ConfigurationException listing every problem. */
    public static LdapSettings read(BackendSettings settings) {
        BackendSettings.Reader r = settings.reader();
        Builder b = new Builder(settings);

        // ----- servers
        String url = r.required("url");
        if (url != null) {
            b.readUrls(r, url);
        }
        String set = r.string("server-set", "failover").toLowerCase(Locale.ROOT);
        switch (set) {
            case "failover": b.serverSet = ServerSetKind.FAILOVER; break;
            case "round-robin": b.serverSet = ServerSetKind.ROUND_ROBIN; break;
            default: r.problem("server-set", "must be failover or round-robin, was '" + set + "'");
        }
        b.baseDn = dn(r, "base-dn", r.required("base-dn"));
        b.bindDn = r.optional("bind-dn").orElse(null);
        if (b.bindDn != null) {
            dn(r, "bind-dn", b.bindDn);
        }
        b.bindPassword = r.secret("bind-password").orElse(null);
        if (b.bindDn != null && b.bindPassword == null) {
            r.problem("bind-password", "is required with bind-dn (an empty password would be an anonymous bind)");
        }
        if (b.bindDn == null && b.bindPassword != null) {
            r.problem("bind-dn", "is required with bind-password");
        }

        // ----- mapping
        String presetText = r.string("preset", Preset.INETORGPERSON.key());
        b.preset = Preset.parse(presetText);
        if (b.preset == null) {
            r.problem("preset", "must be inetorgperson or active-directory, was '" + presetText + "'");
            b.preset = Preset.INETORGPERSON;
        }
        b.readMapping(r);

        // ----- filters and limits
        b.alwaysFilter = r.optional("always-filter").map(f -> filter(r, "always-filter", f)).orElse(null);
        b.validFilter = r.optional("valid-filter").map(f -> filter(r, "valid-filter", f)).orElse(null);
        if (b.validFilter != null) {
            try {
                b.validFilter.matchesEntry(new Entry("cn=probe"));
            } catch (LDAPException e) {
                r.problem("valid-filter", "cannot be evaluated on entries by Clientele (use equality, substring, "
                        + "presence, ordering, and, or, not; no extensible or approximate match): " + e.getMessage());
            }
        }
        b.sizeLimit = r.integer("size-limit", 0, 0, Integer.MAX_VALUE);
        b.timeLimit = r.duration("time-limit", Duration.ZERO);
        b.pageSize = r.integer("page-size", 500, 1, 100_000);

        // ----- connections
        b.poolSize = r.integer("pool-size", 10, 1, 1_000);
        b.connectTimeout = positive(r, "connect-timeout", r.duration("connect-timeout", Duration.ofSeconds(5)));
        b.responseTimeout = positive(r, "response-timeout", r.duration("response-timeout", Duration.ofSeconds(10)));
        b.maxConnectionAge = r.duration("max-connection-age", Duration.ofMinutes(30));
        Duration failoverDefault = min(Duration.ofMinutes(5), b.maxConnectionAge);
        b.failoverConnectionAge = r.duration("failover-connection-age", failoverDefault);
        b.healthCheckInterval = positive(r, "health-check-interval",
                r.duration("health-check-interval", Duration.ofSeconds(60)));
        b.startTls = r.bool("start-tls", false);
        if (b.startTls && b.ldaps) {
            r.problem("start-tls", "cannot be used with ldaps:// URLs (they are TLS from the start)");
        }
        b.trustStore = r.optional("trust-store").orElse(null);
        b.trustStorePassword = r.secret("trust-store-password").orElse(null);
        b.trustStoreType = r.optional("trust-store-type").orElse(null);
        if (b.trustStore != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(b.trustStore))) {
            r.problem("trust-store", "no readable file '" + b.trustStore + "'");
        }
        b.trustAll = r.bool("trust-all", false);
        if (b.trustAll && b.trustStore != null) {
            r.problem("trust-all", "cannot be used with trust-store");
        }

        // ----- writes, login, groups
        b.writable = r.bool("writable", false);
        b.requiredGroupDn = r.optional("required-group-dn").map(v -> dn(r, "required-group-dn", v)).orElse(null);
        b.groupBaseDn = r.optional("group-base-dn").map(v -> dn(r, "group-base-dn", v)).orElse(b.baseDn);
        String gt = r.optional("group-type").orElse(null);
        b.groupType = b.preset.groupType();
        if (gt != null) {
            GroupType parsed = GroupType.parse(gt);
            if (parsed == null) {
                r.problem("group-type", "must be groupOfNames, groupOfUniqueNames, posixGroup or memberOf, was '"
                        + gt + "'");
            } else {
                b.groupType = parsed;
            }
        }
        r.optional("group-map").ifPresent(v -> b.readGroupMap(r, v));
        b.nestedGroups = r.bool("nested-groups", false);
        if (b.nestedGroups && b.groupType != GroupType.MEMBER_OF) {
            r.problem("nested-groups", "needs group-type memberOf (Active Directory's in-chain matching rule)");
        }
        r.rejectUnknownKeys().done();
        return new LdapSettings(b);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration positive(BackendSettings.Reader r, String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            r.problem(key, "must be more than zero");
        }
        return d;
    }

    private static DN dn(BackendSettings.Reader r, String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new DN(value);
        } catch (LDAPException e) {
            r.problem(key, "is not a valid DN ('" + value + "'): " + e.getMessage());
            return null;
        }
    }

    private static Filter filter(BackendSettings.Reader r, String key, String value) {
        try {
            return Filter.create(value);
        } catch (LDAPException e) {
            r.problem(key, "is not a valid LDAP filter ('" + value + "'): " + e.getMessage());
            return null;
        }
    }

    /** Collects the settings while they are read. */
    private static final class Builder {
        private final BackendSettings source;
        private final List<LDAPURL> urls = new ArrayList<>();
        private boolean ldaps;
        private ServerSetKind serverSet = ServerSetKind.FAILOVER;
        private DN baseDn;
        private String bindDn;
        private char[] bindPassword;
        private Preset preset;
        private String loginAttribute;
        private final Map<CustomerField, String> fieldAttributes = new EnumMap<>(CustomerField.class);
        private String fixedCustomerId;
        private String additionalIdsAttribute;
        private final Map<String, String> extraAttributes = new TreeMap<>();
        private String validityAttribute;
        private final Map<String, String> attributeOrigins = new LinkedHashMap<>();
        private Filter alwaysFilter;
        private Filter validFilter;
        private int sizeLimit;
        private Duration timeLimit;
        private int pageSize;
        private int poolSize;
        private Duration connectTimeout;
        private Duration responseTimeout;
        private Duration maxConnectionAge;
        private Duration failoverConnectionAge;
        private Duration healthCheckInterval;
        private boolean startTls;
        private String trustStore;
        private char[] trustStorePassword;
        private String trustStoreType;
        private boolean trustAll;
        private boolean writable;
        private DN requiredGroupDn;
        private DN groupBaseDn;
        private GroupType groupType;
        private final Map<DN, List<Grant>> groupMap = new LinkedHashMap<>();
        private boolean nestedGroups;

        Builder(BackendSettings source) {
            this.source = source;
        }

        void readUrls(BackendSettings.Reader r, String value) {
            String scheme = null;
            for (String u : value.trim().split("[\\s,]+")) {
                try {
                    LDAPURL parsed = new LDAPURL(u);
                    if (!parsed.hostProvided()) {
                        r.problem("url", "'" + u + "' names no host");
                        continue;
                    }
                    if (parsed.baseDNProvided() || parsed.attributesProvided() || parsed.filterProvided()
                            || parsed.scopeProvided()) {
                        r.problem("url", "'" + u + "' must name only a server (give the base DN in base-dn)");
                        continue;
                    }
                    if (scheme != null && !scheme.equals(parsed.getScheme())) {
                        r.problem("url", "mixes ldap:// and ldaps:// URLs; use one scheme for every server");
                        return;
                    }
                    scheme = parsed.getScheme();
                    urls.add(parsed);
                } catch (LDAPException e) {
                    r.problem("url", "'" + u + "' is not an ldap:// or ldaps:// URL: " + e.getMessage());
                }
            }
            ldaps = "ldaps".equals(scheme);
        }

        private String attribute(BackendSettings.Reader r, String key, String value) {
            if (!ATTRIBUTE.matcher(value).matches()) {
                r.problem(key, "is not an LDAP attribute name: '" + value + "'");
                return null;
            }
            return value;
        }

        void readMapping(BackendSettings.Reader r) {
            fieldAttributes.putAll(preset.fields());
            preset.fields().forEach((f, a) -> attributeOrigins.put(a, "map." + f.key() + " (preset " + preset.key()
                    + ")"));
            loginAttribute = preset.loginAttribute();
            attributeOrigins.put(loginAttribute, "login-attribute (preset " + preset.key() + ")");
            Optional<String> login = r.optional("login-attribute");
            if (login.isPresent()) {
                String a = attribute(r, "login-attribute", login.get());
                if (a != null) {
                    attributeOrigins.values().removeIf(v -> v.startsWith("login-attribute"));
                    loginAttribute = a;
                    attributeOrigins.put(a, "login-attribute");
                }
            }
            for (String key : source.keys()) {
                if (!key.startsWith("map.")) {
                    continue;
                }
                String name = key.substring(4);
                String value = r.optional(key).orElse("none");
                boolean none = value.equalsIgnoreCase("none");
                String normalized = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
                if (normalized.equals("additionalcustomerids")) {
                    additionalIdsAttribute = none ? null : attribute(r, key, value);
                    if (additionalIdsAttribute != null) {
                        attributeOrigins.put(additionalIdsAttribute, key);
                    }
                    continue;
                }
                CustomerField field;
                try {
                    field = CustomerField.parse(name);
                } catch (dev.clientele.ValidationException e) {
                    r.problem(key, "names no customer field (" + Arrays.stream(CustomerField.values())
                            .map(CustomerField::key).reduce((x, y) -> x + ", " + y).orElse("")
                            + ", additional-customer-ids); use attribute." + name + " for an extra attribute");
                    continue;
                }
                if (field == CustomerField.LOGIN) {
                    r.problem(key, "use login-attribute to choose the login's attribute");
                    continue;
                }
                String old = fieldAttributes.remove(field);
                if (old != null) {
                    attributeOrigins.remove(old);
                }
                if (!none) {
                    String a = attribute(r, key, value);
                    if (a != null) {
                        fieldAttributes.put(field, a);
                        attributeOrigins.put(a, key);
                    }
                }
            }
            for (String key : source.keys()) {
                if (key.startsWith("attribute.")) {
                    String name = key.substring("attribute.".length());
                    String v = r.required(key);
                    String a = v == null ? null : attribute(r, key, v);
                    if (name.isBlank()) {
                        r.problem(key, "names no customer attribute");
                    } else if (a != null) {
                        extraAttributes.put(name, a);
                        attributeOrigins.put(a, key);
                    }
                }
            }
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
                String old = fieldAttributes.remove(CustomerField.CUSTOMER_ID);
                if (old != null) {
                    attributeOrigins.remove(old);
                }
                fixedCustomerId = fixed.get();
            } else if (idAttribute.isPresent()) {
                String a = attribute(r, "customer-id-attribute", idAttribute.get());
                if (a != null) {
                    String old = fieldAttributes.put(CustomerField.CUSTOMER_ID, a);
                    if (old != null) {
                        attributeOrigins.remove(old);
                    }
                    attributeOrigins.put(a, "customer-id-attribute");
                }
            }
            validityAttribute = r.optional("validity-attribute").map(v -> attribute(r, "validity-attribute", v))
                    .orElse(null);
            if (validityAttribute != null) {
                attributeOrigins.put(validityAttribute, "validity-attribute");
            }
        }

        void readGroupMap(BackendSettings.Reader r, String value) {
            for (String item : value.split(";")) {
                if (item.isBlank()) {
                    continue;
                }
                int arrow = item.indexOf("=>");
                if (arrow < 0) {
                    r.problem("group-map", "'" + item.strip() + "' must read 'GROUP-DN => group:rw' (or :ro)");
                    continue;
                }
                DN dn = dn(r, "group-map", item.substring(0, arrow).strip());
                String target = item.substring(arrow + 2).strip();
                int colon = target.lastIndexOf(':');
                if (colon <= 0) {
                    r.problem("group-map", "'" + item.strip() + "' must give the permission: '=> " + target
                            + ":rw' or ':ro'");
                    continue;
                }
                String group = target.substring(0, colon).strip();
                Permission permission;
                try {
                    permission = Permission.parse(target.substring(colon + 1));
                } catch (dev.clientele.ValidationException e) {
                    r.problem("group-map", "'" + item.strip() + "': " + e.getMessage());
                    continue;
                }
                if (dn != null && !group.isEmpty()) {
                    groupMap.computeIfAbsent(dn, k -> new ArrayList<>()).add(new Grant(group, permission));
                }
            }
            if (groupMap.isEmpty()) {
                r.problem("group-map", "maps no directory group");
            }
        }
    }

    // ----- accessors -----------------------------------------------------------------------------------------

    /** The back-end instance name. */
    public String name() {
        return source.name();
    }

    /** The full key of a relative setting, for messages. */
    public String key(String relative) {
        return source.fullKey(relative);
    }

    public List<LDAPURL> urls() {
        return urls;
    }

    public boolean ldaps() {
        return ldaps;
    }

    public ServerSetKind serverSet() {
        return serverSet;
    }

    public DN baseDn() {
        return baseDn;
    }

    public Optional<String> bindDn() {
        return Optional.ofNullable(bindDn);
    }

    /** A copy of the bind password, if any; the caller clears it after use. */
    public Optional<char[]> bindPassword() {
        return Optional.ofNullable(bindPassword).map(char[]::clone);
    }

    public Preset preset() {
        return preset;
    }

    public String loginAttribute() {
        return loginAttribute;
    }

    /** The attribute of each mapped customer field other than the login. */
    public Map<CustomerField, String> fieldAttributes() {
        return fieldAttributes;
    }

    public Optional<String> fixedCustomerId() {
        return Optional.ofNullable(fixedCustomerId);
    }

    public Optional<String> additionalIdsAttribute() {
        return Optional.ofNullable(additionalIdsAttribute);
    }

    /** Extra customer attribute name to LDAP attribute. */
    public Map<String, String> extraAttributes() {
        return extraAttributes;
    }

    public Optional<String> validityAttribute() {
        return Optional.ofNullable(validityAttribute);
    }

    /** Every mapped LDAP attribute, with the setting it comes from. */
    public Map<String, String> attributeOrigins() {
        return attributeOrigins;
    }

    public Optional<Filter> alwaysFilter() {
        return Optional.ofNullable(alwaysFilter);
    }

    public Optional<Filter> validFilter() {
        return Optional.ofNullable(validFilter);
    }

    /** The most entries one search reads; 0 for no limit. */
    public int sizeLimit() {
        return sizeLimit;
    }

    /** The server-side time limit of a search; zero for none (the response timeout still applies). */
    public Duration timeLimit() {
        return timeLimit;
    }

    public int pageSize() {
        return pageSize;
    }

    public int poolSize() {
        return poolSize;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public Duration maxConnectionAge() {
        return maxConnectionAge;
    }

    public Duration failoverConnectionAge() {
        return failoverConnectionAge;
    }

    public Duration healthCheckInterval() {
        return healthCheckInterval;
    }

    public boolean startTls() {
        return startTls;
    }

    public Optional<String> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** A copy of the trust store password, if any. */
    public Optional<char[]> trustStorePassword() {
        return Optional.ofNullable(trustStorePassword).map(char[]::clone);
    }

    public Optional<String> trustStoreType() {
        return Optional.ofNullable(trustStoreType);
    }

    public boolean trustAll() {
        return trustAll;
    }

    public boolean writable() {
        return writable;
    }

    public Optional<DN> requiredGroupDn() {
        return Optional.ofNullable(requiredGroupDn);
    }

    public DN groupBaseDn() {
        return groupBaseDn;
    }

    public GroupType groupType() {
        return groupType;
    }

    /** Directory group DN to the Clientele groups its members get, in the order given. Empty: no membership store. */
    public Map<DN, List<Grant>> groupMap() {
        return groupMap;
    }

    public boolean nestedGroups() {
        return nestedGroups;
    }

    /** What this back-end connects to, without secrets. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (LDAPURL u : urls) {
            sb.append(sb.length() == 0 ? "" : " ").append(u);
        }
        if (urls.size() > 1) {
            sb.append(" (").append(serverSet == ServerSetKind.FAILOVER ? "failover" : "round-robin").append(')');
        }
        sb.append(startTls ? " with StartTLS" : "").append(", base ").append(baseDn)
                .append(", preset ").append(preset.key())
                .append(bindDn == null ? ", anonymous" : ", as " + bindDn)
                .append(writable ? ", writable" : ", read-only");
        return sb.toString();
    }

    @Override
    public String toString() {
        return "LdapSettings[" + name() + ": " + describe() + "]";
    }
}
