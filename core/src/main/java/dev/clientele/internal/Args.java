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

    /** Longer than any field a lookup can match (logins 200, emails 150, customer IDs 150 characters). */
    static final int MAX_LOOKUP = 1_000;

    /**
     * True if no stored value can equal or contain this one: validation refuses control characters in every field,
     * so a lookup or search term holding one (a NUL, which PostgreSQL cannot even take as a parameter) matches
     * nothing, and no store is asked; nor is a store asked for a value longer than {@value #MAX_LOOKUP} characters
     * (a megabyte-long login would stall a directory server and fill its messages).
     */
    static boolean unstorable(String value) {
        return value != null && (value.length() > MAX_LOOKUP || value.chars().anyMatch(Character::isISOControl));
    }
}
