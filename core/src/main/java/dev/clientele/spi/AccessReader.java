package dev.clientele.spi;

import dev.clientele.Customer;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer and what a permission evaluation reads of it, in one round trip: offered by a back-end whose customer,
 * membership, group and company stores are one database ({@link CustomerBackend#accessReader()}). The directory
 * uses it with the cache off, or on a miss, when those four stores of one back-end are the ones it evaluates with
 * (one customer source); otherwise it reads the customer, then {@link MembershipStore#linksAndGroupsOf}. It reads
 * nothing the two calls would not: a store offering it answers exactly as they do.
 */
public interface AccessReader {

    /**
     * The customer of the login as the back-end's {@link CustomerStore#findByLogin} finds it, with the back-end's
     * {@link MembershipStore#linksAndGroupsOf}{@code (login, ids, alsoGroups, groups, companies)} over its own group
     * and company stores, where {@code ids} is the customer's customer ID (none if it has none) — not its additional
     * customer IDs, which the directory reads on its own when a customer has some. Empty when no customer has the
     * login.
     */
    Optional<CustomerAndLinks> customerAndLinks(String login, Collection<String> alsoGroups);

    /** A customer and its {@link MembershipStore.LinksAndGroups} as {@link #customerAndLinks} describes them. */
    record CustomerAndLinks(Customer customer, MembershipStore.LinksAndGroups links) {
        public CustomerAndLinks {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(links, "links");
        }
    }
}
