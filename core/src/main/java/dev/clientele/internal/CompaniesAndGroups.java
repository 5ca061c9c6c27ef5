package dev.clientele.internal;

import dev.clientele.Company;
import dev.clientele.CompanySearchResult;
import dev.clientele.CustomerEvent;
import dev.clientele.CustomerQuery;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.ValidationException;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The company and group stores of a directory: validated writes that drop every cached evaluation, and reads. */
final class CompaniesAndGroups {
    private final Optional<CompanyStore> companies;
    private final String companiesName;
    private final Optional<GroupStore> groups;
    private final String groupsName;
    private final DirectoryCache cache;
    private final Events events;

    CompaniesAndGroups(Optional<CompanyStore> companies, String companiesName, Optional<GroupStore> groups,
            String groupsName, DirectoryCache cache, Events events) {
        this.companies = companies;
        this.companiesName = companiesName;
        this.groups = groups;
        this.groupsName = groupsName;
        this.cache = cache;
        this.events = events;
    }

    // ----- companies

    private CompanyStore companyStore(boolean write) {
        CompanyStore s = companies.orElseThrow(() -> Roles.noStore("clientele.companies", "companies"));
        if (write && s.readOnly()) {
            throw new ReadOnlyBackendException(companiesName, "change companies");
        }
        return s;
    }

    Company createCompany(Company company) {
        Validation.check(company);
        return written(company, () -> companyStore(true).insert(company), CustomerEvent.Type.COMPANY_CREATED,
                company.customerId());
    }

    Company updateCompany(Company company) {
        Validation.check(company);
        return written(company, () -> companyStore(true).update(company), CustomerEvent.Type.COMPANY_UPDATED,
                company.customerId());
    }

    /** Stores, then drops every cached evaluation (a company or group changes what links grant) and tells. */
    private <T> T written(T value, Runnable store, CustomerEvent.Type type, String subject) {
        store.run();
        cache.policyChanged();
        events.fire(type, subject, "");
        return value;
    }

    Optional<Company> findCompany(String customerId) {
        Args.requireText("customerId", customerId);
        return Args.unstorable(customerId) ? Optional.empty() : companies.flatMap(s -> s.find(customerId));
    }

    List<Company> companies() {
        return companies.map(CompanyStore::list).orElse(List.of());
    }

    /**
     * Companies whose customer ID or name matches every term (the customer search's term rules: AND-ed, {@code *}
     * the only wildcard, a term without one a prefix, case-insensitive), every validity, ordered by customer ID.
     * Filtered here over the store's list: company stores hold hundreds to thousands of rows, not millions.
     */
    CompanySearchResult search(String text, int limit) {
        if (limit < 1) {
            throw ValidationException.ofArgument("limit", "must be at least 1, was " + limit);
        }
        List<SearchTerm> terms = CustomerQuery.of(text == null ? "" : text).terms().stream().map(SearchTerm::parse)
                .toList();
        List<Company> found = new ArrayList<>();
        for (Company c : new TreeMap<>(companies().stream().collect(Collectors.toMap(
                x -> Keys.of(x.customerId()), x -> x, (a, b) -> a))).values()) {
            if (terms.stream().allMatch(t -> t.matches(c.customerId()) || c.name() != null && t.matches(c.name()))) {
                found.add(c);
                if (found.size() > limit) {
                    break;
                }
            }
        }
        boolean more = found.size() > limit;
        return new CompanySearchResult(more ? found.subList(0, limit) : found, more);
    }

    /** The company store, if the directory has one. */
    Optional<CompanyStore> companyStore() {
        return companies;
    }

    /** The validity of the stored companies among these customer IDs, by key; null when there is no company store. */
    @Nullable Map<String, Boolean> stored(Collection<String> customerIds) {
        return companies.map(s -> MembershipStore.LinksAndGroups.validity(customerIds, s)).orElse(null);
    }

    /**
     * For each customer ID, by key: false for an invalid or unknown company, true when there is no company store at
     * all ({@code stored} null) — from the stored companies' validity, by key.
     */
    static Map<String, Boolean> valid(Collection<String> customerIds, @Nullable Map<String, Boolean> stored) {
        Map<String, Boolean> out = new HashMap<>();
        for (String id : customerIds) {
            out.put(Keys.of(id), stored == null || stored.getOrDefault(Keys.of(id), false));
        }
        return out;
    }

    /** The keys of the companies stored and not valid, from the stored companies' validity, by key. */
    static Set<String> invalid(@Nullable Map<String, Boolean> stored) {
        Set<String> out = new HashSet<>();
        if (stored != null) {
            stored.forEach((key, valid) -> {
                if (!valid) {
                    out.add(key);
                }
            });
        }
        return out;
    }

    /**
     * The stored spelling of a company's customer ID; throws if there is a company store and it does not know the
     * company (without one, a company link names a customer ID as given).
     */
    String existingCompanyId(String customerId) {
        if (companies.isEmpty()) {
            return customerId;
        }
        return companies.get().find(customerId).map(Company::customerId)
                .orElseThrow(() -> new NotFoundException("company", customerId));
    }

    // ----- groups

    private GroupStore groupStore(boolean write) {
        GroupStore s = groups.orElseThrow(() -> Roles.noStore("clientele.groups", "groups"));
        if (write && s.readOnly()) {
            throw new ReadOnlyBackendException(groupsName, "change groups");
        }
        return s;
    }

    Group createGroup(Group group) {
        Validation.check(group);
        return written(group, () -> groupStore(true).insert(group), CustomerEvent.Type.GROUP_CREATED, group.name());
    }

    Group updateGroup(Group group) {
        Validation.check(group);
        return written(group, () -> groupStore(true).update(group), CustomerEvent.Type.GROUP_UPDATED, group.name());
    }

    Optional<Group> findGroup(String name) {
        Args.requireText("group", name);
        return Args.unstorable(name) ? Optional.empty() : groups.flatMap(s -> s.find(name));
    }

    /** The group as stored, whatever its case in {@code name}; throws if there is none. */
    Group existingGroup(String name) {
        Args.requireText("group", name);
        return groupStore(false).find(name).orElseThrow(() -> new NotFoundException("group", name));
    }

    /** The group without the argument check (the policy asks for names it read from links). */
    Optional<Group> group(String name) {
        return groups.flatMap(s -> s.find(name));
    }

    /** The group store, if the directory has one. */
    Optional<GroupStore> groupStore() {
        return groups;
    }

    /** The stored groups of these names, by name key; one read of the store. */
    Map<String, Group> groupsNamed(Collection<String> names) {
        return groups.map(s -> s.findAll(names)).orElse(Map.of());
    }

    List<Group> groups() {
        return groups.map(GroupStore::list).orElse(List.of());
    }
}
