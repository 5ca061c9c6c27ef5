package dev.clientele;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input was rejected. {@link #errors()} lists <em>every</em> bad field (field name to message), so a user
 * interface can highlight all of them at once. Nothing was written when this is thrown.
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
