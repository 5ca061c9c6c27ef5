package dev.clientele.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One search term, parsed: literal parts separated by the wildcard {@code *}, compared case-insensitively
 * against a whole field value. A term without {@code *} is a prefix ({@code jo} means {@code jo*}). Every
 * character other than {@code *} is literal — {@code %}, {@code _}, {@code \}, {@code (}, quotes, NUL...
 */
public final class SearchTerm {
    private final String raw;
    private final List<String> parts;
    private final boolean leadingWildcard;
    private final boolean trailingWildcard;

    private SearchTerm(String raw) {
        this.raw = raw;
        String pattern = raw.indexOf('*') < 0 ? raw + "*" : raw;
        this.leadingWildcard = pattern.startsWith("*");
        this.trailingWildcard = pattern.endsWith("*");
        List<String> p = new ArrayList<>();
        for (String s : fold(pattern).split("\\*+")) {
            if (!s.isEmpty()) {
                p.add(s);
            }
        }
        this.parts = List.copyOf(p);
    }

    /**
     * The case fold every search comparison uses (lower-case, root locale). A store that keeps folded copies of
     * fields to search them by index must fold with this. {@code null} folds to {@code null}.
     */
    public static @Nullable String fold(@Nullable String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** Parses a term as typed by a user. */
    public static SearchTerm parse(String term) {
        if (term == null || term.isEmpty()) {
            throw new IllegalArgumentException("a search term must not be empty");
        }
        return new SearchTerm(term);
    }

    /** The term as typed. */
    public String raw() {
        return raw;
    }

    /** The literal parts between wildcards, lower-cased. Empty for a term of only {@code *}. */
    public List<String> parts() {
        return parts;
    }

    public boolean leadingWildcard() {
        return leadingWildcard;
    }

    public boolean trailingWildcard() {
        return trailingWildcard;
    }

    /** True if the term matches every non-null value ({@code *}). */
    public boolean matchesAll() {
        return parts.isEmpty();
    }

    /**
     * The lower-cased literal every matching value starts with; empty when the term starts with {@code *}.
     * A store can serve such a term from an ordered index instead of a scan.
     */
    public String literalPrefix() {
        return leadingWildcard || parts.isEmpty() ? "" : parts.get(0);
    }

    /**
     * True if the term is one literal then {@code *} ({@code jo*}): it matches exactly the values whose
     * {@linkplain #fold fold} starts with {@link #literalPrefix()}, so the range of that prefix in an index of folded
     * values holds every match and nothing else.
     */
    public boolean isPrefix() {
        return !leadingWildcard && trailingWildcard && parts.size() == 1;
    }

    /** The rule: does the whole value match, case-insensitively? */
    public boolean matches(String value) {
        String v = fold(value);
        if (parts.isEmpty()) {
            return true;
        }
        int pos = 0;
        int last = parts.size() - 1;
        for (int i = 0; i <= last; i++) {
            String part = parts.get(i);
            if (i == 0 && !leadingWildcard) {
                if (!v.startsWith(part)) {
                    return false;
                }
                pos = part.length();
                if (last == 0 && !trailingWildcard) {
                    return v.length() == pos;
                }
                continue;
            }
            if (i == last && !trailingWildcard) {
                return v.length() - part.length() >= pos && v.endsWith(part);
            }
            int at = v.indexOf(part, pos);
            if (at < 0) {
                return false;
            }
            pos = at + part.length();
        }
        return true;
    }

    /**
     * The term as an SQL {@code LIKE} pattern for a lower-cased column, with {@code %}, {@code _} and the
     * escape character escaped, for use with {@code ESCAPE 'escape'}.
     */
    public String toLikePattern(char escape) {
        StringBuilder sb = new StringBuilder();
        if (leadingWildcard) {
            sb.append('%');
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append('%');
            }
            for (char c : parts.get(i).toCharArray()) {
                if (c == '%' || c == '_' || c == escape) {
                    sb.append(escape);
                }
                sb.append(c);
            }
        }
        if (trailingWildcard && !(parts.isEmpty() && leadingWildcard)) {
            sb.append('%');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SearchTerm && ((SearchTerm) o).raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
