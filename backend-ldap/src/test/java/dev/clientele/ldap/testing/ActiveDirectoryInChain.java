package dev.clientele.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the in-memory server answer Active Directory's in-chain matching rule (1.2.840.113556.1.4.1941), which it
 * cannot evaluate, the way Active Directory does: before a search runs, each in-chain component is replaced by what
 * it means on the server's current data —
 * <ul>
 *   <li>{@code (member:1.2.840.113556.1.4.1941:=X)}: the groups X is in, directly or through groups in groups,
 *       becomes {@code (|(member=X)(member=G1)...)};</li>
 *   <li>{@code (memberOf:1.2.840.113556.1.4.1941:=G)}: entries in G or in a group nested in G, becomes
 *       {@code (|(memberOf=G)(memberOf=N1)...)}.</li>
 * </ul>
 * Every filter that used the rule is recorded as the client sent it.
 */
public final class ActiveDirectoryInChain extends InMemoryOperationInterceptor {
    public static final String IN_CHAIN = "1.2.840.113556.1.4.1941";

    private final List<String> inChainFilters = new CopyOnWriteArrayList<>();
    private volatile InMemoryDirectoryServer server;

    /** Gives the interceptor the server whose data it expands (after the server was made). */
    public void serve(InMemoryDirectoryServer s) {
        this.server = s;
    }

    /** The filters sent with the in-chain rule, as the client sent them. */
    public List<String> inChainFilters() {
        return inChainFilters;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        Filter sent = request.getRequest().getFilter();
        if (!usesInChain(sent)) {
            return;
        }
        inChainFilters.add(sent.toString());
        SearchRequest changed = request.getRequest().duplicate();
        changed.setFilter(expand(sent));
        request.setRequest(changed);
    }

    private static boolean usesInChain(Filter f) {
        if (f.getFilterType() == Filter.FILTER_TYPE_EXTENSIBLE_MATCH) {
            return IN_CHAIN.equals(f.getMatchingRuleID());
        }
        for (Filter c : f.getComponents()) {
            if (usesInChain(c)) {
                return true;
            }
        }
        return f.getNOTComponent() != null && usesInChain(f.getNOTComponent());
    }

    private Filter expand(Filter f) throws LDAPException {
        switch (f.getFilterType()) {
            case Filter.FILTER_TYPE_AND:
            case Filter.FILTER_TYPE_OR: {
                List<Filter> parts = new ArrayList<>();
                for (Filter c : f.getComponents()) {
                    parts.add(expand(c));
                }
                return f.getFilterType() == Filter.FILTER_TYPE_AND ? Filter.createANDFilter(parts)
                        : Filter.createORFilter(parts);
            }
            case Filter.FILTER_TYPE_NOT:
                return Filter.createNOTFilter(expand(f.getNOTComponent()));
            case Filter.FILTER_TYPE_EXTENSIBLE_MATCH:
                if (!IN_CHAIN.equals(f.getMatchingRuleID())) {
                    return f;
                }
                String attr = f.getAttributeName();
                String value = f.getAssertionValue();
                Set<String> values = "memberOf".equalsIgnoreCase(attr) ? nestedIn(value) : containing(value);
                List<Filter> any = new ArrayList<>();
                for (String v : values) {
                    any.add(Filter.createEqualityFilter(attr, v));
                }
                return Filter.createORFilter(any);
            default:
                return f;
        }
    }

    /** {@code dn} and every group it is in, directly or not: what (member in-chain dn) matches through. */
    private Set<String> containing(String dn) throws LDAPException {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(dn));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (!out.add(new DN(next).toNormalizedString())) {
                continue;
            }
            for (SearchResultEntry g : server.search(server.getBaseDNs().get(0).toString(), SearchScope.SUB,
                    Filter.createEqualityFilter("member", next), "1.1").getSearchEntries()) {
                todo.push(g.getDN());
            }
        }
        return out;
    }

    /** {@code group} and every group nested in it: what (memberOf in-chain group) matches through. */
    private Set<String> nestedIn(String group) throws LDAPException {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(group));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (!out.add(new DN(next).toNormalizedString())) {
                continue;
            }
            SearchResultEntry g = server.getEntry(next, "member", "objectClass");
            if (g == null || !g.hasObjectClass("group") || g.getAttributeValues("member") == null) {
                continue;
            }
            for (String member : g.getAttributeValues("member")) {
                todo.push(member);
            }
        }
        return out;
    }
}
