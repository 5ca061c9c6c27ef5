package dev.clientele.spi;

import java.util.Arrays;
import java.util.Locale;
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
}
