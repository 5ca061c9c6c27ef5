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
import dev.clientele.spi.AccessReader;
import dev.clientele.spi.MembershipStore;
import java.util.Collection;
import java.util.LinkedHashSet;
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
    private final Optional<AccessReader> reader;

    Permissions(CustomerGroupPolicy policy, CustomerSources sources, CompaniesAndGroups catalog,
            Memberships memberships, DirectoryCache cache, Sessions sessions, Optional<AccessReader> reader) {
        this.policy = new AtomicReference<>(Objects.requireNonNull(policy, "policy"));
        this.sources = sources;
        this.catalog = catalog;
        this.memberships = memberships;
        this.cache = cache;
        this.sessions = sessions;
        this.reader = reader;
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
            return sessions.run(() -> read(login).orElseThrow(() -> new CustomerNotFoundException(login)))
                    .evaluation();
        }
        return cache.evaluation(login, () -> sessions.run(() -> evaluateOnMiss(login)));
    }

    /**
     * An evaluation the cache does not hold: of the cached customer (its links read), or — where the back-end reads
     * a customer with its links in one round trip ({@link #read}) and the cache does not hold the customer either —
     * of the customer read with its links, which goes into the customer cache as a lookup's would (its loader).
     */
    private PolicyEvaluator.Evaluation evaluateOnMiss(String login) {
        if (reader.isEmpty()) {
            return evaluate(sources.locateCached(login).orElseThrow(() -> new CustomerNotFoundException(login))
                    .customer());
        }
        AtomicReference<Read> fresh = new AtomicReference<>();
        Customer c = sources.locateCached(login, () -> {
            Optional<Read> r = read(login);
            r.ifPresent(fresh::set);
            return r.map(Read::customer);
        }).orElseThrow(() -> new CustomerNotFoundException(login)).customer();
        Read r = fresh.get();
        return r != null && r.customer() == c ? r.evaluation() : evaluate(c);
    }

    /**
     * The customer and its permissions: with the cache off one session of the back-ends (the customer, then what
     * its evaluation reads, over one connection — or both in one round trip, see {@link #read}); with it on, each
     * from its cache.
     */
    Optional<CustomerAccess> access(String login) {
        Args.requireText("login", login);
        if (!cache.enabled()) {
            return sessions.run(() -> read(login))
                    .map(r -> new CustomerAccess(r.customer(), r.evaluation().permissions()));
        }
        if (reader.isPresent()) {
            // The evaluation first: where neither is cached it reads the customer with its links in one round trip
            // and caches both, and the customer is then a hit.
            PolicyEvaluator.Evaluation e;
            try {
                e = evaluation(login);
            } catch (CustomerNotFoundException missing) {
                return Optional.empty();
            }
            return sources.locateCached(login).map(at -> new CustomerAccess(at.customer(), e.permissions()));
        }
        return sources.locateCached(login).map(CustomerSources.Located::customer)
                .map(c -> new CustomerAccess(c, evaluation(login).permissions()));
    }

    /** A customer and its evaluation, as read from the stores. */
    private record Read(Customer customer, PolicyEvaluator.Evaluation evaluation) {
    }

    /**
     * The customer and its evaluation from the stores: in one round trip where the one back-end that holds the
     * customer, its links, the groups and the companies reads them together ({@link AccessReader}) — with the
     * group support the policy has now, and for a customer without additional customer IDs (whose links that read
     * leaves out: the evaluation then reads them itself); else the customer, then what the evaluation reads.
     */
    private Optional<Read> read(String login) {
        CustomerGroupPolicy p = policy.get();
        if (reader.isEmpty() || !p.groupSupport() || Args.unstorable(login)) {
            return sources.locate(login).map(CustomerSources.Located::customer).map(c -> new Read(c, evaluate(c)));
        }
        Set<String> also = new LinkedHashSet<>(p.alwaysGroups().keySet());
        also.addAll(p.companyAlwaysGroups().keySet());
        return reader.get().customerAndLinks(login, also).map(r -> {
            Customer c = r.customer();
            // the reader leaves out the links of additional customer IDs: the evaluation then reads its own
            return new Read(c, c.additionalCustomerIds().isEmpty()
                    ? PolicyEvaluator.permissionsOf(p, c, this, r.links()) : PolicyEvaluator.permissionsOf(p, c, this));
        });
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
    public MembershipStore.LinksAndGroups linksAndGroupsOf(String login,
            Collection<String> customerIds, Collection<String> alsoGroups) {
        return memberships.linksAndGroupsOf(login, customerIds, alsoGroups);
    }

    @Override
    public List<Membership> linksTo(String group) {
        return memberships.linksTo(group);
    }
}
