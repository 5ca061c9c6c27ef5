package dev.clientele;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A permission on a group (and so on its queues). {@link #RW} implies {@link #RO}. */
public enum Permission {
    /** Read only: see tickets in the group's queues. */
    RO,
    /** Read and write: also create and answer tickets. Implies {@link #RO}. */
    RW;

    /** True if holding this permission gives {@code required}. */
    public boolean implies(Permission required) {
        return this.compareTo(required) >= 0;
    }

    /** The stronger of two permissions; {@code null} counts as none. */
    public static @Nullable Permission strongest(@Nullable Permission a, @Nullable Permission b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Parses {@code ro} or {@code rw}, in any case.
     *
     * @throws ValidationException naming {@code permission} for anything else
     */
    public static Permission parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "ro":
                return RO;
            case "rw":
                return RW;
            default:
                throw ValidationException.ofArgument("permission", "must be 'ro' or 'rw', not '" + text + "'");
        }
    }

    /** {@code ro} or {@code rw}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
