package dev.clientele;

import dev.clientele.spi.Keys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What one customer may do, computed by the {@link CustomerGroupPolicy}: a permission per group (RW implies RO),
 * and the customer IDs whose tickets the customer may see. Immutable.
 *
 * <p>Group names compare as everywhere in Clientele, through {@link Keys#of(String)}: {@code has("Support", RO)}
 * and {@code has("support", RO)} give the same answer. {@link #groups()} keeps each group's name as stored, for
 * display; if two names given have the same key, the first spelling is kept with the strongest permission.
 */
public final class EffectivePermissions {
    private final String login;
    private final Map<String, Permission> groups;
    /** By {@link Keys#of(String)} of the group name. */
    private final Map<String, Permission> byKey;
    private final Set<String> customerIds;

    public EffectivePermissions(String login, Map<String, Permission> groups, Set<String> customerIds) {
        this.login = login;
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Permission> keyed = new LinkedHashMap<>();
        groups.forEach((name, permission) -> {
            String key = Keys.of(name);
            names.putIfAbsent(key, name);
            keyed.merge(key, permission, Permission::strongest);
        });
        Map<String, Permission> shown = new TreeMap<>();
        keyed.forEach((key, permission) -> shown.put(names.get(key), permission));
        this.groups = Collections.unmodifiableMap(shown);
        this.byKey = Collections.unmodifiableMap(keyed);
        this.customerIds = Collections.unmodifiableSet(new TreeSet<>(customerIds));
    }

    public String login() {
        return login;
    }

    /** Group name to the strongest permission held, sorted by group name. */
    public Map<String, Permission> groups() {
        return groups;
    }

    /**
     * True if the customer holds {@code required} (or a permission implying it) on the group, named in any case.
     */
    public boolean has(String group, Permission required) {
        Permission p = byKey.get(Keys.of(group));
        return p != null && p.implies(required);
    }

    /** The strongest permission held on the group, named in any case; empty if none. */
    public Optional<Permission> permission(String group) {
        return Optional.ofNullable(byKey.get(Keys.of(group)));
    }

    /** The groups on which the customer holds at least {@code required}. */
    public Set<String> groupsWith(Permission required) {
        Set<String> out = new TreeSet<>();
        groups.forEach((g, p) -> {
            if (p.implies(required)) {
                out.add(g);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /**
     * The customer IDs (companies) whose tickets this customer may see: its own, its additional ones, and those
     * reached through groups granted in the {@link PermissionContext#OTHER_CUSTOMER_IDS} context.
     */
    public Set<String> customerIds() {
        return customerIds;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof EffectivePermissions && ((EffectivePermissions) o).login.equals(login)
                && ((EffectivePermissions) o).groups.equals(groups)
                && ((EffectivePermissions) o).customerIds.equals(customerIds);
    }

    @Override
    public int hashCode() {
        return groups.hashCode() * 31 + customerIds.hashCode();
    }

    @Override
    public String toString() {
        return "EffectivePermissions[login=" + login + ", groups=" + groups + ", customerIds=" + customerIds + "]";
    }
}
