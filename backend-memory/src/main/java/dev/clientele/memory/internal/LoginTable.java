package dev.clientele.memory.internal;

/**
 * Login key to slot: an open-addressed table of ints (linear probing, at most half full), so that a lookup by login
 * is a hash and about one comparison against a row, with no entry object or key {@code String} per customer (the
 * key is read from the row, {@link CustomerRows#equalsKey}). Removal shifts the following entries back instead of
 * leaving tombstones. Not thread-safe (the store's lock guards it).
 */
final class LoginTable {
    private final Rows rows;
    /** Slot + 1; 0 is empty. */
    private int[] table = new int[16];
    private int shift = 32 - 4;
    private int size;

    LoginTable(Rows rows) {
        this.rows = rows;
    }

    /** The slot of the login key, or -1. */
    int find(String key) {
        int mask = table.length - 1;
        for (int i = home(key.hashCode()); ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) {
                return -1;
            }
            if (CustomerRows.equalsKey(rows.get(e - 1), CustomerRows.LOGIN, key)) {
                return e - 1;
            }
        }
    }

    /** Adds a slot whose login key is not held yet; its row must be stored. */
    void add(int slot) {
        if ((size + 1) * 2 > table.length) {
            resize(table.length * 2);
        }
        place(slot);
        size++;
    }

    /** Removes the slot (its row, and those of the others, still stored). */
    void remove(int slot) {
        int mask = table.length - 1;
        int i = home(CustomerRows.hashKey(rows.get(slot), CustomerRows.LOGIN));
        while (table[i] != slot + 1) {
            if (table[i] == 0) {
                throw new IllegalStateException("slot " + slot + " is not in the login table");
            }
            i = (i + 1) & mask;
        }
        table[i] = 0;
        size--;
        // Shift back each following entry of the run that may no longer be found past the hole.
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int k = home(CustomerRows.hashKey(rows.get(table[j] - 1), CustomerRows.LOGIN));
            boolean reachable = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!reachable) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }

    int size() {
        return size;
    }

    private void place(int slot) {
        int mask = table.length - 1;
        int i = home(CustomerRows.hashKey(rows.get(slot), CustomerRows.LOGIN));
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
