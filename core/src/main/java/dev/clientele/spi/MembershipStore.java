package dev.clientele.spi;

import dev.clientele.Group;
import dev.clientele.Membership;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stored links of customers and companies to groups. A link is identified by (kind, subject key, group key,
 * context); storing one with the same identity replaces its permission.
 */
public interface MembershipStore {

    boolean readOnly();

    /**
     * True if this store keeps links of customers in the {@link dev.clientele.PermissionContext#OTHER_CUSTOMER_IDS}
     * context. Znuny's tables keep that context for companies only: a store over them says false, and refuses such
     * a link with {@link dev.clientele.BackendRefusedException}. Links of companies in either context are kept by
     * every store.
     */
    default boolean keepsOtherContextOfCustomers() {
        return true;
    }

    /**
     * Every link that can concern one customer: those of the login and those of the given companies (the
     * customer's customer ID and additional IDs), in one call — a store should answer it in one round trip.
     * {@code login} is {@code null} when only the companies' links are asked for.
     * Order: unspecified but stable; the directory does not depend on it.
     */
    List<Membership> linksOf(@Nullable String login, Collection<String> customerIds);

    /**
     * {@link #linksOf} together with the stored groups, as {@code groups} holds them, that those links name or that
     * {@code alsoGroups} names, and the validity of the stored companies among {@code customerIds}: what a permission
     * evaluation reads (the policy's always-groups are the also-groups). A store that holds those groups and
     * companies itself should answer in one round trip (a join). The default reads the links, then all those groups
     * with one {@link GroupStore#findAll}, then the companies with one {@link CompanyStore#findAll}.
     *
     * @param alsoGroups names of groups wanted whether or not a link names them
     * @param groups     the directory's group store, the one whose groups count
     * @param companies  the directory's company store, whose companies count; {@code null} when there is none
     */
    default LinksAndGroups linksAndGroupsOf(@Nullable String login, Collection<String> customerIds,
            Collection<String> alsoGroups, GroupStore groups, @Nullable CompanyStore companies) {
        List<Membership> links = linksOf(login, customerIds);
        Set<String> names = new LinkedHashSet<>(alsoGroups);
        links.forEach(m -> names.add(m.group()));
        return new LinksAndGroups(links, names.isEmpty() ? Map.of() : groups.findAll(names),
                companies == null ? null : LinksAndGroups.validity(customerIds, companies));
    }

    /**
     * Links, the stored groups among those asked for, by {@link Keys#of key} (a group asked for, by a link or by
     * name, and missing here does not exist), and the stored companies among those asked for, by key, each with
     * whether it is valid (a company missing here is not stored).
     *
     * @param companies {@code null} when no company store was given
     */
    record LinksAndGroups(List<Membership> links, Map<String, Group> groups, @Nullable Map<String, Boolean> companies) {
        public LinksAndGroups {
            links = List.copyOf(links);
            groups = Map.copyOf(groups);
            companies = companies == null ? null : Map.copyOf(companies);
        }

        /** The validity of the stored companies among {@code customerIds}, by key, in one read. */
        public static Map<String, Boolean> validity(Collection<String> customerIds, CompanyStore companies) {
            if (customerIds.isEmpty()) {
                return Map.of();
            }
            Map<String, Boolean> out = new java.util.HashMap<>();
            companies.findAll(customerIds).forEach((key, company) -> out.put(key, company.isValid()));
            return out;
        }
    }

    /** Every link to this group (customers and companies). */
    List<Membership> linksTo(String group);

    /** Adds the link, or replaces the permission of the link with the same identity. */
    void put(Membership membership);

    /** Removes the link with the same identity as the given one (its permission is ignored); false if none. */
    boolean remove(Membership membership);

    /** Removes every link of a subject (for erasure); returns how many. */
    int removeAll(Membership.Kind kind, String subject);
}
