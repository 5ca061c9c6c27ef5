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
        int limit = search.fetchLimit();
        java.util.Comparator<Integer> byLogin = (a, b) -> CustomerRows.compareKeys(rows.get(a), rows.get(b),
                CustomerRows.LOGIN);
        java.util.PriorityQueue<Integer> last = new java.util.PriorityQueue<>(Math.min(limit, 1024) + 1,
                byLogin.reversed());
        BitSet seen = new BitSet();
        for (CustomerField f : search.fields()) {
            fieldIndexes[f.ordinal()].visitPrefix(prefix, slot -> {
                if (seen.get(slot)) {
                    return true;
                }
                seen.set(slot);
                examined.increment();
                if (search.validOnly() && !rows.get(slot).isValid()) {
                    return true;
                }
                if (last.size() < limit) {
                    last.add(slot);
                } else if (byLogin.compare(slot, last.peek()) < 0) {
                    last.poll();
                    last.add(slot);
                } else if (f == CustomerField.LOGIN) {
                    return false; // the login index is in login order: the rest of its range comes later still
                }
                return true;
            });
        }
        Integer[] first = last.toArray(new Integer[0]);
        Arrays.sort(first, byLogin);
        List<Customer> out = new ArrayList<>(first.length);
        for (Integer slot : first) {
            out.add(rows.get(slot).toCustomer());
        }
        return Collections.unmodifiableList(out);
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
