package dev.clientele.spi;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import java.util.List;
import java.util.Set;

/**
 * A search as a store receives it: already parsed and normalised by the directory. A store returns exactly the
 * customers for which {@link #matches(Customer)} is true, in {@code Keys.of(login)} order, at most
 * {@link #fetchLimit()}; it may use {@link SearchTerm#literalPrefix()} or {@link SearchTerm#toLikePattern(char)}
 * to use an index.
 *
 * @param terms      all must match (AND); empty matches every customer
 * @param fields     a term matches when one of these fields matches it
 * @param validOnly  only customers whose validity is VALID
 * @param fetchLimit the most a store returns (the query's limit plus one, so that "more results" can be told)
 */
public record CustomerSearch(List<SearchTerm> terms, Set<CustomerField> fields, boolean validOnly, int fetchLimit) {

    public CustomerSearch {
        terms = List.copyOf(terms);
        fields = Set.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one field");
        }
        if (fetchLimit < 1) {
            throw new IllegalArgumentException("fetchLimit must be positive");
        }
    }

    /** The rule: valid (if asked) and every term matched by at least one field. */
    public boolean matches(Customer customer) {
        if (validOnly && !customer.isValid()) {
            return false;
        }
        for (SearchTerm term : terms) {
            if (!matchesAnyField(term, customer)) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesAnyField(SearchTerm term, Customer customer) {
        for (CustomerField f : fields) {
            String v = f.get(customer);
            if (v != null && term.matches(v)) {
                return true;
            }
        }
        return false;
    }
}
