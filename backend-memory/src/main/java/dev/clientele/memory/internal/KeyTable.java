package dev.clientele.memory.internal;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A field's key to the slots having it: an open-addressed table of ints (linear probing, at most half full) holding
 * one slot per key, so that a lookup by login or email is a hash and about one comparison against a row, with no
 * entry object or key {@code String} per customer (keys are read from the rows, {@link CustomerRows#equalsKey}).
 * The other slots of a key shared by several customers are chained from that one ({@code next}, made only once a
 * key is shared), so shared keys do not lengthen the probes of others. Removal shifts the following entries back
 * instead of leaving tombstones. Not thread-safe (the store's lock guards writes; reads do not change it).
 */
final class KeyTable {
    private static final int NONE = -1;

    private final Rows rows;
    private final int field;
    /** Slot + 1 of the first slot of a key; 0 is empty. */
    private int[] table = new int[16];
    private int shift = 32 - 4;
    private int keys;
    private int size;
    /** By slot: the next slot with the same key, or {@link #NONE}; {@code null} while no key is shared. */
    private int[] next;

    KeyTable(Rows rows, int field) {
        this.rows = rows;
        this.field = field;
    }

    /** A slot having the key (the first added of those still held), or -1. */
    int find(String key) {
        int i = index(key);
        return i < 0 ? -1 : table[i] - 1;
    }

    /** Visits the slots having the key until the visitor returns false. */
    void visit(String key, IntPredicate visitor) {
        for (int slot = find(key); slot >= 0 && visitor.test(slot);
                slot = next == null || slot >= next.length ? NONE : next[slot]) {
            // visited
        }
    }

    /** Adds a slot, whose row (holding a value in the field) must be stored. */
    void add(int slot) {
        String key = CustomerRows.key(rows.get(slot), field);
        int i = index(key);
        if (i >= 0) {
            int last = table[i] - 1;
            grow(Math.max(slot, last));
            while (next[last] != NONE) {
                last = next[last];
            }
            next[last] = slot;
            next[slot] = NONE;
        } else {
            if ((keys + 1) * 2 > table.length) {
                resize(table.length * 2);
            }
            place(slot);
            keys++;
            if (next != null && slot < next.length) {
                next[slot] = NONE;
            }
        }
        size++;
    }

    /** Removes the slot (its row, and those of the others, still stored). */
    void remove(int slot) {
        int i = index(CustomerRows.key(rows.get(slot), field));
        if (i < 0) {
            throw new IllegalStateException("slot " + slot + " is not in the table of field " + field);
        }
        int first = table[i] - 1;
        int after = next == null || slot >= next.length ? NONE : next[slot];
        size--;
        if (first != slot) {
            int s = first;
            while (next[s] != slot) {
                if (next[s] == NONE) {
                    throw new IllegalStateException("slot " + slot + " is not in the table of field " + field);
                }
                s = next[s];
            }
            next[s] = after;
        } else if (after != NONE) {
            table[i] = after + 1; // the same key: the same home
        } else {
            removeAt(i);
        }
    }

    int size() {
        return size;
    }

    /** The table index of the key's first slot, or -1. */
    private int index(String key) {
        int mask = table.length - 1;
        for (int i = home(key.hashCode()); ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) {
                return -1;
            }
            if (CustomerRows.equalsKey(rows.get(e - 1), field, key)) {
                return i;
            }
        }
    }

    private void removeAt(int i) {
        int mask = table.length - 1;
        table[i] = 0;
        keys--;
        // Shift back each following entry of the run that could no longer be found past the hole.
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int k = home(CustomerRows.hashKey(rows.get(table[j] - 1), field));
            boolean reachable = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!reachable) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }

    private void grow(int slot) {
        if (next == null || slot >= next.length) {
            int old = next == null ? 0 : next.length;
            next = next == null ? new int[Math.max(16, slot * 2)] : Arrays.copyOf(next, Math.max(slot + 1, old * 2));
            Arrays.fill(next, old, next.length, NONE);
        }
    }

    private void place(int slot) {
        int mask = table.length - 1;
        int i = home(CustomerRows.hashKey(rows.get(slot), field));
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    private void resize(int capacity) {
        int[] old = table;
        table = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        for (int e : old) {
            if (e != 0) {
                place(e - 1);
            }
        }
    }

    /** Fibonacci hashing: the high bits of the product, spread over the table. */
    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
