package dev.clientele.memory;

import dev.clientele.ClienteleException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A fixture file could not be read, parsed or applied. {@link #problems()} lists every problem found, each with its
 * line number and, where one is concerned, its key; the message names the file (or resource) and the lines, e.g.
 * {@code customers.fixture:12: key 'emial': is not a key of a customer block}.
 *
 * <p>Problems of the file itself (syntax, unknown keys, bad values, duplicate blocks, groups that exist neither in
 * the file nor in the directory, customers that exist already) are all found before anything is written. A
 * problem raised by the directory while applying (for example a customer that core's validation rejects) stops
 * loading there; what was applied before it stays.
 */
public class FixtureException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param line    the line (1-based), 0 when not tied to a line (file not found)
     * @param key     the key concerned ({@code email}, {@code groups}...), or {@code null} for a whole line or block
     * @param message what is wrong
     */
    public record Problem(int line, @Nullable String key, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + (key == null ? "" : "key '" + key + "': ") + message;
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public FixtureException(String source, List<Problem> problems, @Nullable Throwable cause) {
        super(render(source, problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a fixture failure needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public FixtureException(String source, int line, @Nullable String key, String message,
            @Nullable Throwable cause) {
        this(source, List.of(new Problem(line, key, message)), cause);
    }

    /** The file or class-path resource, as given to the loader. */
    public String source() {
        return source;
    }

    /** Every problem found, in line order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The line of the first problem (0 when not tied to a line). */
    public int line() {
        return problems.get(0).line();
    }

    /** The key of the first problem, or {@code null} when it concerns a whole line or block. */
    public @Nullable String key() {
        return problems.get(0).key();
    }

    private static String render(String source, List<Problem> problems) {
        if (problems.size() == 1) {
            return where(source, problems.get(0));
        }
        return problems.size() + " problems in fixture " + source + ":" + problems.stream()
                .map(p -> "\n  - " + where(source, p)).collect(Collectors.joining());
    }

    private static String where(String source, Problem p) {
        return source + (p.line() > 0 ? ":" + p.line() : "") + ": "
                + (p.key() == null ? "" : "key '" + p.key() + "': ") + p.message();
    }
}
