package dev.clientele.spi;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How keys compare: logins, emails, customer IDs and group names are matched case-insensitively. A store indexes
 * by {@code Keys.of(value)} and keeps the value as given. One rule for every back-end.
 */
public final class Keys {
    private Keys() {
    }

    /**
     * The lookup key of a login, email, customer ID or group name: stripped and lower-cased (root locale);
     * {@code null} for {@code null}.
     */
    public static @Nullable String of(@Nullable String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** True if both values have the same key. */
    public static boolean same(@Nullable String a, @Nullable String b) {
        return a == null ? b == null : b != null && of(a).equals(of(b));
    }
}
