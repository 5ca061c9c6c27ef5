package dev.clientele;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input was rejected. {@link #errors()} lists <em>every</em> bad field (field name to message), so a user
 * interface can highlight all of them at once. Nothing was written when this is thrown.
 *
 * <p>This is also the one type for a bad argument of a public method or builder (a blank login, a batch size out
 * of range, a permission that is not {@code ro} or {@code rw}, ...): see {@link #ofArgument(String, String)}.
 * Clientele's public API does not throw {@link IllegalArgumentException} or {@link NullPointerException} for
 * bad input.
 */
public class ValidationException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> errors;

    public ValidationException(String what, Map<String, String> errors) {
        super(render(what, errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** For subclasses that word their own message (the errors still name each bad field or entry). */
    protected ValidationException(String message, Map<String, String> errors, Throwable cause) {
        super(message, cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    private ValidationException(String argument, String problem, boolean unused) {
        super(argument + " " + problem);
        this.errors = Map.of(argument, problem);
    }

    /**
     * A bad argument: {@link #errors()} maps {@code argument} to {@code problem}, and the message is the two joined
     * by a space, e.g. {@code ofArgument("batchSize", "must be between 1 and 10000, was 0")} reads
     * "batchSize must be between 1 and 10000, was 0".
     *
     * @param argument the parameter or builder property, as the caller knows it
     * @param problem  what is wrong with it, a predicate a person can read ("is required", "must not be negative")
     */
    public static ValidationException ofArgument(String argument, String problem) {
        return new ValidationException(argument, problem, true);
    }

    /** Field name (as in {@link CustomerField#key()} for customers) to a message a person can read. */
    public Map<String, String> errors() {
        return errors;
    }

    private static String render(String what, Map<String, String> errors) {
        return "invalid " + what + ": " + errors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
