package dev.clientele.jdbc.internal.mapped;

import dev.clientele.CustomerField;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The statement of a search on a mapped customer table: each term an OR of {@code LIKE}s over the searchable mapped
 * columns of the searched fields, the terms AND-ed, ordered by login, cut at the fetch limit.
 *
 * @param sql      the statement
 * @param params   its parameters
 * @param widened  true if a term was widened (below), so that the rows must be matched again by core
 */
record MappedSearch(String sql, List<Object> params, boolean widened) {
    private static final char ESCAPE = '\\';

    /**
     * Characters a database's {@code LOWER} may fold differently from core ({@code İ}, {@code ǅ}; PostgreSQL in the C
     * locale folds ASCII only): in a search pattern they become {@code %}, so the SQL is wider than the term, never
     * narrower, and core's own match of the rows keeps the real hits (the LDAP back-end does the same).
     */
    private static final Pattern BEYOND_ASCII = Pattern.compile("[^\\x00-\\x7F]+");

    static MappedSearch of(CustomerSearch search, FieldMap map, String select, String loginColumn) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (search.validOnly()) {
            where.add("cu.valid_id = 1");
        }
        List<String> columns = new ArrayList<>();
        for (CustomerField f : new TreeSet<>(search.fields())) {
            map.column(f).filter(c -> c.has(FieldMap.Flag.SEARCHABLE)).ifPresent(c -> columns.add(c.name()));
        }
        boolean widened = false;
        for (SearchTerm term : search.terms()) {
            List<String> any = new ArrayList<>();
            String pattern = term.toLikePattern(ESCAPE);
            String wide = BEYOND_ASCII.matcher(pattern).replaceAll("%");
            widened |= !wide.equals(pattern);
            for (String col : columns) {
                any.add("LOWER(cu." + col + ") LIKE ? ESCAPE '" + ESCAPE + "'");
                params.add(wide);
            }
            where.add(any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")");
        }
        params.add(search.fetchLimit());
        String sql = select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY LOWER(cu." + loginColumn + ") LIMIT ?";
        return new MappedSearch(sql, List.copyOf(params), widened);
    }
}
