package dev.clientele;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A customer search. Immutable; build with {@link #of(String)} or {@link #builder()}.
 *
 * <p>Semantics, the same for every back-end: the text is split on white space into terms, all of which must match
 * (AND). A term matches a customer when one of the searched fields matches it, case-insensitively; {@code *} is a
 * wildcard for any run of characters and the only special character. A term without {@code *} matches as a
 * prefix ({@code smi} is {@code smi*}); write {@code *smi*} to search inside fields. Only valid customers are
 * returned unless {@link Builder#includeInvalid()}. Results are ordered by login (case-insensitively) and cut at
 * the limit, with {@link SearchResult#moreResults()} telling whether more were found.
 */
public final class CustomerQuery {
    /** The default limit, as in OTRS ({@code CustomerUserSearchListLimit}). */
    public static final int DEFAULT_LIMIT = 250;
    /** The highest limit a query or the directory may have. */
    public static final int MAX_LIMIT = 100_000;
    /** The most terms a query may have: more only cost the stores, no helpdesk search needs them. */
    public static final int MAX_TERMS = 16;
    /** The longest term (in characters): as long as the longest customer field, which no longer term can match. */
    public static final int MAX_TERM_LENGTH = 200;
    /** The most {@code *} wildcards one term may hold: each one multiplies the work of a {@code LIKE} match. */
    public static final int MAX_WILDCARDS = 4;

    private final List<String> terms;
    private final @Nullable Set<CustomerField> fields;
    private final boolean includeInvalid;
    private final @Nullable Integer limit;

    private CustomerQuery(Builder b) {
        this.terms = List.copyOf(b.terms);
        this.fields = b.fields == null ? null : Set.copyOf(b.fields);
        this.includeInvalid = b.includeInvalid;
        this.limit = b.limit;
    }

    /** A search for this text, over the directory's configured fields, valid customers only. */
    public static CustomerQuery of(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The terms, each possibly holding {@code *}; empty means "every customer". */
    public List<String> terms() {
        return terms;
    }

    /** The fields to search; empty means the directory's configured search fields. */
    public Optional<Set<CustomerField>> fields() {
        return Optional.ofNullable(fields);
    }

    public boolean includeInvalid() {
        return includeInvalid;
    }

    /** The limit; empty means the directory's default (250 unless configured). */
    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }

    @Override
    public String toString() {
        return "CustomerQuery[terms=" + terms + ", fields=" + fields + ", includeInvalid=" + includeInvalid
                + ", limit=" + limit + "]";
    }

    /** Builds a {@link CustomerQuery}. */
    public static final class Builder {
        private final List<String> terms = new ArrayList<>();
        private @Nullable Set<CustomerField> fields;
        private boolean includeInvalid;
        private @Nullable Integer limit;

        private Builder() {
        }

        /** Adds the white-space separated terms of this text. */
        public Builder text(String text) {
            if (text == null) {
                throw new ValidationException("query", Map.of("text", "is required"));
            }
            for (String t : text.strip().split("\\s+")) {
                if (!t.isEmpty()) {
                    terms.add(t);
                }
            }
            return this;
        }

        /** Adds one term as it is (it may contain spaces). */
        public Builder term(String term) {
            if (term == null) {
                throw new ValidationException("query", Map.of("term", "is required"));
            }
            if (term.isEmpty()) {
                throw new ValidationException("query", Map.of("term", "must not be empty"));
            }
            terms.add(term);
            return this;
        }

        public Builder fields(CustomerField... fields) {
            return fields(Arrays.asList(fields));
        }

        public Builder fields(Collection<CustomerField> fields) {
            if (fields.isEmpty()) {
                throw new ValidationException("query", Map.of("fields", "must name at least one field"));
            }
            this.fields = EnumSet.copyOf(fields);
            return this;
        }

        public Builder includeInvalid() {
            this.includeInvalid = true;
            return this;
        }

        public Builder includeInvalid(boolean include) {
            this.includeInvalid = include;
            return this;
        }

        /** At most this many customers (1 to 100,000). */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ValidationException("query", Map.of("limit", "must be between 1 and " + MAX_LIMIT + ", was "
                        + limit));
            }
            this.limit = limit;
            return this;
        }

        /**
         * Builds the query.
         *
         * @throws ValidationException for more than {@value #MAX_TERMS} terms, a term longer than
         *         {@value #MAX_TERM_LENGTH} characters or with more than {@value #MAX_WILDCARDS} wildcards — bounds
         *         that keep one search from exhausting a store (the same on every back-end)
         */
        public CustomerQuery build() {
            if (terms.size() > MAX_TERMS) {
                throw new ValidationException("query", Map.of("terms", "must be at most " + MAX_TERMS + ", were "
                        + terms.size()));
            }
            for (String t : terms) {
                if (t.length() > MAX_TERM_LENGTH) {
                    throw new ValidationException("query", Map.of("term", "must be at most " + MAX_TERM_LENGTH
                            + " characters, was " + t.length()));
                }
                long wildcards = t.chars().filter(ch -> ch == '*').count();
                if (wildcards > MAX_WILDCARDS) {
                    throw new ValidationException("query", Map.of("term", "may hold at most " + MAX_WILDCARDS
                            + " '*' wildcards, held " + wildcards));
                }
            }
            return new CustomerQuery(this);
        }
    }
}
