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
        if (value == null) {
            return null;
        }
        return isKey(value) ? value : value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * True if the value is its own key: printable ASCII without capitals, nothing to strip at either end. The
     * common case on every lookup, answered without allocating; anything else goes through strip and lower-case.
     */
    private static boolean isKey(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) <= ' ' || value.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x7f || c < ' ' || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** True if both values have the same key. */
    public static boolean same(@Nullable String a, @Nullable String b) {
        return a == null ? b == null : b != null && of(a).equals(of(b));
    }
}
