package dev.clientele.examples.cli;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Writes JSON for {@code --json} output: maps (objects, in their iteration order), iterables and arrays of objects
 * (arrays), strings, numbers, booleans, enums (their name in lower case, {@code _} as {@code -}), optionals and
 * {@code null}. Everything else is written as its {@code toString()} string. Non-ASCII characters are escaped
 * ({@code \}{@code uXXXX}), so the output is valid whatever the terminal's encoding.
 *
 * <p>Written by hand rather than with a JSON library: the tool only writes JSON (it never parses it), the values are
 * a few maps and lists, and the shaded jar stays smaller. {@code JsonTest} pins the escaping.
 */
final class Json {
    private Json() {
    }

    /** Pretty-printed (two spaces) JSON of a value. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v instanceof Optional<?>) {
            v = ((Optional<?>) v).orElse(null);
        }
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte) {
            sb.append(v);
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? v.toString() : "null");
        } else if (v instanceof Enum<?>) {
            string(sb, ((Enum<?>) v).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        } else if (v instanceof Map<?, ?>) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                pad(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof Iterable<?> || v instanceof Object[]) {
            Iterator<?> it = v instanceof Object[] ? java.util.Arrays.asList((Object[]) v).iterator()
                    : ((Iterable<?>) v).iterator();
            if (!it.hasNext()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            while (it.hasNext()) {
                pad(sb, indent + 1);
                write(sb, it.next(), indent + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        for (int i = 0; i < indent; i++) {
            sb.append("  ");
        }
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
