package dev.clientele.spi;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the values of configuration keys; messages say what was expected and never name the key (callers do). */
public final class Values {
    private Values() {
    }

    /** {@code true/yes/on} or {@code false/no/off}, any case. */
    public static boolean bool(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw new IllegalArgumentException("must be true or false, was '" + text + "'");
        }
    }

    /** A whole number within {@code [min, max]}. */
    public static int integer(String text, int min, int max) {
        return (int) whole(text, min, max);
    }

    /** A whole number within {@code [min, max]}, as a {@code long}. */
    public static long whole(String text, long min, long max) {
        long i;
        try {
            i = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, was '" + text + "'", e);
        }
        if (i < min || i > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", was " + i);
        }
        return i;
    }

    /**
     * The value whose name ({@code name}) is {@code text}, ignoring case and surrounding white space.
     *
     * @throws IllegalArgumentException listing the names, for any other text
     */
    public static <E> E oneOf(String text, E[] values, Function<E, String> name) {
        String t = text == null ? "" : text.strip();
        for (E v : values) {
            if (name.apply(v).equalsIgnoreCase(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.stream(values).map(name)
                .collect(Collectors.joining(", ")) + ", was '" + t + "'");
    }

    /**
     * The name among {@code known} that {@code typed} most likely misspells, for a "did you mean" hint: one that ends
     * in the same last segment (after a {@code .} or {@code -}: {@code clientele.polcy.group-support} means
     * {@code clientele.policy.group-support}), else the nearest by edit distance (letters inserted, removed,
     * replaced or swapped), at most 1 for short names and a third of the length for longer ones; empty when none is
     * that close. The one rule for every unknown setting, of the directory and of each back-end.
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        String last = t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('-')) + 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (!last.isEmpty() && !k.equals(t) && (k.endsWith("." + last) || k.endsWith("-" + last))
                    && k.length() > last.length() + 1) {
                return Optional.of(k);
            }
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, t.length() / 3);
        return bestDistance > 0 && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The hint {@code " (did you mean NAME?)"} for {@link #closest}, or {@code ""} when no known name is close. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
