package dev.clientele;

import java.util.List;
import java.util.Optional;

/**
 * One page of every customer, in login order (case-insensitively), from
 * {@link CustomerDirectory#customers(String, int, boolean)}: a list screen's page. The next page is the one after
 * {@link #nextAfter()}.
 *
 * @param customers   at most the size asked for, ordered by login key
 * @param morePages   true when customers follow the last one of this page
 */
public record CustomerPage(List<Customer> customers, boolean morePages) {
    public CustomerPage {
        customers = List.copyOf(customers);
        if (morePages && customers.isEmpty()) {
            throw new IllegalArgumentException("an empty page cannot have pages after it");
        }
    }

    /** The login to ask the next page after: that of this page's last customer, when more pages follow. */
    public Optional<String> nextAfter() {
        return morePages ? Optional.of(customers.get(customers.size() - 1).login()) : Optional.empty();
    }

    public int size() {
        return customers.size();
    }
}
