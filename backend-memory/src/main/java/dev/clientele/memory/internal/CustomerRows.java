package dev.clientele.memory.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Validity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer as one {@code byte[]} row, the form the memory store holds it in: at a million customers one array
 * per customer instead of a {@link Customer} with its collections and fourteen {@code String}s (about 140 bytes
 * instead of 600). {@link #decode(byte[])} builds the immutable value again on every read.
 *
 * <p>Layout: the validity's ordinal (one byte); the {@link CustomerField}s in declaration order, the login first;
 * the version; created and changed; the additional customer IDs; the attributes. A string is a varint header —
 * {@code 0} for {@code null}, else {@code (length << 1 | wide) + 1} — and its characters: one byte each when all are
 * Latin-1, else two (UTF-16, big-endian, so any {@code char} sequence round-trips, unpaired surrogates too).
 *
 * <p>The store's keys are the lower-cased ({@link Locale#ROOT}) field values ({@link dev.clientele.spi.Keys#of}
 * of a stored, stripped value is the same). {@link #compareKey}, {@link #equalsKey}, {@link #startsWithKey} and
 * {@link #hashKey} read them from a row without making a {@code String} when the value is Latin-1 (Latin-1
 * lower-cases character by character into Latin-1), and agree with {@code String}'s methods on the key.
 */
final class CustomerRows {
    static final int LOGIN = CustomerField.LOGIN.ordinal();
    private static final CustomerField[] FIELDS = CustomerField.values();
    private static final Validity[] VALIDITIES = Validity.values();

    private CustomerRows() {
    }

    // ----- whole rows -------------------------------------------------------------------------------------------

    static byte[] encode(Customer c) {
        Out out = new Out();
        out.put(c.validity().ordinal());
        for (CustomerField f : FIELDS) {
            out.putString(f.get(c));
        }
        out.putLong(c.version());
        out.putInstant(c.created());
        out.putInstant(c.changed());
        out.putVarint(c.additionalCustomerIds().size());
        for (String id : c.additionalCustomerIds()) {
            out.putString(id);
        }
        out.putVarint(c.attributes().size());
        for (Map.Entry<String, String> e : c.attributes().entrySet()) {
            out.putString(e.getKey());
            out.putString(e.getValue());
        }
        return out.toArray();
    }

    static Customer decode(byte[] row) {
        In in = new In(row, 1);
        Customer.Builder b = Customer.builder(in.string());
        for (int f = 1; f < FIELDS.length; f++) {
            String v = in.string();
            if (v != null) {
                b.set(FIELDS[f], v);
            }
        }
        b.validity(VALIDITIES[row[0]]).version(in.varlong());
        b.created(in.instant()).changed(in.instant());
        int ids = in.varint();
        if (ids > 0) {
            String[] all = new String[ids];
            for (int i = 0; i < ids; i++) {
                all[i] = in.string();
            }
            b.additionalCustomerIds(all);
        }
        int attributes = in.varint();
        for (int i = 0; i < attributes; i++) {
            b.attribute(in.string(), in.string());
        }
        return b.build();
    }

    static boolean isValid(byte[] row) {
        return VALIDITIES[row[0]].isValid();
    }

    static long version(byte[] row) {
        In in = new In(row, 1);
        for (int f = 0; f < FIELDS.length; f++) {
            in.skipString();
        }
        return in.varlong();
    }

    // ----- field values and their keys ----------------------------------------------------------------------------

    /** The field's value as stored, or {@code null}. */
    static @Nullable String value(byte[] row, int field) {
        return at(row, field).string();
    }

    /** The field's key (its value lower-cased), or {@code null}. */
    static @Nullable String key(byte[] row, int field) {
        String v = value(row, field);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** The sign of {@code key(row, field).compareTo(key)}; the field must not be {@code null}. */
    static int compareKey(byte[] row, int field, String key) {
        In in = at(row, field);
        int h = in.varint() - 1;
        if ((h & 1) != 0) {
            return in.wide(h >>> 1).toLowerCase(Locale.ROOT).compareTo(key);
        }
        int len = h >>> 1;
        int p = in.pos;
        int n = Math.min(len, key.length());
        for (int i = 0; i < n; i++) {
            char a = Character.toLowerCase((char) (row[p + i] & 0xff));
            char b = key.charAt(i);
            if (a != b) {
                return a - b;
            }
        }
        return len - key.length();
    }

    /** The sign of {@code key(a, field).compareTo(key(b, field))}; neither may be {@code null}. */
    static int compareKeys(byte[] a, byte[] b, int field) {
        In x = at(a, field);
        In y = at(b, field);
        int hx = x.varint() - 1;
        int hy = y.varint() - 1;
        if (((hx | hy) & 1) != 0) {
            return key(a, field).compareTo(key(b, field));
        }
        int lx = hx >>> 1;
        int ly = hy >>> 1;
        int n = Math.min(lx, ly);
        for (int i = 0; i < n; i++) {
            char ca = Character.toLowerCase((char) (a[x.pos + i] & 0xff));
            char cb = Character.toLowerCase((char) (b[y.pos + i] & 0xff));
            if (ca != cb) {
                return ca - cb;
            }
        }
        return lx - ly;
    }

    /** {@code key(row, field).equals(key)}, false for a {@code null} field. */
    static boolean equalsKey(byte[] row, int field, String key) {
        In in = at(row, field);
        int h = in.varint() - 1;
        if (h < 0) {
            return false;
        }
        if ((h & 1) != 0) {
            return in.wide(h >>> 1).toLowerCase(Locale.ROOT).equals(key);
        }
        return (h >>> 1) == key.length() && compareLatin1(row, in.pos, key, key.length());
    }

    /** {@code key(row, field).startsWith(prefix)}, false for a {@code null} field. */
    static boolean startsWithKey(byte[] row, int field, String prefix) {
        In in = at(row, field);
        int h = in.varint() - 1;
        if (h < 0) {
            return false;
        }
        if ((h & 1) != 0) {
            return in.wide(h >>> 1).toLowerCase(Locale.ROOT).startsWith(prefix);
        }
        return (h >>> 1) >= prefix.length() && compareLatin1(row, in.pos, prefix, prefix.length());
    }

    /** {@code key(row, field).hashCode()}; the field must not be {@code null}. */
    static int hashKey(byte[] row, int field) {
        In in = at(row, field);
        int h = in.varint() - 1;
        if ((h & 1) != 0) {
            return in.wide(h >>> 1).toLowerCase(Locale.ROOT).hashCode();
        }
        int hash = 0;
        for (int i = in.pos, end = in.pos + (h >>> 1); i < end; i++) {
            hash = 31 * hash + Character.toLowerCase((char) (row[i] & 0xff));
        }
        return hash;
    }

    private static boolean compareLatin1(byte[] row, int p, String key, int n) {
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase((char) (row[p + i] & 0xff)) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A reader positioned at the field's header. */
    private static In at(byte[] row, int field) {
        In in = new In(row, 1);
        for (int f = 0; f < field; f++) {
            in.skipString();
        }
        return in;
    }

    // ----- strings, for tests --------------------------------------------------------------------------------------

    /** The strings encoded one after the other as in a row (for tests of the string encoding). */
    static byte[] encodeStrings(@Nullable String... values) {
        Out out = new Out();
        for (String v : values) {
            out.putString(v);
        }
        return out.toArray();
    }

    /** The strings of {@link #encodeStrings}. */
    static @Nullable String[] decodeStrings(byte[] bytes, int count) {
        In in = new In(bytes, 0);
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = in.string();
        }
        if (in.pos != bytes.length) {
            throw new IllegalStateException("trailing bytes");
        }
        return out;
    }

    // ----- encoding --------------------------------------------------------------------------------------------------

    private static final class Out {
        private byte[] buf = new byte[192];
        private int n;

        void put(int b) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = (byte) b;
        }

        void putVarint(int v) {
            putLong(v & 0xffffffffL);
        }

        /** Unsigned LEB128: seven bits a byte, low first. */
        void putLong(long v) {
            while ((v & ~0x7fL) != 0) {
                put((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            put((int) v);
        }

        void putString(@Nullable String s) {
            if (s == null) {
                put(0);
                return;
            }
            int len = s.length();
            boolean wide = false;
            for (int i = 0; i < len; i++) {
                if (s.charAt(i) > 0xff) {
                    wide = true;
                    break;
                }
            }
            putVarint(((len << 1) | (wide ? 1 : 0)) + 1);
            if (wide) {
                for (int i = 0; i < len; i++) {
                    char c = s.charAt(i);
                    put(c >>> 8);
                    put(c);
                }
            } else {
                for (int i = 0; i < len; i++) {
                    put(s.charAt(i));
                }
            }
        }

        void putInstant(@Nullable Instant t) {
            if (t == null) {
                put(0);
                return;
            }
            put(1);
            long s = t.getEpochSecond();
            putLong((s << 1) ^ (s >> 63));
            putVarint(t.getNano());
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, n);
        }
    }

    private static final class In {
        private final byte[] row;
        int pos;

        In(byte[] row, int pos) {
            this.row = row;
            this.pos = pos;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = row[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        @Nullable String string() {
            int h = varint() - 1;
            if (h < 0) {
                return null;
            }
            if ((h & 1) != 0) {
                return wide(h >>> 1);
            }
            int len = h >>> 1;
            String s = new String(row, pos, len, StandardCharsets.ISO_8859_1);
            pos += len;
            return s;
        }

        /** {@code len} UTF-16 characters from here. */
        String wide(int len) {
            char[] cs = new char[len];
            for (int i = 0; i < len; i++) {
                cs[i] = (char) (((row[pos] & 0xff) << 8) | (row[pos + 1] & 0xff));
                pos += 2;
            }
            return new String(cs);
        }

        void skipString() {
            int h = varint() - 1;
            if (h > 0) {
                pos += (h & 1) != 0 ? (h >>> 1) * 2 : h >>> 1;
            }
        }

        @Nullable Instant instant() {
            if (row[pos++] == 0) {
                return null;
            }
            long z = varlong();
            long s = (z >>> 1) ^ -(z & 1);
            return Instant.ofEpochSecond(s, varint());
        }
    }
}
