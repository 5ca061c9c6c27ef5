package dev.clientele.jdbc.internal;

import dev.clientele.CustomerField;
import dev.clientele.Validity;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a search of several terms reaches the indexes on H2. The one statement of {@code JdbcCustomerStore.searchQuery}
 * ANDs the terms, each an OR of {@code LIKE}s over the searched columns: H2 uses no index for an OR across columns,
 * so it walks the primary key and tests every row, which reads all 100,000 when fewer rows match than the limit
 * (200-250 ms for {@code first12 last1*}). Instead: the candidates of one term — the one with the longest literal
 * prefix — are collected first, by a {@code UNION} of one prefix range per searched column, each an index seek (a
 * {@code >=}/{@code <=} range: H2 plans a {@code LIKE} with a parameter as a scan); then
 * the rows of those candidates are read in login order with every term applied, a chunk of {@value #CHUNK} at a time,
 * until the limit. Only when every searched column has an index (the default search fields), there are at least two
 * terms (one term is a single ordered range already), and the candidates are at most {@value #MAX_CANDIDATES};
 * otherwise the one statement runs as before. The rows, and so the rule, are the same either way: the second step is
 * the one statement, restricted to the candidates' keys.
 */
final class IndexedSearch {
    /** The customer columns with an index of their own (see the schema migrations). */
    static final Set<CustomerField> INDEXED = EnumSet.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
    /** More candidates than this: the one statement is cheaper than reading them in chunks. */
    static final int MAX_CANDIDATES = 20_000;
    /** Candidates per statement of the second step. */
    static final int CHUNK = 500;

    private IndexedSearch() {
    }

    /** The term to collect the candidates of, when this plan applies to the search. */
    static Optional<SearchTerm> seed(CustomerSearch search) {
        if (search.terms().size() < 2 || !INDEXED.containsAll(search.fields()) || search.fields().isEmpty()) {
            return Optional.empty();
        }
        return search.terms().stream().filter(t -> !t.literalPrefix().isEmpty())
                .max(Comparator.comparingInt(t -> t.literalPrefix().length()));
    }

    /**
     * The statement of the first step: the login keys whose value in any searched column starts with the seed's
     * literal prefix, in login-key order, at most {@link #MAX_CANDIDATES} + 1 (public for the EXPLAIN tests).
     */
    static Map.Entry<String, List<Object>> candidatesQuery(Mapping m, CustomerSearch search, SearchTerm seed,
            char escape) {
        // A range for the index (H2 plans LIKE with a parameter as a scan), the LIKE for the exact rule.
        String prefix = seed.literalPrefix();
        String pattern = SearchTerm.parse(prefix + "*").toLikePattern(escape);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (CustomerField f : new TreeSet<>(search.fields())) {
            String col = m.searchColumn(f);
            String part = "SELECT " + m.loginKey() + " AS k FROM " + m.customers() + " WHERE " + col + " >= ? AND "
                    + col + " <= ? AND " + col + " LIKE ? ESCAPE '" + escape + "'";
            params.add(prefix);
            params.add(prefix + Character.MAX_VALUE);
            params.add(pattern);
            if (search.validOnly()) {
                part += " AND " + m.validity() + " = ?";
                params.add(Validity.VALID.name());
            }
            parts.add(part);
        }
        params.add(MAX_CANDIDATES + 1);
        return Map.entry("SELECT k FROM (" + String.join(" UNION ", parts) + ") candidates ORDER BY k LIMIT ?",
                params);
    }
}
