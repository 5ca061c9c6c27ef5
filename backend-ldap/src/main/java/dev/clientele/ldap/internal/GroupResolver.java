package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in which directory group, for the {@code group-type} of the settings: groups that list their members
 * ({@code groupOfNames}, {@code groupOfUniqueNames} by DN, {@code posixGroup} by login value), or Active Directory's
 * {@code memberOf} — with nested groups resolved by the server through the in-chain matching rule
 * ({@value GroupType#IN_CHAIN_RULE}), one search instead of a walk over the group tree.
 */
public final class GroupResolver {
    private static final Logger LOG = LoggerFactory.getLogger(GroupResolver.class);
    private static final String[] NO_ATTRIBUTES = {"1.1"};

    private final GroupSettings settings;
    private final DN customerBase;
    private final LdapConnections ldap;
    private final LdapSearches searches;
    private final CustomerMapper mapper;
    private final GroupType type;

    /** {@code customerBase}: the base DN of customers, where members must be to count. */
    public GroupResolver(GroupSettings settings, DN customerBase, LdapConnections ldap, CustomerMapper mapper) {
        this.settings = settings;
        this.customerBase = customerBase;
        this.ldap = ldap;
        this.searches = ldap.searches();
        this.mapper = mapper;
        this.type = settings.type();
    }

    /** The filter that finds the groups a user entry is in (directly, or also through nested groups). */
    public Filter groupsOfFilter(Entry user) {
        Filter member;
        switch (type) {
            case POSIX_GROUP:
                member = Filter.createEqualityFilter(type.memberAttribute(), mapper.loginOf(user));
                break;
            case MEMBER_OF:
                member = settings.nested()
                        ? Filter.createExtensibleMatchFilter(type.memberAttribute(), GroupType.IN_CHAIN_RULE, false,
                                user.getDN())
                        : Filter.createEqualityFilter(type.memberAttribute(), user.getDN());
                break;
            default:
                member = Filter.createEqualityFilter(type.memberAttribute(), user.getDN());
        }
        return Filter.createANDFilter(Filter.createEqualityFilter("objectClass", type.objectClass()), member);
    }

    /** The DNs of the groups a user entry is in. */
    public Set<DN> groupsOf(Entry user) {
        Set<DN> out = new LinkedHashSet<>();
        if (type == GroupType.MEMBER_OF && !settings.nested()) {
            SearchResultEntry e = ldap.read("read the groups of " + user.getDN(),
                    pool -> pool.getEntry(user.getDN(), "memberOf"));
            String[] values = e == null ? null : e.getAttributeValues("memberOf");
            if (values != null) {
                for (String v : values) {
                    dn(v, out);
                }
            }
            return out;
        }
        searches.search(settings.baseDn(), SearchScope.SUB, groupsOfFilter(user), NO_ATTRIBUTES, g -> {
            dn(g.getDN(), out);
            return true;
        });
        return out;
    }

    /**
     * True if the user with this entry DN and login value is a member of the group (through nested groups too, when
     * so configured): one base search, on the group or (memberOf) on the user's entry.
     */
    public boolean isMember(String userDn, String loginValue, DN group) {
        String base;
        Filter filter;
        switch (type) {
            case POSIX_GROUP:
                base = group.toString();
                filter = Filter.createEqualityFilter(type.memberAttribute(), loginValue);
                break;
            case MEMBER_OF:
                base = userDn;
                filter = settings.nested()
                        ? Filter.createExtensibleMatchFilter("memberOf", GroupType.IN_CHAIN_RULE, false,
                                group.toString())
                        : Filter.createEqualityFilter("memberOf", group.toString());
                break;
            default:
                base = group.toString();
                filter = Filter.createEqualityFilter(type.memberAttribute(), userDn);
        }
        boolean[] found = {false};
        searches.search(dn(base), SearchScope.BASE, filter, NO_ATTRIBUTES, e -> {
            found[0] = true;
            return false;
        });
        return found[0];
    }

    /** The login values of the members of a group (through nested groups too, when so configured). */
    public List<String> membersOf(DN group) {
        List<String> logins = new ArrayList<>();
        if (type == GroupType.MEMBER_OF) {
            Filter f = settings.nested()
                    ? Filter.createExtensibleMatchFilter("memberOf", GroupType.IN_CHAIN_RULE, false, group.toString())
                    : Filter.createEqualityFilter("memberOf", group.toString());
            searches.search(customerBase, SearchScope.SUB, mapper.customersAnd(f),
                    new String[] {mapper.loginAttribute()}, e -> {
                        String l = mapper.loginOf(e);
                        if (l != null) {
                            logins.add(l);
                        }
                        return true;
                    });
            return logins;
        }
        SearchResultEntry g = ldap.read("read group " + group, pool -> pool.getEntry(group.toString(),
                type.memberAttribute()));
        String[] members = g == null ? null : g.getAttributeValues(type.memberAttribute());
        if (members == null) {
            return logins;
        }
        if (type == GroupType.POSIX_GROUP) {
            logins.addAll(List.of(members));
            return logins;
        }
        for (String member : members) {
            // uniqueMember may carry an optional UID after '#'.
            String memberDn = type == GroupType.GROUP_OF_UNIQUE_NAMES && member.contains("#")
                    ? member.substring(0, member.lastIndexOf('#')) : member;
            DN m = dn(memberDn);
            if (m == null || !m.isDescendantOf(customerBase, true)) {
                continue;
            }
            searches.search(m, SearchScope.BASE, mapper.customers(), new String[] {mapper.loginAttribute()}, e -> {
                String l = mapper.loginOf(e);
                if (l != null) {
                    logins.add(l);
                }
                return false;
            });
        }
        return logins;
    }

    private static DN dn(String value) {
        try {
            return new DN(value);
        } catch (LDAPException e) {
            LOG.debug("Ignoring a group member that is not a DN: {}", value);
            return null;
        }
    }

    private static void dn(String value, Set<DN> out) {
        DN d = dn(value);
        if (d != null) {
            out.add(d);
        }
    }
}
