package dev.clientele.internal;

import dev.clientele.ValidationException;

/** The checks of the directory's arguments: a bad one is a {@link ValidationException} naming it. */
final class Args {
    private Args() {
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofArgument(field, "is required");
        }
    }
}
