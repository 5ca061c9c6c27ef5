package dev.clientele.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerAccess;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.EffectivePermissions;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionExplanation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Effective permissions: the policy (which can be replaced at run time), evaluated by {@link PolicyEvaluator} over
 * the directory's stores, and cached per login in the {@link DirectoryCache}.
 */
final class Permissions implements PolicyEvaluator.Data {
    private static final Logger LOG = LoggerFactory.getLogger(Permissions.class);

    private final AtomicReference<CustomerGroupPolicy> policy;
    private final CustomerSources sources;
    private final CompaniesAndGroups catalog;
    private final Memberships memberships;
    private final DirectoryCache cache;
    private final Sessions sessions;

    Permissions(CustomerGroupPolicy policy, CustomerSources sources, CompaniesAndGroups catalog,
            Memberships memberships, DirectoryCache cache, Sessions sessions) {
        this.policy = new AtomicReference<>(Objects.requireNonNull(policy, "policy"));
        this.sources = sources;
        this.catalog = catalog;
        this.memberships = memberships;
        this.cache = cache;
        this.sessions = sessions;
    }

    CustomerGroupPolicy policy() {
        return policy.get();
    }

    void setPolicy(CustomerGroupPolicy newPolicy) {
        policy.set(Objects.requireNonNull(newPolicy, "policy"));
        cache.policyChanged();
        LOG.info("Customer group policy changed: {}", newPolicy);
    }

    /**
     * The (cached) evaluation of the login; the customer is read through the customer cache too. An evaluation that
     * goes to the stores is one session of the back-ends: one connection for all its reads.
     */
    PolicyEvaluator.Evaluation evaluation(String login) {
        Args.requireText("login", login);
        if (!cache.enabled()) {
            return sessions.run(() -> evaluate(sources.locateOrThrow(login).customer()));
        }
        return cache.evaluation(login, () -> sessions.run(() -> evaluate(sources.locateCached(login)
                .orElseThrow(() -> new CustomerNotFoundException(login)).customer())));
    }

    /**
     * The customer and its permissions: with the cache off one session of the back-ends (the customer, then what
     * its evaluation reads, over one connection); with it on, each from its cache.
     */
    Optional<CustomerAccess> access(String login) {
        Args.requireText("login", login);
        if (!cache.enabled()) {
            return sessions.run(() -> sources.locate(login).map(CustomerSources.Located::customer)
                    .map(c -> new CustomerAccess(c, evaluate(c).permissions())));
        }
        return sources.locateCached(login).map(CustomerSources.Located::customer)
                .map(c -> new CustomerAccess(c, evaluation(login).permissions()));
    }

    /** The permissions only (no explanation steps): what is cached and checked. */
    private PolicyEvaluator.Evaluation evaluate(Customer c) {
        return PolicyEvaluator.permissionsOf(policy.get(), c, this);
    }

    EffectivePermissions permissions(String login) {
        return evaluation(login).permissions();
    }

    boolean hasPermission(String login, String group, Permission required) {
        Args.requireText("group", group);
        // EffectivePermissions compares group names by key: one hash lookup, granted or denied.
        return evaluation(login).permissions().has(group, required);
    }

    /** Always evaluated afresh: an explanation is for a person looking at it, and must show the stores as they are. */
    PermissionExplanation explain(String login, String group) {
        Args.requireText("group", group);
        return sessions.run(() -> PolicyEvaluator.evaluate(policy.get(), sources.locateOrThrow(login).customer(),
                this)).explain(group);
    }

    Set<String> accessibleCustomerIds(String login) {
        return evaluation(login).permissions().customerIds();
    }

    // ----- what the evaluator reads

    @Override
    public Optional<Group> group(String name) {
        return catalog.group(name);
    }

    @Override
    public List<Group> allGroups() {
        return catalog.groups();
    }

    @Override
    public @Nullable Map<String, Boolean> storedCompanies(Collection<String> customerIds) {
        return catalog.stored(customerIds);
    }

    @Override
    public List<Membership> linksOf(String login, Collection<String> customerIds) {
        return memberships.linksOf(login, customerIds);
    }

    @Override
    public dev.clientele.spi.MembershipStore.LinksAndGroups linksAndGroupsOf(String login,
            Collection<String> customerIds, Collection<String> alsoGroups) {
        return memberships.linksAndGroupsOf(login, customerIds, alsoGroups);
    }

    @Override
    public List<Membership> linksTo(String group) {
        return memberships.linksTo(group);
    }
}
