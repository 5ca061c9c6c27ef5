package dev.clientele.internal;

import dev.clientele.Company;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.GroupStore;
import java.util.List;
import java.util.Optional;

/** The company and group stores of a directory: validated writes that drop every cached evaluation, and reads. */
final class CompaniesAndGroups {
    private final Optional<CompanyStore> companies;
    private final String companiesName;
    private final Optional<GroupStore> groups;
    private final String groupsName;
    private final DirectoryCache cache;

    CompaniesAndGroups(Optional<CompanyStore> companies, String companiesName, Optional<GroupStore> groups,
            String groupsName, DirectoryCache cache) {
        this.companies = companies;
        this.companiesName = companiesName;
        this.groups = groups;
        this.groupsName = groupsName;
        this.cache = cache;
    }

    // ----- companies

    private CompanyStore companyStore(boolean write) {
        CompanyStore s = companies.orElseThrow(() -> DirectoryBuilder.noStore("clientele.companies", "companies"));
        if (write && s.readOnly()) {
            throw new ReadOnlyBackendException(companiesName, "change companies");
        }
        return s;
    }

    Company createCompany(Company company) {
        Validation.check(company);
        companyStore(true).insert(company);
        cache.policyChanged();
        return company;
    }

    Company updateCompany(Company company) {
        Validation.check(company);
        companyStore(true).update(company);
        cache.policyChanged();
        return company;
    }

    Optional<Company> findCompany(String customerId) {
        Args.requireText("customerId", customerId);
        return companies.flatMap(s -> s.find(customerId));
    }

    List<Company> companies() {
        return companies.map(CompanyStore::list).orElse(List.of());
    }

    /** False for an invalid or unknown company; true when there is no company store at all. */
    boolean companyValid(String customerId) {
        return companies.map(s -> s.find(customerId).map(Company::isValid).orElse(false)).orElse(true);
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
        GroupStore s = groups.orElseThrow(() -> DirectoryBuilder.noStore("clientele.groups", "groups"));
        if (write && s.readOnly()) {
            throw new ReadOnlyBackendException(groupsName, "change groups");
        }
        return s;
    }

    Group createGroup(Group group) {
        Validation.check(group);
        groupStore(true).insert(group);
        cache.policyChanged();
        return group;
    }

    Group updateGroup(Group group) {
        Validation.check(group);
        groupStore(true).update(group);
        cache.policyChanged();
        return group;
    }

    Optional<Group> findGroup(String name) {
        Args.requireText("group", name);
        return groups.flatMap(s -> s.find(name));
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

    List<Group> groups() {
        return groups.map(GroupStore::list).orElse(List.of());
    }
}
