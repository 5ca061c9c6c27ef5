package dev.clientele;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The switches that decide which groups a customer may use — the OTRS/Znuny model. Immutable.
 *
 * <ul>
 *   <li>{@link #groupSupport()} (OTRS {@code CustomerGroupSupport}, default off): when off, every valid customer has
 *       RW on every valid group and stored links do not matter;</li>
 *   <li>{@link #alwaysGroups()} (OTRS {@code CustomerGroupAlwaysGroups}, default {@code users:rw}): groups every
 *       customer has. Applied at every evaluation and never stored, so a change applies to existing customers at once;</li>
 *   <li>{@link #companyAlwaysGroups()} (OTRS {@code CustomerGroupCompanyAlwaysGroups}): groups every company has, and
 *       so every customer of a valid company;</li>
 *   <li>{@link #companyInheritance()} (default on): a customer has the group permissions of its companies, through
 *       {@link Customer#customerId()} and {@link Customer#additionalCustomerIds()}.</li>
 * </ul>
 * Always: an invalid customer has no permission; an invalid or unknown group, and an invalid company, grant nothing.
 */
public final class CustomerGroupPolicy {
    private static final CustomerGroupPolicy DEFAULTS = builder().build();

    private final boolean groupSupport;
    private final Map<String, Permission> alwaysGroups;
    private final Map<String, Permission> companyAlwaysGroups;
    private final boolean companyInheritance;

    private CustomerGroupPolicy(Builder b) {
        this.groupSupport = b.groupSupport;
        this.alwaysGroups = Collections.unmodifiableMap(new LinkedHashMap<>(b.alwaysGroups));
        this.companyAlwaysGroups = Collections.unmodifiableMap(new LinkedHashMap<>(b.companyAlwaysGroups));
        this.companyInheritance = b.companyInheritance;
    }

    /** OTRS defaults: group support off, always-group {@code users} with RW, company inheritance on. */
    public static CustomerGroupPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.groupSupport = groupSupport;
        b.alwaysGroups.clear();
        b.alwaysGroups.putAll(alwaysGroups);
        b.companyAlwaysGroups.putAll(companyAlwaysGroups);
        b.companyInheritance = companyInheritance;
        return b;
    }

    public boolean groupSupport() { return groupSupport; }
    public Map<String, Permission> alwaysGroups() { return alwaysGroups; }
    public Map<String, Permission> companyAlwaysGroups() { return companyAlwaysGroups; }
    public boolean companyInheritance() { return companyInheritance; }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CustomerGroupPolicy && ((CustomerGroupPolicy) o).groupSupport == groupSupport
                && ((CustomerGroupPolicy) o).alwaysGroups.equals(alwaysGroups)
                && ((CustomerGroupPolicy) o).companyAlwaysGroups.equals(companyAlwaysGroups)
                && ((CustomerGroupPolicy) o).companyInheritance == companyInheritance;
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupSupport, alwaysGroups, companyAlwaysGroups, companyInheritance);
    }

    @Override
    public String toString() {
        return "CustomerGroupPolicy[groupSupport=" + groupSupport + ", alwaysGroups=" + alwaysGroups
                + ", companyAlwaysGroups=" + companyAlwaysGroups + ", companyInheritance=" + companyInheritance + "]";
    }

    /** Builds a {@link CustomerGroupPolicy}; starts from the defaults. */
    public static final class Builder {
        private boolean groupSupport;
        private final Map<String, Permission> alwaysGroups = new LinkedHashMap<>(Map.of("users", Permission.RW));
        private final Map<String, Permission> companyAlwaysGroups = new LinkedHashMap<>();
        private boolean companyInheritance = true;

        private Builder() {
        }

        public Builder groupSupport(boolean on) {
            this.groupSupport = on;
            return this;
        }

        /** Replaces the always-groups (group name to permission); an empty map means none. */
        public Builder alwaysGroups(Map<String, Permission> groups) {
            alwaysGroups.clear();
            alwaysGroups.putAll(checked("alwaysGroups", groups));
            return this;
        }

        /** Replaces the company always-groups. */
        public Builder companyAlwaysGroups(Map<String, Permission> groups) {
            companyAlwaysGroups.clear();
            companyAlwaysGroups.putAll(checked("companyAlwaysGroups", groups));
            return this;
        }

        public Builder companyInheritance(boolean on) {
            this.companyInheritance = on;
            return this;
        }

        public CustomerGroupPolicy build() {
            return new CustomerGroupPolicy(this);
        }

        private static Map<String, Permission> checked(String what, Map<String, Permission> groups) {
            Map<String, Permission> out = new LinkedHashMap<>();
            groups.forEach((g, p) -> {
                if (g == null || g.isBlank()) {
                    throw ValidationException.ofArgument(what, "has a blank group name");
                }
                if (p == null) {
                    throw ValidationException.ofArgument(what, "has no permission for group '" + g.strip() + "'");
                }
                out.put(g.strip(), p);
            });
            return out;
        }
    }
}
