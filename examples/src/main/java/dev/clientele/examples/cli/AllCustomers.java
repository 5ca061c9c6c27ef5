package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.SearchResult;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every customer of a directory, valid or not, ordered by login.
 *
 * <p>The public API has no paging: a search returns at most 100,000 customers. When there are more, the search is
 * split by login prefix ({@code a}, {@code b}, ... then {@code aa}, {@code ab}, ... where needed), with the
 * characters seen in the logins found plus letters, digits and {@code ._-@+}. A login starting with a character
 * never seen that way could be missed: callers compare the result with the stores' counts.
 */
final class AllCustomers {
    static final int PAGE = 100_000;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789._-@+";

    private AllCustomers() {
    }

    static Map<String, Customer> of(CustomerDirectory d) {
        Map<String, Customer> out = new TreeMap<>();
        SearchResult first = d.search(CustomerQuery.builder().includeInvalid().limit(PAGE).build());
        first.customers().forEach(c -> out.put(dev.clientele.spi.Keys.of(c.login()), c));
        if (first.moreResults()) {
            split(d, "", out);
        }
        return out;
    }

    private static void split(CustomerDirectory d, String prefix, Map<String, Customer> out) {
        Set<Character> next = new TreeSet<>();
        for (char ch : ALPHABET.toCharArray()) {
            next.add(ch);
        }
        for (String login : out.keySet()) {
            if (login.startsWith(prefix) && login.length() > prefix.length()) {
                next.add(login.charAt(prefix.length()));
            }
        }
        for (char ch : next) {
            if (ch == '*' || Character.isWhitespace(ch)) {
                continue;
            }
            String p = prefix + ch;
            SearchResult r = d.search(CustomerQuery.builder().term(p).fields(CustomerField.LOGIN).includeInvalid()
                    .limit(PAGE).build());
            r.customers().forEach(c -> out.put(dev.clientele.spi.Keys.of(c.login()), c));
            if (r.moreResults()) {
                split(d, p, out);
            }
        }
    }
}
