package dev.clientele.internal;

import dev.clientele.ValidationException;
import java.util.Map;

/** The checks of the directory's arguments: a bad one is a {@link ValidationException} naming it. */
final class Args {
    private Args() {
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("argument", Map.of(field, "is required"));
        }
    }
}
