package dev.clientele;

import java.util.List;

/**
 * The customers a search found, in a stable order (by login, case-insensitively), at most the query's limit.
 *
 * @param customers   the customers found
 * @param moreResults true when more customers matched than the limit allowed
 */
public record SearchResult(List<Customer> customers, boolean moreResults) {
    public SearchResult {
        customers = List.copyOf(customers);
    }

    public int size() {
        return customers.size();
    }
}
