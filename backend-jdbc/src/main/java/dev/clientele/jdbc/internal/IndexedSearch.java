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
 * How a search reaches the indexes on H2. The one statement of {@code JdbcCustomerStore.searchQuery} ANDs the terms,
 * each an OR of {@code LIKE}s over the searched columns: H2 uses no index for an OR across columns, so it walks the
 * primary key in login order and tests every row until the limit — cheap for a term most rows match, but a term fewer
 * rows match than the limit reads all of them (46 ms at 100,000 customers for one rare term, 200-250 ms for
 * {@code first12 last1*}). H2 has no statistics to choose between that walk and the columns' indexes (PostgreSQL
 * chooses: a bitmap of the indexes for a rare term), so this plan chooses:
 * <ul>
 *   <li>Several terms: the candidates of one term — the one with the longest literal prefix — are collected first,
 *       by one prefix range per searched column, each an index seek (a {@code >=}/{@code <} range: H2 plans a
 *       {@code LIKE} with a parameter as a scan), merged in login order; then the rows of those candidates are read in
 *       login order with every term applied, a chunk of {@value #CHUNK} at a time, until the limit.</li>
 *   <li>One term: the one statement over the head of the table first — the first {@link #window} rows in login
 *       order, bounded by the login key at that position (kept for a minute) — which a common term fills; if it does
 *       not, the rest of the table is walked on when the head held at least a quarter of the limit (the term is
 *       dense: the walk ends soon), else read through the term's candidates, as for several terms.</li>
 * </ul>
 * Only when every searched column has an index (the default search fields), the chosen term has a literal prefix, and
 * the candidates are at most {@value #MAX_CANDIDATES} (more: the one statement is cheaper than reading them in chunks);
 * otherwise the one statement runs as before. The rows, and so the rule, are the same either way: each step is the one
 * statement, restricted to a range of login keys or to the candidates' keys.
 */
final class IndexedSearch {
    /** The customer columns with an index of their own (see the schema migrations). */
    static final Set<CustomerField> INDEXED = EnumSet.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
    /** More candidates than this: the one statement is cheaper than reading them in chunks. */
    static final int MAX_CANDIDATES = 20_000;
    /** Candidates per statement of the second step. */
    static final int CHUNK = 500;

    /** How long the bound of the head of the table is kept (one minute). */
    static final long BOUND_TTL_NANOS = 60_000_000_000L;

    private IndexedSearch() {
    }

    /** The term to collect the candidates of, when this plan applies to the search. */
    static Optional<SearchTerm> seed(CustomerSearch search) {
        if (!INDEXED.containsAll(search.fields()) || search.fields().isEmpty()) {
            return Optional.empty();
        }
        return search.terms().stream().filter(t -> !t.literalPrefix().isEmpty())
                .max(Comparator.comparingInt(t -> t.literalPrefix().length()));
    }

    /**
     * The rows of the head of the table a one-term search walks first: 4 times its fetch limit, at least 1,000 — so
     * that a term matching a quarter of the rows or more fills the limit there.
     */
    static int window(int fetchLimit) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1_000L, 4L * fetchLimit));
    }

    /**
     * The statements of the candidates: one per searched column, the login keys whose value in that column matches
     * the seed term (read from the range of its literal prefix), at most {@link #MAX_CANDIDATES} + 1 each (public for
     * the EXPLAIN tests). Separate plain selects, not one {@code UNION}: H2 keeps only plain selects in its statement cache, and it parsed and
     * planned a union of five parts on every execution (5 ms), then took 5 µs a row to merge it.
     */
    static List<Map.Entry<String, List<Object>>> candidatesQueries(Mapping m, CustomerSearch search,
            SearchTerm seed, char escape) {
        // The prefix's range for the index (H2 plans LIKE with a parameter as a scan), the term's LIKE for the rule:
        // one term's candidates are then exactly its matches.
        String prefix = seed.literalPrefix();
        String pattern = seed.toLikePattern(escape);
        Optional<String> above = firstAfterPrefix(prefix);
        List<Map.Entry<String, List<Object>>> out = new ArrayList<>();
        for (CustomerField f : new TreeSet<>(search.fields())) {
            String col = m.searchColumn(f);
            String sql = "SELECT " + m.loginKey() + " FROM " + m.customers() + " WHERE " + col + " >= ?"
                    + (above.isPresent() ? " AND " + col + " < ?" : "") + " AND " + col + " LIKE ? ESCAPE '" + escape
                    + "'";
            List<Object> params = new ArrayList<>();
            params.add(prefix);
            above.ifPresent(params::add);
            params.add(pattern);
            if (search.validOnly()) {
                sql += " AND " + m.validity() + " = ?";
                params.add(Validity.VALID.name());
            }
            params.add(MAX_CANDIDATES + 1);
            out.add(Map.entry(sql + " LIMIT ?", List.copyOf(params)));
        }
        return out;
    }

    /**
     * The least string above every string that starts with {@code prefix}, in UTF-16 code-unit order (H2's): the
     * prefix with its last char that is not U+FFFF incremented and what follows it dropped; empty when there is none
     * (the prefix is all U+FFFF). A {@code <=} of the prefix followed by U+FFFF would leave out a value that goes on
     * after such a char.
     */
    static Optional<String> firstAfterPrefix(String prefix) {
        int i = prefix.length() - 1;
        while (i >= 0 && prefix.charAt(i) == Character.MAX_VALUE) {
            i--;
        }
        return i < 0 ? Optional.empty() : Optional.of(prefix.substring(0, i) + (char) (prefix.charAt(i) + 1));
    }
}
