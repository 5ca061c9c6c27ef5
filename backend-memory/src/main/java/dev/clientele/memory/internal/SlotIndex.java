package dev.clientele.memory.internal;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The slots of the customers having a field, ordered by the field's key and then by login key: a sorted list of
 * ints in blocks of at most {@value #MAX}, so that an insert moves at most one block and an entry costs about
 * four bytes (no entry object, no key {@code String}: keys are read from the rows, {@link CustomerRows}). A prefix
 * or a key is a range found by binary search, over the blocks and then in one. Not thread-safe (the store's lock
 * guards writes; reads do not change it).
 */
final class SlotIndex {
    static final int MAX = 512;
    private static final int FIRST_CAPACITY = 16;

    private final Rows rows;
    private final int field;
    private int[][] blocks = new int[4][];
    private int[] counts = new int[4];
    private int blockCount;
    private int size;

    /** The {@link CustomerRows} field this index orders. */
    int field() {
        return field;
    }

    SlotIndex(Rows rows, int field) {
        this.rows = rows;
        this.field = field;
    }

    int size() {
        return size;
    }

    /**
     * Adds the slot, whose row (holding {@code key} in the field) must be stored; returns the value of a neighbour in
     * the index when it equals the slot's own value but is another string (for {@link CustomerRow#share}), else
     * {@code null}.
     */
    @Nullable String add(int slot, String key) {
        if (blockCount == 0) {
            int[] first = new int[FIRST_CAPACITY];
            first[0] = slot;
            insertBlock(0, first, 1);
            size++;
            return null;
        }
        long at = locate(key, rows.get(slot));
        int b = (int) (at >>> 32);
        int i = (int) at;
        if (b == blockCount) {
            b = blockCount - 1;
            i = counts[b];
        }
        if (i == 0 && b > 0 && counts[b - 1] < MAX) {
            b--;
            i = counts[b];
        }
        if (counts[b] == MAX) {
            if (i == MAX) {
                b++;
                i = 0;
                insertBlock(b, new int[FIRST_CAPACITY], 0);
            } else if (i == 0) {
                insertBlock(b, new int[FIRST_CAPACITY], 0);
            } else {
                // Split where the slot goes: runs of inserts at one place (ascending logins) then fill the left block.
                int[] full = blocks[b];
                int right = MAX - i;
                int[] rest = new int[Math.max(FIRST_CAPACITY, Integer.highestOneBit(right - 1) << 1)];
                System.arraycopy(full, i, rest, 0, right);
                counts[b] = i;
                insertBlock(b + 1, rest, right);
            }
        }
        int[] block = blocks[b];
        int n = counts[b];
        if (n == block.length) {
            block = Arrays.copyOf(block, Math.min(MAX, n * 2));
            blocks[b] = block;
        }
        System.arraycopy(block, i, block, i + 1, n - i);
        block[i] = slot;
        counts[b] = n + 1;
        size++;
        String own = rows.get(slot).value(field);
        int before = i > 0 ? block[i - 1] : b > 0 ? blocks[b - 1][counts[b - 1] - 1] : -1;
        int after = i < n ? block[i + 1] : b + 1 < blockCount ? blocks[b + 1][0] : -1;
        for (int neighbour : new int[] {before, after}) {
            String v = neighbour < 0 ? null : rows.get(neighbour).value(field);
            if (v != null && v != own && v.equals(own)) {
                return v;
            }
        }
        return null;
    }

    /** Removes the slot, whose row (holding {@code key} in the field) must still be the one it was added with. */
    void remove(int slot, String key) {
        long at = locate(key, rows.get(slot));
        int b = (int) (at >>> 32);
        int i = (int) at;
        if (b == blockCount || blocks[b][i] != slot) {
            throw new IllegalStateException("slot " + slot + " is not in the index of field " + field);
        }
        int[] block = blocks[b];
        int n = counts[b] - 1;
        System.arraycopy(block, i + 1, block, i, n - i);
        counts[b] = n;
        size--;
        if (n == 0) {
            System.arraycopy(blocks, b + 1, blocks, b, blockCount - b - 1);
            System.arraycopy(counts, b + 1, counts, b, blockCount - b - 1);
            blockCount--;
            blocks[blockCount] = null;
        } else if (n <= block.length / 4 && block.length > FIRST_CAPACITY) {
            blocks[b] = Arrays.copyOf(block, Math.max(FIRST_CAPACITY, block.length / 2));
        }
    }

    /**
     * Visits the slots in order from the first whose key is at least {@code fromKey} (from the first of all for
     * {@code null}) until the visitor returns false or the slots end.
     */
    void visitFrom(@Nullable String fromKey, IntPredicate visitor) {
        long at = fromKey == null ? 0 : locate(fromKey, null);
        for (int b = (int) (at >>> 32), i = (int) at; b < blockCount; b++, i = 0) {
            int[] block = blocks[b];
            for (int n = counts[b]; i < n; i++) {
                if (!visitor.test(block[i])) {
                    return;
                }
            }
        }
    }

    /** Visits the slots whose key starts with {@code prefix}, in order, until the visitor returns false. */
    void visitPrefix(String prefix, IntPredicate visitor) {
        visitFrom(prefix, slot -> CustomerRows.startsWithKey(rows.get(slot), field, prefix) && visitor.test(slot));
    }

    /** Visits the slots whose key is {@code key}, in login-key order, until the visitor returns false. */
    void visitKey(String key, IntPredicate visitor) {
        visitFrom(key, slot -> CustomerRows.equalsKey(rows.get(slot), field, key) && visitor.test(slot));
    }

    /**
     * The position (block, index) of the first slot not before ({@code key}, the login key of {@code tie}); with
     * {@code tie} null, of the first slot whose key is not less than {@code key}. (blockCount, 0) past the end.
     */
    private long locate(String key, @Nullable CustomerRow tie) {
        int lo = 0;
        int hi = blockCount - 1;
        int b = blockCount;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(blocks[mid][counts[mid] - 1], key, tie) >= 0) {
                b = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        if (b == blockCount) {
            return (long) blockCount << 32;
        }
        int[] block = blocks[b];
        lo = 0;
        hi = counts[b] - 1;
        int i = counts[b];
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(block[mid], key, tie) >= 0) {
                i = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return ((long) b << 32) | i;
    }

    private int compare(int slot, String key, @Nullable CustomerRow tie) {
        CustomerRow row = rows.get(slot);
        int c = CustomerRows.compareKey(row, field, key);
        if (c != 0 || field == CustomerRows.LOGIN) {
            return c;
        }
        return tie == null ? 1 : CustomerRows.compareKeys(row, tie, CustomerRows.LOGIN);
    }

    private void insertBlock(int at, int[] block, int count) {
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blockCount * 2);
            counts = Arrays.copyOf(counts, blockCount * 2);
        }
        System.arraycopy(blocks, at, blocks, at + 1, blockCount - at);
        System.arraycopy(counts, at, counts, at + 1, blockCount - at);
        blocks[at] = block;
        counts[at] = count;
        blockCount++;
    }
}
