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

    /**
     * True if no stored value can equal or contain this one: validation refuses control characters in every field,
     * so a lookup or search term holding one (a NUL, which PostgreSQL cannot even take as a parameter) matches
     * nothing, and no store is asked.
     */
    static boolean unstorable(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }
}
