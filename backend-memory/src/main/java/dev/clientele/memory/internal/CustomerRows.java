package dev.clientele.memory.internal;

import dev.clientele.CustomerField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The keys the store indexes a {@link CustomerRow} by: a field's value lower-cased ({@link Locale#ROOT}); for a
 * stored (stripped) login, email or customer ID that is {@link dev.clientele.spi.Keys#of}. The indexes hold no key
 * strings: {@link #compareKey}, {@link #equalsKey}, {@link #startsWithKey} and {@link #hashKey} read the key from the
 * value without making it, character by character while the characters are Latin-1 (each lower-cases on its own,
 * into Latin-1), and agree with {@code String}'s methods on the lower-cased value; from the first other character on
 * (where lower-casing may change the length or depend on context) they lower-case the value.
 */
final class CustomerRows {
    static final int LOGIN = CustomerField.LOGIN.ordinal();

    private CustomerRows() {
    }

    /** The field's key (its value lower-cased), or {@code null}. */
    static @Nullable String key(CustomerRow row, int field) {
        String v = row.value(field);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** The sign of {@code key(row, field).compareTo(key)}; the field must not be {@code null}. */
    static int compareKey(CustomerRow row, int field, String key) {
        String v = row.value(field);
        int n = Math.min(v.length(), key.length());
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c > 0xff) {
                return v.toLowerCase(Locale.ROOT).compareTo(key);
            }
            char a = Character.toLowerCase(c);
            char b = key.charAt(i);
            if (a != b) {
                return a - b;
            }
        }
        if (v.length() > n) {
            return 1; // a non-empty rest lower-cases to a non-empty rest
        }
        return v.length() - key.length();
    }

    /** The sign of {@code key(a, field).compareTo(key(b, field))}; neither may be {@code null}. */
    static int compareKeys(CustomerRow a, CustomerRow b, int field) {
        String x = a.value(field);
        String y = b.value(field);
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char cx = x.charAt(i);
            char cy = y.charAt(i);
            if (cx > 0xff || cy > 0xff) {
                return x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
            }
            char lx = Character.toLowerCase(cx);
            char ly = Character.toLowerCase(cy);
            if (lx != ly) {
                return lx - ly;
            }
        }
        if (x.length() != y.length()) {
            String longer = x.length() > n ? x : y;
            for (int i = n; i < longer.length(); i++) {
                if (longer.charAt(i) > 0xff) {
                    return x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
                }
            }
        }
        return x.length() - y.length();
    }

    /** {@code key(row, field).equals(key)}; false for a {@code null} field. */
    static boolean equalsKey(CustomerRow row, int field, String key) {
        String v = row.value(field);
        return v != null && matches(v, key, true);
    }

    /** {@code key(row, field).startsWith(prefix)}; false for a {@code null} field. */
    static boolean startsWithKey(CustomerRow row, int field, String prefix) {
        String v = row.value(field);
        return v != null && matches(v, prefix, false);
    }

    /** {@code lowercase(v).equals(key)}, or {@code startsWith(key)} when not {@code whole}. */
    private static boolean matches(String v, String key, boolean whole) {
        int len = v.length();
        int n = key.length();
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            if (c > 0xff) {
                String lower = v.toLowerCase(Locale.ROOT);
                return whole ? lower.equals(key) : lower.startsWith(key);
            }
            if (i == n) {
                return !whole; // a Latin-1 prefix of the key's length matched, with more after it
            }
            if (Character.toLowerCase(c) != key.charAt(i)) {
                return false;
            }
        }
        return len == n;
    }

    /** {@code key(row, field).hashCode()}; the field must not be {@code null}. */
    static int hashKey(CustomerRow row, int field) {
        String v = row.value(field);
        int hash = 0;
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c > 0xff) {
                return v.toLowerCase(Locale.ROOT).hashCode();
            }
            hash = 31 * hash + Character.toLowerCase(c);
        }
        return hash;
    }
}
