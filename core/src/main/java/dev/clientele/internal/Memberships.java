package dev.clientele.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerEvent;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.ValidationException;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Links of customers and companies to groups over every membership source: reads are their union, writes go to the
 * first writable one, a removal removes from every writable one. Subjects and groups are checked to exist and stored
 * in their stored spelling.
 */
final class Memberships {
    private final List<MembershipStore> stores;
    private final Map<MembershipStore, CustomerBackend> owners = new IdentityHashMap<>();
    private final String names;
    private final CustomerSources sources;
    private final CompaniesAndGroups catalog;
    private final DirectoryCache cache;
    private final Events events;

    Memberships(Map<String, CustomerBackend> backendsByName, CustomerSources sources, CompaniesAndGroups catalog,
            DirectoryCache cache, Events events) {
        List<MembershipStore> ms = new ArrayList<>();
        backendsByName.forEach((name, backend) -> {
            MembershipStore store = backend.memberships().orElseThrow();
            ms.add(store);
            owners.put(store, backend);
        });
        this.stores = List.copyOf(ms);
        this.names = String.join(", ", backendsByName.keySet());
        this.sources = sources;
        this.catalog = catalog;
        this.cache = cache;
        this.events = events;
    }

    private MembershipStore writer() {
        for (MembershipStore m : stores) {
            if (!m.readOnly()) {
                return m;
            }
        }
        throw stores.isEmpty() ? Roles.noStore("clientele.memberships", "memberships")
                : new ReadOnlyBackendException(names, "change memberships");
    }

    void put(Membership m) {
        Membership canonical;
        if (m.kind() == Membership.Kind.CUSTOMER) {
            Group g = catalog.existingGroup(m.group());
            CustomerSources.Located at = sources.locateOrThrow(m.subject());
            Membership link = new Membership(m.kind(), at.customer().login(), g.name(), m.permission(), m.context());
            MembershipStore writer = writer();
            // Atomically with the check that the customer is still stored: a link never outlives an erasure.
            sources.whileStored(at, () -> writer.put(link));
            canonical = link;
        } else {
            canonical = canonical(m);
            writer().put(canonical);
        }
        changed(canonical, canonical.group() + ": " + canonical.permission().key()
                + (canonical.context() == PermissionContext.OWN ? "" : " (" + canonical.context() + ")"));
    }

    boolean remove(Membership m) {
        Membership canonical = canonical(m);
        writer();
        boolean removed = removeEverywhere(canonical);
        if (removed) {
            changed(canonical, canonical.group() + ": removed");
        }
        return removed;
    }

    /** Removes every link of the customer from every writable source (an erasure); how many were removed. */
    int removeAllOf(String login) {
        int links = 0;
        for (MembershipStore m : stores) {
            if (!m.readOnly()) {
                links += m.removeAll(Membership.Kind.CUSTOMER, login);
            }
        }
        return links;
    }

    /** Removes a link from every writable membership source; true if one had it. */
    private boolean removeEverywhere(Membership m) {
        boolean removed = false;
        for (MembershipStore s : stores) {
            if (!s.readOnly()) {
                removed |= s.remove(m);
            }
        }
        return removed;
    }

    /** Checks that subject and group exist; uses their stored spelling. */
    private Membership canonical(Membership m) {
        Group g = catalog.existingGroup(m.group());
        String subject = m.kind() == Membership.Kind.CUSTOMER ? sources.locateOrThrow(m.subject()).customer().login()
                : catalog.existingCompanyId(m.subject());
        return new Membership(m.kind(), subject, g.name(), m.permission(), m.context());
    }

    private void changed(Membership m, String detail) {
        if (m.kind() == Membership.Kind.CUSTOMER && m.context() == PermissionContext.OWN) {
            cache.forgetPermissions(m.subject());
        } else {
            cache.policyChanged();
        }
        events.fire(m.kind() == Membership.Kind.CUSTOMER ? CustomerEvent.Type.MEMBERSHIP_CHANGED
                : CustomerEvent.Type.COMPANY_MEMBERSHIP_CHANGED, m.subject(), detail);
    }

    /**
     * Every stored link of a customer (by login) or company (by customer ID), in every context, from every
     * membership source: what a copy or an export must carry along.
     */
    List<Membership> linksOfSubject(Membership.Kind kind, String subject) {
        Args.requireText(kind == Membership.Kind.CUSTOMER ? "login" : "customerId", subject);
        String stored = kind == Membership.Kind.CUSTOMER ? sources.locateOrThrow(subject).customer().login()
                : catalog.existingCompanyId(subject);
        List<Membership> out = new ArrayList<>();
        for (Membership m : kind == Membership.Kind.CUSTOMER ? linksOf(stored, List.of())
                : linksOf(null, List.of(stored))) {
            if (m.kind() == kind && Keys.same(m.subject(), stored)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** The company's stored links (own context): group to permission. */
    Map<String, Permission> groupsOfCompany(String customerId) {
        Map<String, Permission> out = new TreeMap<>();
        for (Membership m : linksOfSubject(Membership.Kind.COMPANY, customerId)) {
            if (m.context() == PermissionContext.OWN) {
                out.merge(m.group(), m.permission(), Permission::strongest);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    List<Membership> linksOf(String login, Collection<String> customerIds) {
        if (stores.size() == 1) {
            return stores.get(0).linksOf(login, customerIds);
        }
        List<Membership> all = new ArrayList<>();
        for (MembershipStore m : stores) {
            all.addAll(m.linksOf(login, customerIds));
        }
        return all;
    }

    /**
     * The links of {@link #linksOf}, the stored groups they or {@code alsoGroups} name, by key, and the validity of
     * the stored companies among the customer IDs (null without a company store): from a single membership source
     * in one call of its own ({@link MembershipStore#linksAndGroupsOf}, one statement where it holds the groups and
     * companies too), else the union of the sources' links, one read of the groups and one of the companies.
     */
    MembershipStore.LinksAndGroups linksAndGroupsOf(String login, Collection<String> customerIds,
            Collection<String> alsoGroups) {
        Optional<GroupStore> groups = catalog.groupStore();
        if (stores.size() == 1 && groups.isPresent()) {
            MembershipStore.LinksAndGroups read = stores.get(0).linksAndGroupsOf(login, customerIds, alsoGroups,
                    groups.get(), catalog.companyStore().orElse(null));
            return read.companies() != null || catalog.companyStore().isEmpty() ? read
                    : new MembershipStore.LinksAndGroups(read.links(), read.groups(), catalog.stored(customerIds));
        }
        List<Membership> links = linksOf(login, customerIds);
        Set<String> names = new LinkedHashSet<>(alsoGroups);
        links.forEach(m -> names.add(m.group()));
        return new MembershipStore.LinksAndGroups(links, names.isEmpty() ? Map.of() : catalog.groupsNamed(names),
                catalog.stored(customerIds));
    }

    List<Membership> linksTo(String group) {
        List<Membership> all = new ArrayList<>();
        for (MembershipStore m : stores) {
            all.addAll(m.linksTo(group));
        }
        return all;
    }

    Map<String, Permission> groupsOf(String login) {
        return groupsOf(sources.locateOrThrow(login).customer());
    }

    private Map<String, Permission> groupsOf(Customer c) {
        Map<String, Permission> out = new TreeMap<>();
        for (Membership m : linksOf(c.login(), List.of())) {
            if (m.kind() == Membership.Kind.CUSTOMER && m.context() == PermissionContext.OWN
                    && Keys.same(m.subject(), c.login())) {
                out.merge(m.group(), m.permission(), Permission::strongest);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    void setGroupsOf(String login, Map<String, Permission> wanted) {
        CustomerSources.Located at = sources.locateOrThrow(login);
        Customer c = at.customer();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String g : wanted.keySet()) {
            groups.put(Keys.of(g), catalog.existingGroup(g));
        }
        MembershipStore writer = writer();
        sources.whileStored(at, () -> owners.get(writer).atomically(() -> {
            for (String g : groupsOf(c).keySet()) {
                if (!groups.containsKey(Keys.of(g))) {
                    removeEverywhere(Membership.customer(c.login(), g, Permission.RO));
                }
            }
            wanted.forEach((g, p) -> writer.put(Membership.customer(c.login(), groups.get(Keys.of(g)).name(), p)));
            return null;
        }));
        cache.forgetPermissions(c.login());
        events.fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, c.login(), null, null, "groups set to "
                + new TreeMap<>(wanted));
    }

    Map<String, Permission> subjectsOf(String group, Membership.Kind kind) {
        Group g = catalog.existingGroup(group);
        Map<String, Permission> out = new TreeMap<>();
        for (Membership m : linksTo(g.name())) {
            if (m.kind() == kind && m.context() == PermissionContext.OWN) {
                out.merge(m.subject(), m.permission(), Permission::strongest);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    void setCustomersOf(String group, Map<String, Permission> wanted) {
        Group g = catalog.existingGroup(group);
        Map<String, String> logins = located(wanted.keySet());
        replaceCustomersOf(g, subjectsOf(g.name(), Membership.Kind.CUSTOMER), logins, wanted);
        cache.policyChanged();
    }

    /** The links to the group of the given logins only (own context): one link lookup per login. */
    Map<String, Permission> customersOf(String group, Collection<String> logins) {
        Group g = catalog.existingGroup(group);
        Map<String, Permission> out = new TreeMap<>();
        for (String login : logins) {
            Args.requireText("login", login);
            for (Membership m : linksOf(login, List.of())) {
                if (m.kind() == Membership.Kind.CUSTOMER && m.context() == PermissionContext.OWN
                        && Keys.same(m.subject(), login) && Keys.same(m.group(), g.name())) {
                    out.merge(m.subject(), m.permission(), Permission::strongest);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Replaces the group's links of the listed logins (and of those in {@code wanted}) only. */
    void setCustomersOf(String group, Collection<String> logins, Map<String, Permission> wanted) {
        Group g = catalog.existingGroup(group);
        Map<String, String> located = located(wanted.keySet());
        Set<String> scope = new LinkedHashSet<>(logins);
        scope.addAll(located.values());
        Map<String, Permission> current = customersOf(g.name(), scope);
        replaceCustomersOf(g, current, located, wanted);
        current.keySet().forEach(cache::forgetPermissions);
        located.values().forEach(cache::forgetPermissions);
    }

    /** The stored spelling of each login, by key; throws for an unknown one before anything changes. */
    private Map<String, String> located(Collection<String> logins) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : logins) {
            out.put(Keys.of(l), sources.locateOrThrow(l).customer().login());
        }
        return out;
    }

    /** In one transaction of the writer: unlinks those of {@code current} not wanted, links the wanted ones. */
    private void replaceCustomersOf(Group g, Map<String, Permission> current, Map<String, String> logins,
            Map<String, Permission> wanted) {
        MembershipStore writer = writer();
        owners.get(writer).atomically(() -> {
            for (String l : current.keySet()) {
                if (!logins.containsKey(Keys.of(l))) {
                    removeEverywhere(Membership.customer(l, g.name(), Permission.RO));
                }
            }
            wanted.forEach((l, p) -> writer.put(Membership.customer(logins.get(Keys.of(l)), g.name(), p)));
            return null;
        });
        for (String l : current.keySet()) {
            if (!logins.containsKey(Keys.of(l))) {
                events.fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, l, null, null, g.name() + ": removed");
            }
        }
        wanted.forEach((l, p) -> events.fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, logins.get(Keys.of(l)), null, null,
                g.name() + ": " + p.key()));
    }

    /**
     * Replaces every stored link of a customer or company, in every context, in one transaction of the writer:
     * links left out are removed from every writable source.
     */
    void setLinksOfSubject(Membership.Kind kind, String subject, Collection<Membership> wanted) {
        boolean ofCustomer = kind == Membership.Kind.CUSTOMER;
        Args.requireText(ofCustomer ? "login" : "customerId", subject);
        CustomerSources.Located at = ofCustomer ? sources.locateOrThrow(subject) : null;
        String stored = at != null ? at.customer().login() : catalog.existingCompanyId(subject);
        Map<String, Membership> links = new LinkedHashMap<>();   // by identity: group and context
        for (Membership m : wanted) {
            if (m.kind() != kind || !Keys.same(m.subject(), stored)) {
                throw ValidationException.ofArgument("memberships", "must all be links of the "
                        + (ofCustomer ? "customer '" : "company '") + stored + "', not of the "
                        + m.kind().name().toLowerCase(Locale.ROOT) + " '" + m.subject() + "'");
            }
            Group g = catalog.existingGroup(m.group());
            links.put(Keys.of(g.name()) + " " + m.context(),
                    new Membership(kind, stored, g.name(), m.permission(), m.context()));
        }
        MembershipStore writer = writer();
        List<Membership> removed = new ArrayList<>();
        Supplier<Void> work = () -> owners.get(writer).atomically(() -> {
            for (Membership m : linksOfSubject(kind, stored)) {
                if (!links.containsKey(Keys.of(m.group()) + " " + m.context()) && removeEverywhere(m)) {
                    removed.add(m);
                }
            }
            links.values().forEach(writer::put);
            return null;
        });
        if (at != null) {
            sources.whileStored(at, work);
        } else {
            work.get();
        }
        boolean onlyOwnOfCustomer = ofCustomer && links.values().stream().allMatch(m -> m.context()
                == PermissionContext.OWN) && removed.stream().allMatch(m -> m.context() == PermissionContext.OWN);
        if (onlyOwnOfCustomer) {
            cache.forgetPermissions(stored);
        } else {
            cache.policyChanged();
        }
        List<String> detail = new ArrayList<>();
        links.values().forEach(m -> detail.add(m.group() + ": " + m.permission().key()
                + (m.context() == PermissionContext.OWN ? "" : " (" + m.context() + ")")));
        events.fire(ofCustomer ? CustomerEvent.Type.MEMBERSHIP_CHANGED : CustomerEvent.Type.COMPANY_MEMBERSHIP_CHANGED,
                stored, "links set to " + detail);
    }
}
