package dev.clientele.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.EffectivePermissions;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.PermissionExplanation;
import dev.clientele.PermissionExplanation.Rule;
import dev.clientele.PermissionExplanation.Step;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The group policy: the one place where effective permissions are computed. Every grant is recorded as a step, so
 * the same evaluation answers both "what may this customer do" and "why".
 */
public final class PolicyEvaluator {

    /** What the evaluation reads; the directory answers from its stores. */
    public interface Data {
        Optional<Group> group(String name);

        List<Group> allGroups();

        /**
         * The validity of the stored companies among these customer IDs, by key, in one read; {@code null} when
         * there is no company store at all.
         */
        @Nullable Map<String, Boolean> storedCompanies(Collection<String> customerIds);

        List<Membership> linksOf(String login, Collection<String> customerIds);

        /**
         * {@link #linksOf}, the stored groups the links or {@code alsoGroups} name, by key, and
         * {@link #storedCompanies} of the customer IDs, in one read where the stores can.
         */
        MembershipStore.LinksAndGroups linksAndGroupsOf(String login, Collection<String> customerIds,
                Collection<String> alsoGroups);

        List<Membership> linksTo(String group);
    }

    /** The result: permissions plus the steps that made them, by group key. */
    public static final class Evaluation {
        private final EffectivePermissions permissions;
        private final @Nullable Map<String, List<Step>> steps;
        private final List<Step> global;

        /** {@code steps} null: evaluated without an explanation. */
        Evaluation(EffectivePermissions permissions, @Nullable Map<String, List<Step>> steps, List<Step> global) {
            this.permissions = permissions;
            this.steps = steps;
            this.global = global;
        }

        public EffectivePermissions permissions() {
            return permissions;
        }

        public PermissionExplanation explain(String group) {
            if (steps == null) {
                throw new IllegalStateException("evaluated without an explanation (permissionsOf)");
            }
            List<Step> s = new ArrayList<>(global);
            s.addAll(steps.getOrDefault(Keys.of(group), List.of()));
            String name = group;
            for (String g : permissions.groups().keySet()) {
                if (Keys.same(g, group)) {
                    name = g;
                }
            }
            return new PermissionExplanation(permissions.login(), name, permissions.permission(name), s);
        }
    }

    private PolicyEvaluator() {
    }

    /** The permissions and the steps that made them: what {@link Evaluation#explain} tells. */
    public static Evaluation evaluate(CustomerGroupPolicy policy, Customer customer, Data data) {
        return evaluate(policy, customer, data, null, true);
    }

    /**
     * The permissions only, by the same rules: no step is recorded nor its text made (the hot path, whose
     * evaluations are cached and never explained); {@link Evaluation#explain} refuses such an evaluation.
     */
    public static Evaluation permissionsOf(CustomerGroupPolicy policy, Customer customer, Data data) {
        return evaluate(policy, customer, data, null, false);
    }

    /**
     * {@link #permissionsOf(CustomerGroupPolicy, Customer, Data)} with what {@link Data#linksAndGroupsOf} would
     * return already read: {@code read} holds it for the customer's login and every one of its customer IDs, with at
     * least the policy's always-groups and company always-groups (an {@code AccessReader}'s answer).
     */
    public static Evaluation permissionsOf(CustomerGroupPolicy policy, Customer customer, Data data,
            MembershipStore.LinksAndGroups read) {
        return evaluate(policy, customer, data, Objects.requireNonNull(read, "read"), false);
    }

    private static Evaluation evaluate(CustomerGroupPolicy policy, Customer customer, Data data,
            MembershipStore.@Nullable LinksAndGroups prefetched, boolean explained) {
        String login = customer.login();
        Map<String, List<Step>> steps = explained ? new HashMap<>() : null;
        if (!customer.isValid()) {
            Step s = new Step(Rule.CUSTOMER_INVALID, Optional.empty(),
                    "customer " + login + " is " + customer.validity().name().toLowerCase(java.util.Locale.ROOT)
                            + ": it has no permissions");
            return new Evaluation(new EffectivePermissions(login, Map.of(), Set.of()), steps, List.of(s));
        }
        Map<String, Permission> granted = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();

        Set<String> companyIds = new LinkedHashSet<>();
        if (customer.customerId() != null) {
            companyIds.add(customer.customerId());
        }
        companyIds.addAll(customer.additionalCustomerIds());
        List<Membership> links;
        Map<String, Optional<Group>> groupCache;
        Map<String, Boolean> stored;
        if (policy.groupSupport()) {
            // One read: the links, every group the evaluation may look at (the company always-groups too, used or
            // not) and the companies.
            Set<String> always = new LinkedHashSet<>(policy.alwaysGroups().keySet());
            if (!companyIds.isEmpty()) {
                always.addAll(policy.companyAlwaysGroups().keySet());
            }
            MembershipStore.LinksAndGroups read = prefetched != null ? prefetched
                    : data.linksAndGroupsOf(login, companyIds, always);
            links = read.links();
            groupCache = groups(read, always);
            stored = read.companies();
        } else {
            links = data.linksOf(login, companyIds);
            groupCache = new HashMap<>();
            stored = companyIds.isEmpty() ? Map.of() : data.storedCompanies(companyIds);
        }
        Map<String, Boolean> companyValid = CompaniesAndGroups.valid(companyIds, stored);

        if (!policy.groupSupport()) {
            for (Group g : data.allGroups()) {
                if (g.isValid()) {
                    grant(granted, names, steps, g, Rule.GROUP_SUPPORT_OFF, Permission.RW,
                            () -> "group support is off: every valid customer has rw on every valid group");
                } else {
                    step(steps, g.name(), Rule.GROUP_INVALID,
                            () -> "group " + g.name() + " is not valid: it grants nothing");
                }
            }
        } else {
            policy.alwaysGroups().forEach((group, perm) -> candidate(data, groupCache, granted, names, steps, group,
                    Rule.ALWAYS_GROUP, perm, () -> "always-group " + group + " with " + perm.key()));
            for (String id : companyIds) {
                if (!companyValid.get(Keys.of(id))) {
                    policy.companyAlwaysGroups().keySet().forEach(group -> step(steps, group, Rule.COMPANY_INVALID,
                            () -> "company " + id + " is not valid or unknown: its company always-groups grant"
                                    + " nothing"));
                    continue;
                }
                policy.companyAlwaysGroups().forEach((group, perm) -> candidate(data, groupCache, granted, names,
                        steps, group, Rule.COMPANY_ALWAYS_GROUP, perm,
                        () -> "company always-group " + group + " with " + perm.key() + " through company " + id));
            }
            for (Membership m : links) {
                if (m.context() != PermissionContext.OWN) {
                    continue;
                }
                if (m.kind() == Membership.Kind.CUSTOMER) {
                    if (Keys.same(m.subject(), login)) {
                        candidate(data, groupCache, granted, names, steps, m.group(), Rule.CUSTOMER_LINK,
                                m.permission(), () -> "customer " + login + " is linked to " + m.group() + " with "
                                        + m.permission().key());
                    }
                    continue;
                }
                Boolean valid = companyValid.get(Keys.of(m.subject()));
                if (valid == null || !policy.companyInheritance()) {
                    continue;
                }
                if (!valid) {
                    step(steps, m.group(), Rule.COMPANY_INVALID, () -> "company " + m.subject()
                            + " is not valid or unknown: its link to " + m.group() + " grants nothing");
                    continue;
                }
                candidate(data, groupCache, granted, names, steps, m.group(), Rule.COMPANY_LINK, m.permission(),
                        () -> "company " + m.subject() + " is linked to " + m.group() + " with "
                                + m.permission().key());
            }
        }

        // Customer-ID context: the companies whose tickets the customer may see — not those of an invalid company
        // (a customer ID without a company record stays: Znuny's customer IDs need none).
        Set<String> customerIds = new TreeSet<>(companyIds);
        Set<String> invalid = CompaniesAndGroups.invalid(stored);
        customerIds.removeIf(id -> invalid.contains(Keys.of(id)));
        for (Membership m : links) {
            if (m.context() != PermissionContext.OTHER_CUSTOMER_IDS) {
                continue;
            }
            boolean applies = m.kind() == Membership.Kind.CUSTOMER ? Keys.same(m.subject(), login)
                    : policy.companyInheritance() && Boolean.TRUE.equals(companyValid.get(Keys.of(m.subject())));
            Optional<Group> g = group(data, groupCache, m.group());
            if (!applies || g.isEmpty() || !g.get().isValid()) {
                continue;
            }
            List<String> linked = data.linksTo(m.group()).stream()
                    .filter(other -> other.kind() == Membership.Kind.COMPANY).map(Membership::subject).toList();
            Map<String, Boolean> linkedValid = linked.isEmpty() ? Map.of()
                    : CompaniesAndGroups.valid(linked, data.storedCompanies(linked));
            for (String id : linked) {
                if (Boolean.TRUE.equals(linkedValid.get(Keys.of(id)))) {
                    customerIds.add(id);
                }
            }
        }

        Map<String, Permission> byName = new LinkedHashMap<>();
        granted.forEach((key, perm) -> byName.put(names.get(key), perm));
        return new Evaluation(new EffectivePermissions(login, byName, customerIds), steps, List.of());
    }

    /**
     * Every group the evaluation may look at — always-groups, company always-groups, the groups of the links — as
     * read with the links, so an evaluation costs no group read of its own: a group asked for and not read does not
     * exist.
     */
    private static Map<String, Optional<Group>> groups(MembershipStore.LinksAndGroups read, Set<String> always) {
        Map<String, Optional<Group>> cache = new HashMap<>();
        for (String n : always) {
            cache.put(Keys.of(n), Optional.ofNullable(read.groups().get(Keys.of(n))));
        }
        for (Membership m : read.links()) {
            String key = Keys.of(m.group());
            cache.put(key, Optional.ofNullable(read.groups().get(key)));
        }
        return cache;
    }

    private static void candidate(Data data, Map<String, Optional<Group>> cache, Map<String, Permission> granted,
            Map<String, String> names, @Nullable Map<String, List<Step>> steps, String group, Rule rule,
            Permission perm, Supplier<String> detail) {
        Optional<Group> g = group(data, cache, group);
        if (g.isEmpty()) {
            step(steps, group, Rule.GROUP_INVALID,
                    () -> detail.get() + ", but group " + group + " does not exist: it grants nothing");
        } else if (!g.get().isValid()) {
            step(steps, group, Rule.GROUP_INVALID,
                    () -> detail.get() + ", but group " + group + " is not valid: it grants nothing");
        } else {
            grant(granted, names, steps, g.get(), rule, perm, detail);
        }
    }

    private static Optional<Group> group(Data data, Map<String, Optional<Group>> cache, String name) {
        return cache.computeIfAbsent(Keys.of(name), k -> data.group(name));
    }

    private static void grant(Map<String, Permission> granted, Map<String, String> names,
            @Nullable Map<String, List<Step>> steps, Group g, Rule rule, Permission perm, Supplier<String> detail) {
        String key = Keys.of(g.name());
        granted.merge(key, perm, Permission::strongest);
        names.put(key, g.name());
        if (steps != null) {
            steps.computeIfAbsent(key, k -> new ArrayList<>()).add(new Step(rule, Optional.of(perm), detail.get()));
        }
    }

    /** A step of the explanation; nothing (not even its text) when {@code steps} is null (no explanation). */
    private static void step(@Nullable Map<String, List<Step>> steps, String group, Rule rule,
            Supplier<String> detail) {
        if (steps != null) {
            steps.computeIfAbsent(Keys.of(group), k -> new ArrayList<>())
                    .add(new Step(rule, Optional.empty(), detail.get()));
        }
    }
}
