package dev.clientele.internal;

import dev.clientele.ActorScope;
import dev.clientele.AuthenticationResult;
import dev.clientele.Company;
import dev.clientele.CompanySearchResult;
import dev.clientele.Customer;
import dev.clientele.CustomerAccess;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEventListener;
import dev.clientele.CustomerField;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerPage;
import dev.clientele.CustomerQuery;
import dev.clientele.EffectivePermissions;
import dev.clientele.ErasureReport;
import dev.clientele.Group;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.LoginStatus;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionExplanation;
import dev.clientele.SearchResult;
import dev.clientele.ValidationException;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordHasher;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.PasswordStorage;
import dev.clientele.spi.CustomerBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The implementation of {@link CustomerDirectory}: a facade over its collaborators, wired here from what the builder
 * assembled. Each call is handed to the one collaborator whose job it is (see docs/architecture.md).
 */
final class DefaultCustomerDirectory implements CustomerDirectory {

    /** Everything the builder assembled. */
    record Settings(Map<String, CustomerBackend> backends, Set<String> owned, Roles roles,
            CustomerGroupPolicy policy, boolean customerIdFromEmail, boolean uniqueEmail,
            Set<CustomerField> searchFields, int searchLimit, PasswordHasher hasher,
            Map<String, PasswordStorage> passwordStorage, PasswordPolicy passwordPolicy,
            LockoutPolicy lockout, Duration resetTokenLifetime, Duration cacheTtl, Map<String, Duration> backendCacheTtl,
            long cacheMaxSize, Clock clock,
            List<CustomerEventListener> listeners, Metrics metrics) {
    }

    private final DirectoryParts p;
    private final Metrics metrics;

    DefaultCustomerDirectory(Settings settings) {
        this.p = DirectoryParts.wire(settings);
        this.metrics = settings.metrics();
        metrics.bindCaches(p.cache());
        metrics.bindBackends(settings.backends().values());
    }

    // ----- customers

    @Override
    public Optional<Customer> findCustomer(String login) {
        return timed(Metrics.BY_LOGIN, () -> p.sources().locateCached(login).map(CustomerSources.Located::customer));
    }

    @Override
    public List<Customer> findByEmail(String email) {
        return timed(Metrics.BY_EMAIL, () -> p.sources().findByEmail(email));
    }

    @Override
    public List<Customer> findByCustomerId(String customerId) {
        return timed(Metrics.BY_CUSTOMER_ID, () -> p.sources().findByCustomerId(customerId));
    }

    @Override
    public SearchResult search(CustomerQuery query) {
        return timed(Metrics.SEARCH, () -> p.sources().search(query));
    }

    /** A lookup or search, timed by {@link Metrics} (which does nothing without a registry). */
    private <T> T timed(int what, Supplier<T> call) {
        long t = metrics.start();
        try {
            return call.get();
        } finally {
            metrics.timed(what, t);
        }
    }

    @Override
    public Stream<Customer> customers(boolean includeInvalid) {
        return p.sources().scan().stream(includeInvalid);
    }

    @Override
    public CustomerPage customers(String afterLogin, int size, boolean includeInvalid) {
        return p.sources().scan().page(afterLogin, size, includeInvalid);
    }

    @Override public Customer createCustomer(Customer customer) { return p.writes().create(customer, null, false); }

    @Override
    public Customer createCustomer(Customer customer, char[] password) {
        return p.writes().create(customer, password, true);
    }

    @Override
    public ImportResult importCustomers(Iterable<Customer> customers, ImportOptions options) {
        return CustomerImport.run(p.sources(), p.writes(), p.events(), customers, options);
    }

    @Override public Customer updateCustomer(Customer customer) { return p.writes().update(customer); }
    @Override public Customer invalidateCustomer(String login) { return p.writes().invalidate(login); }
    @Override public ErasureReport eraseCustomer(String login) { return p.writes().erase(login); }

    // ----- passwords and login

    @Override public void setPassword(String login, char[] password) { p.passwords().set(login, password); }

    @Override
    public AuthenticationResult authenticate(String login, char[] password) {
        AuthenticationResult result = p.authenticator().authenticate(login, password);
        metrics.login(result.outcome());
        return result;
    }

    @Override public String createPasswordResetToken(String login) { return p.passwords().createResetToken(login); }
    @Override public void resetPassword(String token, char[] newPassword) { p.passwords().reset(token, newPassword); }

    @Override
    public boolean copyPasswordTo(String login, CustomerDirectory target) {
        if (!(target instanceof DefaultCustomerDirectory other)) {
            throw ValidationException.ofArgument("target", "must be a directory made by CustomerDirectory.builder()");
        }
        return p.passwords().copyTo(login, other.p.passwords());
    }

    @Override
    public boolean copyLoginStateTo(String login, CustomerDirectory target) {
        if (!(target instanceof DefaultCustomerDirectory other)) {
            throw ValidationException.ofArgument("target", "must be a directory made by CustomerDirectory.builder()");
        }
        return p.accounts().copyTo(login, other.p.accounts());
    }

    @Override public void unlock(String login) { p.authenticator().unlock(login); }
    @Override public LoginStatus loginStatus(String login) { return p.accounts().loginStatus(login); }
    @Override public Map<String, String> preferences(String login) { return p.accounts().preferences(login); }

    @Override
    public void setPreference(String login, String key, String value) {
        p.accounts().setPreference(login, key, value);
    }

    @Override
    public boolean removePreference(String login, String key) {
        return p.accounts().removePreference(login, key);
    }

    // ----- companies and groups

    @Override public Company createCompany(Company company) { return p.catalog().createCompany(company); }
    @Override public Company updateCompany(Company company) { return p.catalog().updateCompany(company); }
    @Override public Optional<Company> findCompany(String customerId) { return p.catalog().findCompany(customerId); }
    @Override public List<Company> companies() { return p.catalog().companies(); }

    @Override
    public CompanySearchResult searchCompanies(String text) {
        return p.catalog().search(text, p.settings().searchLimit());
    }

    @Override
    public CompanySearchResult searchCompanies(String text, int limit) {
        return p.catalog().search(text, limit);
    }

    @Override
    public Map<String, Permission> groupsOfCompany(String customerId) {
        return p.memberships().groupsOfCompany(customerId);
    }

    @Override public Group createGroup(Group group) { return p.catalog().createGroup(group); }
    @Override public Group updateGroup(Group group) { return p.catalog().updateGroup(group); }
    @Override public Optional<Group> findGroup(String name) { return p.catalog().findGroup(name); }
    @Override public List<Group> groups() { return p.catalog().groups(); }

    // ----- memberships

    @Override public void putMembership(Membership membership) { p.memberships().put(membership); }
    @Override public boolean removeMembership(Membership membership) { return p.memberships().remove(membership); }

    @Override
    public List<Membership> memberships(Membership.Kind kind, String subject) {
        return p.memberships().linksOfSubject(kind, subject);
    }

    @Override
    public void setMemberships(Membership.Kind kind, String subject, Collection<Membership> memberships) {
        p.memberships().setLinksOfSubject(kind, subject, memberships);
    }

    @Override public Map<String, Permission> groupsOf(String login) { return p.memberships().groupsOf(login); }

    @Override
    public void setGroupsOf(String login, Map<String, Permission> groups) {
        p.memberships().setGroupsOf(login, groups);
    }

    @Override
    public Map<String, Permission> customersOf(String group) {
        return p.memberships().subjectsOf(group, Membership.Kind.CUSTOMER);
    }

    @Override
    public void setCustomersOf(String group, Map<String, Permission> customers) {
        p.memberships().setCustomersOf(group, customers);
    }

    @Override
    public Map<String, Permission> customersOf(String group, Collection<String> logins) {
        return p.memberships().customersOf(group, logins);
    }

    @Override
    public void setCustomersOf(String group, Collection<String> logins, Map<String, Permission> customers) {
        p.memberships().setCustomersOf(group, logins, customers);
    }

    @Override
    public Map<String, Permission> companiesOf(String group) {
        return p.memberships().subjectsOf(group, Membership.Kind.COMPANY);
    }

    // ----- policy

    @Override public EffectivePermissions permissions(String login) { return p.permissions().permissions(login); }

    @Override
    public Optional<CustomerAccess> findAccess(String login) {
        return timed(Metrics.BY_LOGIN, () -> p.permissions().access(login));
    }

    @Override
    public boolean hasPermission(String login, String group, Permission required) {
        long t = metrics.start();
        boolean granted = p.permissions().hasPermission(login, group, required);
        metrics.permissionCheck(granted, t);
        return granted;
    }

    @Override
    public PermissionExplanation explain(String login, String group) {
        return p.permissions().explain(login, group);
    }

    @Override
    public Set<String> accessibleCustomerIds(String login) {
        return p.permissions().accessibleCustomerIds(login);
    }

    @Override public CustomerGroupPolicy policy() { return p.permissions().policy(); }
    @Override public PasswordPolicy passwordPolicy() { return p.settings().passwordPolicy(); }
    @Override public void setPolicy(CustomerGroupPolicy policy) { p.permissions().setPolicy(policy); }

    // ----- the rest

    @Override public ActorScope actingAs(String actor) { return p.events().actingAs(actor); }
    @Override public void addListener(CustomerEventListener listener) { p.events().add(listener); }
    @Override public void removeListener(CustomerEventListener listener) { p.events().remove(listener); }
    @Override public void invalidateCaches() { p.cache().invalidateAll(); }

    @Override
    public Map<String, CustomerBackend> backends() {
        return Collections.unmodifiableMap(p.settings().backends());
    }

    @Override
    public void close() {
        metrics.close();
        p.closeOwnedBackends();
    }

    @Override
    public String toString() {
        return "CustomerDirectory[customers=" + p.settings().roles().customers() + ", backends="
                + p.settings().backends().keySet() + "]";
    }
}
