package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only customer links from directory groups: a member of a directory group named in {@code group-map} gets the
 * Clientele groups and permissions mapped to it. Only customer links (no company links); groups not in the map are
 * ignored. Local links of another back-end add to these (the directory's memberships role is a union).
 */
public final class LdapMembershipStore implements MembershipStore {
    private final SettingsOrigin origin;
    private final Map<DN, List<GroupSettings.Grant>> groupMap;
    private final LdapCustomerStore customers;
    private final CustomerMapper mapper;
    private final GroupResolver groups;

    /** {@code groupMap}: directory group DN to the Clientele groups its members get (not empty). */
    public LdapMembershipStore(SettingsOrigin origin, Map<DN, List<GroupSettings.Grant>> groupMap,
            LdapCustomerStore customers, CustomerMapper mapper, GroupResolver groups) {
        this.origin = origin;
        this.groupMap = groupMap;
        this.mapper = mapper;
        this.customers = customers;
        this.groups = groups;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public List<Membership> linksOf(String login, Collection<String> customerIds) {
        if (login == null) {
            return List.of(); // only companies asked: a directory holds no company links
        }
        Optional<SearchResultEntry> user = customers.entryOf(login);
        if (user.isEmpty()) {
            return List.of();
        }
        String stored = mapper.loginOf(user.get());
        Map<String, Membership> byGroup = new LinkedHashMap<>();
        for (DN dn : groups.groupsOf(user.get())) {
            for (GroupSettings.Grant grant : groupMap.getOrDefault(dn, List.of())) {
                add(byGroup, Membership.customer(stored, grant.group(), grant.permission()));
            }
        }
        return List.copyOf(byGroup.values());
    }

    /** One link per group: the strongest permission any directory group gives. */
    private static void add(Map<String, Membership> byGroup, Membership m) {
        byGroup.merge(Keys.of(m.group()), m, (a, b) -> Permission.strongest(a.permission(), b.permission())
                == a.permission() ? a : b);
    }

    @Override
    public List<Membership> linksTo(String group) {
        Map<String, Membership> byLogin = new LinkedHashMap<>();
        groupMap.forEach((dn, grants) -> {
            for (GroupSettings.Grant grant : grants) {
                if (!Keys.same(grant.group(), group)) {
                    continue;
                }
                for (String login : groups.membersOf(dn)) {
                    Membership m = Membership.customer(login, grant.group(), grant.permission());
                    byLogin.merge(Keys.of(login), m, (a, b) -> Permission.strongest(a.permission(),
                            b.permission()) == a.permission() ? a : b);
                }
            }
        });
        return new ArrayList<>(byLogin.values());
    }

    private ReadOnlyBackendException readOnlyFailure() {
        return new ReadOnlyBackendException(origin.name(), "change group links (directory groups are read-only; "
                + "store links in a local back-end)");
    }

    @Override
    public void put(Membership membership) {
        throw readOnlyFailure();
    }

    @Override
    public boolean remove(Membership membership) {
        throw readOnlyFailure();
    }

    @Override
    public int removeAll(Membership.Kind kind, String subject) {
        throw readOnlyFailure();
    }
}
