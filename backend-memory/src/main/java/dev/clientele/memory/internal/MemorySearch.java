package dev.clientele.memory.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.SearchTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The searches of a {@link MemoryCustomerStore}, over its rows and indexes; the store calls them under its read
 * lock. The rule of a match is core's ({@link CustomerSearch#matches}); the indexes only pick the candidates.
 */
final class MemorySearch {
    private final Rows rows;
    private final SlotIndex[] fieldIndexes;
    private final SlotIndex loginOrder;
    private final LongAdder examined;

    MemorySearch(Rows rows, SlotIndex[] fieldIndexes, SlotIndex loginOrder, LongAdder examined) {
        this.rows = rows;
        this.fieldIndexes = fieldIndexes;
        this.loginOrder = loginOrder;
        this.examined = examined;
    }

    /** The customers matching the search, in login-key order, at most its fetch limit. */
    List<Customer> search(CustomerSearch search) {
        if (search.terms().size() == 1 && search.terms().get(0).isPrefix()) {
            return firstByLogin(search, search.terms().get(0).literalPrefix());
        }
        List<Customer> out = new ArrayList<>();
        int limit = search.fetchLimit();
        IntPredicate visit = slot -> {
            Customer c = rows.get(slot).toCustomer();
            examined.increment();
            if (search.matches(c)) {
                out.add(c);
                return out.size() < limit;
            }
            return true;
        };
        int[] candidates = candidates(search);
        if (candidates == null) {
            loginOrder.visitFrom(null, visit);
        } else {
            for (int slot : candidates) {
                if (!visit.test(slot)) {
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The slots that may match, in login-key order; {@code null} when no term can use an index. Only the most
     * selective term's candidates are collected (the other terms are then checked by {@link CustomerSearch#matches}):
     * the terms' index ranges are counted first, each count stopping once it passes the smallest so far, so a search
     * of many broad terms holds one candidate set, not one per term.
     */
    private int @Nullable [] candidates(CustomerSearch search) {
        String best = null;
        long fewest = Long.MAX_VALUE;
        for (SearchTerm term : search.terms()) {
            String prefix = term.literalPrefix();
            if (prefix.isEmpty()) {
                continue;
            }
            long n = countUpTo(search, prefix, fewest);
            if (n == 0) {
                return new int[0];
            }
            if (n < fewest) {
                best = prefix;
                fewest = n;
            }
        }
        if (best == null) {
            return null;
        }
        String prefix = best;
        BitSet seen = new BitSet();
        int[][] found = {new int[16]};
        int[] count = {0};
        for (CustomerField f : search.fields()) {
            fieldIndexes[f.ordinal()].visitPrefix(prefix, slot -> {
                if (!seen.get(slot)) {
                    seen.set(slot);
                    if (count[0] == found[0].length) {
                        found[0] = Arrays.copyOf(found[0], count[0] * 2);
                    }
                    found[0][count[0]++] = slot;
                }
                return true;
            });
        }
        int[] result = Arrays.copyOf(found[0], count[0]);
        if (search.fields().size() > 1 || !search.fields().contains(CustomerField.LOGIN)) {
            sortByLogin(result);
        }
        return result;
    }

    /**
     * A search of one prefix term ({@link SearchTerm#isPrefix}): every slot in the prefix's range of a searched
     * field's index matches (validity aside), so the answer is the first {@code fetchLimit} of them by login key —
     * kept in a bounded heap while the ranges are read, and only those made into customers.
     */
    private List<Customer> firstByLogin(CustomerSearch search, String prefix) {
        FirstByLogin first = new FirstByLogin(search.fetchLimit());
        int[] earlier = new int[search.fields().size()];
        int[] visitedFields = {0};
        long[] visited = {0};
        for (CustomerField f : search.fields()) {
            SlotIndex index = fieldIndexes[f.ordinal()];
            boolean loginOrder = f == CustomerField.LOGIN;
            index.visitPrefix(prefix, slot -> {
                CustomerRow row = rows.get(slot);
                for (int i = 0; i < visitedFields[0]; i++) {
                    if (CustomerRows.startsWithKey(row, earlier[i], prefix)) {
                        return true; // in the range of a field read before: offered then (no set of slots to keep)
                    }
                }
                visited[0]++;
                if (search.validOnly() && !row.isValid()) {
                    return true;
                }
                // the login index is in login order: once a slot is not among the first, neither is the rest
                return first.offer(slot) || !loginOrder;
            });
            earlier[visitedFields[0]++] = index.field();
        }
        examined.add(visited[0]);
        int[] slots = first.sorted();
        List<Customer> out = new ArrayList<>(slots.length);
        for (int slot : slots) {
            out.add(rows.get(slot).toCustomer());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The first {@code limit} slots offered, by login key: a max-heap of slots (no boxing, the comparison of logins
     * only against its top once full), since a prefix's range of a non-login field can hold many thousands.
     */
    private final class FirstByLogin {
        private final int[] heap;
        private int size;

        FirstByLogin(int limit) {
            this.heap = new int[limit];
        }

        /** Keeps the slot if it is among the first so far; false if it is not. */
        boolean offer(int slot) {
            if (size < heap.length) {
                heap[size] = slot;
                up(size++);
                return true;
            }
            if (size == 0 || compare(slot, heap[0]) >= 0) {
                return false;
            }
            heap[0] = slot;
            down(0);
            return true;
        }

        /** The slots kept, in login order (the heap is used up). */
        int[] sorted() {
            int kept = size;
            while (size > 1) { // heap sort: the largest moves to the end
                int top = heap[0];
                heap[0] = heap[--size];
                heap[size] = top;
                down(0);
            }
            return Arrays.copyOf(heap, kept);
        }

        private int compare(int a, int b) {
            return CustomerRows.compareKeys(rows.get(a), rows.get(b), CustomerRows.LOGIN);
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (compare(heap[i], heap[parent]) <= 0) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                int largest = i;
                if (l < size && compare(heap[l], heap[largest]) > 0) {
                    largest = l;
                }
                if (l + 1 < size && compare(heap[l + 1], heap[largest]) > 0) {
                    largest = l + 1;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int i, int j) {
            int t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
    }

    /** Sorts slots by login key (a range of one non-login field is in field-key order first). */
    private void sortByLogin(int[] slots) {
        Integer[] boxed = new Integer[slots.length];
        for (int i = 0; i < slots.length; i++) {
            boxed[i] = slots[i];
        }
        Arrays.sort(boxed, (a, b) -> CustomerRows.compareKeys(rows.get(a), rows.get(b), CustomerRows.LOGIN));
        for (int i = 0; i < slots.length; i++) {
            slots[i] = boxed[i];
        }
    }

    /** The index entries of the searched fields starting with {@code prefix}, counted up to just past {@code cap}. */
    private long countUpTo(CustomerSearch search, String prefix, long cap) {
        long[] n = {0};
        for (CustomerField f : search.fields()) {
            fieldIndexes[f.ordinal()].visitPrefix(prefix, slot -> ++n[0] <= cap);
            if (n[0] > cap) {
                break;
            }
        }
        return n[0];
    }
}
