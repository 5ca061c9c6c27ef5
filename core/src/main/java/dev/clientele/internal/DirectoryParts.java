package dev.clientele.internal;

import dev.clientele.BackendCloseException;
import dev.clientele.internal.CustomerSources.Source;
import dev.clientele.password.PasswordStorage;
import dev.clientele.spi.AccessReader;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.LoginReader;
import dev.clientele.spi.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collaborators of one directory, wired once from what the builder assembled. Who uses whom (each only the ones
 * after it): writes → passwords, memberships; authenticator, passwords → sources; permissions → memberships,
 * catalog, sources; memberships → catalog, sources; everything → cache, events.
 */
record DirectoryParts(DefaultCustomerDirectory.Settings settings, Events events, DirectoryCache cache,
        CustomerSources sources, CompaniesAndGroups catalog, Memberships memberships, Permissions permissions,
        Passwords passwords, Authenticator authenticator, CustomerWrites writes, AccountState accounts,
        Sessions sessions) {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryParts.class);

    static DirectoryParts wire(DefaultCustomerDirectory.Settings s) {
        Map<String, CustomerBackend> b = s.backends();
        Roles roles = s.roles();
        Events events = new Events(s.listeners(), s.clock());
        DirectoryCache cache = new DirectoryCache(ttls(s, roles), s.cacheMaxSize(), s.clock());
        b.values().stream().distinct().forEach(backend -> backend.cacheChannel().ifPresent(cache::join));
        List<Source> chain = new ArrayList<>();
        for (String n : roles.customers()) {
            chain.add(new Source(n, b.get(n), b.get(n).customers().orElseThrow(),
                    s.passwordStorage().getOrDefault(n, PasswordStorage.defaults()).hasher(s.hasher())));
        }
        CustomerSources sources = new CustomerSources(chain, roles.createIn(), cache, s.searchFields(),
                s.searchLimit(), s.uniqueEmail());
        CompaniesAndGroups catalog = new CompaniesAndGroups(roles.companies().flatMap(n -> b.get(n).companies()),
                roles.companies().orElse("?"), roles.groups().flatMap(n -> b.get(n).groups()),
                roles.groups().orElse("?"), cache, events);
        Map<String, CustomerBackend> membershipSources = new LinkedHashMap<>();
        roles.memberships().forEach(n -> membershipSources.put(n, b.get(n)));
        Memberships memberships = new Memberships(membershipSources, sources, catalog, cache, events);
        Sessions sessions = new Sessions(b.values());
        Permissions permissions = new Permissions(s.policy(), sources, catalog, memberships, cache, sessions,
                accessReader(roles, b));
        Optional<StateStore> state = roles.state().flatMap(n -> b.get(n).state());
        Passwords passwords = new Passwords(sources, state, s.passwordPolicy(), s.lockout(),
                s.resetTokenLifetime(), events);
        Authenticator authenticator = new Authenticator(sources, state, s.hasher(), s.lockout(), events, sessions,
                loginReader(roles, b));
        CustomerWrites writes = new CustomerWrites(sources, passwords, memberships, state, cache, events,
                s.customerIdFromEmail());
        AccountState accounts = new AccountState(sources, state, s.lockout(), events);
        return new DirectoryParts(s, events, cache, sources, catalog, memberships, permissions, passwords,
                authenticator, writes, accounts, sessions);
    }

    /**
     * The one-round-trip read of a customer and its links ({@link AccessReader}), when one back-end is the customer
     * source and holds the links, the groups and the companies the directory evaluates with, and offers it.
     */
    private static Optional<AccessReader> accessReader(Roles roles, Map<String, CustomerBackend> b) {
        if (roles.customers().size() != 1) {
            return Optional.empty();
        }
        String n = roles.customers().get(0);
        boolean all = roles.memberships().equals(List.of(n)) && roles.groups().equals(Optional.of(n))
                && roles.companies().equals(Optional.of(n));
        return all ? b.get(n).accessReader() : Optional.empty();
    }

    /**
     * The one-round-trip read of a login attempt ({@link LoginReader}), when one back-end is the customer source,
     * keeps its password hashes and the login state, and offers it.
     */
    private static Optional<LoginReader> loginReader(Roles roles, Map<String, CustomerBackend> b) {
        if (roles.customers().size() != 1) {
            return Optional.empty();
        }
        String n = roles.customers().get(0);
        boolean all = roles.state().equals(Optional.of(n)) && b.get(n).credentials().isPresent();
        return all ? b.get(n).loginReader() : Optional.empty();
    }

    /** The cache TTLs: the directory's, each back-end's own, and the shortest of the policy's back-ends. */
    private static DirectoryCache.Ttls ttls(DefaultCustomerDirectory.Settings s, Roles roles) {
        Map<String, Duration> own = s.backendCacheTtl();
        List<String> policyBackends = new ArrayList<>(roles.memberships());
        roles.groups().ifPresent(policyBackends::add);
        roles.companies().ifPresent(policyBackends::add);
        Duration policy = policyBackends.stream().map(n -> own.getOrDefault(n, s.cacheTtl()))
                .min(Duration::compareTo).orElse(s.cacheTtl());
        return new DirectoryCache.Ttls(s.cacheTtl(), own, policy);
    }

    /** Closes the back-ends the directory opened itself (not those handed in); throws the first failure. */
    void closeOwnedBackends() {
        cache.close();
        BackendCloseException failure = null;
        for (Map.Entry<String, CustomerBackend> e : settings.backends().entrySet()) {
            if (settings.owned().contains(e.getKey())) {
                try {
                    e.getValue().close();
                } catch (RuntimeException ex) {
                    LOG.warn("Closing back-end {} failed: {}", e.getKey(), ex.toString());
                    if (failure == null) {
                        failure = new BackendCloseException(e.getKey(), ex);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
