package dev.clientele.memory.internal;

import java.util.Arrays;

/**
 * The stored rows ({@link CustomerRow}) by slot: the int the indexes hold for a customer. A removed customer's
 * slot is reused by the next insert. Not thread-safe (the store's lock guards it).
 */
final class Rows {
    private CustomerRow[] rows = new CustomerRow[16];
    private int[] free = new int[0];
    private int freeCount;
    private int used;
    private int size;

    /** Stores the row in a free slot and returns the slot. */
    int add(CustomerRow row) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == rows.length) {
                rows = Arrays.copyOf(rows, used + (used >> 1));
            }
            slot = used++;
        }
        rows[slot] = row;
        size++;
        return slot;
    }

    CustomerRow get(int slot) {
        return rows[slot];
    }

    /** Replaces the row held in a used slot. */
    void set(int slot, CustomerRow row) {
        rows[slot] = row;
    }

    void remove(int slot) {
        rows[slot] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, Math.max(16, freeCount * 2));
        }
        free[freeCount++] = slot;
        size--;
    }

    int size() {
        return size;
    }
}
