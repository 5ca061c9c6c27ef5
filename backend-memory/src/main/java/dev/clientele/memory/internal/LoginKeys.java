package dev.clientele.memory.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The login keys an index holds for one value, kept compact: a value most customers do not share (a login, an email,
 * a phone number) maps to its one login key itself, a shared one (a first name, a city) to a sorted set of them.
 * At a million customers this halves what the indexes hold, against one map entry with a composite key per customer
 * and field.
 */
final class LoginKeys {
    private LoginKeys() {
    }

    /** Adds the login key under the value's key. */
    @SuppressWarnings("unchecked")
    static void add(Map<String, Object> index, String key, String loginKey) {
        Object held = index.get(key);
        if (held == null) {
            index.put(key, loginKey);
        } else if (held instanceof String one) {
            if (!one.equals(loginKey)) {
                TreeSet<String> many = new TreeSet<>();
                many.add(one);
                many.add(loginKey);
                index.put(key, many);
            }
        } else {
            ((TreeSet<String>) held).add(loginKey);
        }
    }

    /** Removes the login key from under the value's key (and the key once nothing is left). */
    @SuppressWarnings("unchecked")
    static void remove(Map<String, Object> index, String key, String loginKey) {
        Object held = index.get(key);
        if (held instanceof String one) {
            if (one.equals(loginKey)) {
                index.remove(key);
            }
        } else if (held != null) {
            TreeSet<String> many = (TreeSet<String>) held;
            many.remove(loginKey);
            if (many.size() == 1) {
                index.put(key, many.first());
            } else if (many.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** The login keys held, in login-key order (none for null). */
    @SuppressWarnings("unchecked")
    static Iterable<String> of(Object held) {
        if (held == null) {
            return Collections.emptyList();
        }
        return held instanceof String one ? List.of(one) : (TreeSet<String>) held;
    }

    /** How many login keys are held. */
    static int size(Object held) {
        return held == null ? 0 : held instanceof String ? 1 : ((TreeSet<?>) held).size();
    }
}
