package dev.clientele;

import java.util.Locale;

/**
 * Whether a customer, company or group is in use. Customers are invalidated, not deleted: tickets refer to them.
 * Only {@link #VALID} grants anything.
 *
 * <p>As text (configuration, fixtures, CSV, directory attributes, the CLI) a validity is its {@link #key()}:
 * {@code valid}, {@code invalid} or {@code invalid-temporarily}; {@link #parse(String)} reads it back.
 */
public enum Validity {
    VALID,
    INVALID,
    INVALID_TEMPORARILY;

    public boolean isValid() {
        return this == VALID;
    }

    /**
     * Parses a {@link #key()} in any case, {@code _} accepted for {@code -} ({@code INVALID_TEMPORARILY} is
     * {@link #name()}), and OTRS's {@code valid_id} values {@code 1}, {@code 2} and {@code 3}.
     *
     * @throws ValidationException for anything else, blank and {@code null} included, quoting the text
     */
    public static Validity parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (t) {
            case "valid": case "1":
                return VALID;
            case "invalid": case "2":
                return INVALID;
            case "invalid-temporarily": case "3":
                return INVALID_TEMPORARILY;
            default:
                throw ValidationException.ofArgument("validity",
                        "must be valid, invalid or invalid-temporarily, was '" + text + "'");
        }
    }

    /** {@code valid}, {@code invalid} or {@code invalid-temporarily}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
