package dev.clientele.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerPage;
import dev.clientele.ValidationException;
import dev.clientele.spi.CustomerCursor;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every customer of the chain of customer sources, each login once, the earlier source winning, in bounded memory.
 *
 * <ul>
 *   <li>{@link #stream(boolean)}: source after source, each walked with {@link CustomerStore#scan(int, boolean)}
 *       (so in login order for a store that {@link CustomerStore#scansInLoginOrder() scans in login order}). With
 *       more than one source, each page of a later source is checked against every earlier one with
 *       {@link CustomerStore#existingLogins} (one batched lookup per page and earlier source), and the logins an
 *       earlier source has are skipped. Holds one page of {@value #PAGE_SIZE}.</li>
 *   <li>{@link #page(String, int, boolean)}: one page in login order over all sources: each source's next
 *       {@code size + 1} customers after the login, merged by login key (earlier source first on a tie), cut at
 *       {@code size}. No lookups.</li>
 * </ul>
 */
final class CustomerScan {
    /** Customers read at a time from a store, and the batch of one existence lookup. */
    static final int PAGE_SIZE = 500;
    /** The largest page a caller may ask for (as a search's limit). */
    static final int MAX_PAGE = 100_000;

    private final List<CustomerStore> stores;
    private final int pageSize;

    CustomerScan(List<CustomerStore> stores) {
        this(stores, PAGE_SIZE);
    }

    CustomerScan(List<CustomerStore> stores, int pageSize) {
        this.stores = List.copyOf(stores);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** Every customer once (only valid ones unless {@code includeInvalid}); close the stream if left early. */
    Stream<Customer> stream(boolean includeInvalid) {
        Walk walk = new Walk(includeInvalid);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false).onClose(walk::close);
    }

    /** The page after {@code afterLogin} ({@code null}: the first), in login-key order across every source. */
    CustomerPage page(String afterLogin, int size, boolean includeInvalid) {
        if (size < 1 || size > MAX_PAGE) {
            throw new ValidationException("argument", Map.of("size",
                    "must be between 1 and " + MAX_PAGE + ", was " + size));
        }
        if (afterLogin != null && afterLogin.isBlank()) {
            throw new ValidationException("argument", Map.of("afterLogin", "must not be blank (null for the first page)"));
        }
        String after = Keys.of(afterLogin);
        TreeMap<String, Customer> merged = new TreeMap<>();
        for (CustomerStore store : stores) {
            for (Customer c : store.page(after, size + 1, includeInvalid)) {
                merged.putIfAbsent(Keys.of(c.login()), c);
            }
        }
        List<Customer> out = new ArrayList<>(Math.min(size, merged.size()));
        for (Customer c : merged.values()) {
            if (out.size() == size) {
                break;
            }
            out.add(c);
        }
        return new CustomerPage(out, merged.size() > size);
    }

    /** The walk of {@link #stream(boolean)}: one source's cursor at a time, a checked page buffered. */
    private final class Walk implements Iterator<Customer>, AutoCloseable {
        private final boolean includeInvalid;
        private int source = -1;
        private CustomerCursor cursor;
        private Iterator<Customer> buffered = Collections.emptyIterator();
        private boolean closed;

        Walk(boolean includeInvalid) {
            this.includeInvalid = includeInvalid;
        }

        @Override
        public boolean hasNext() {
            while (!buffered.hasNext()) {
                if (closed) {
                    return false;
                }
                if (cursor == null || !cursor.hasNext()) {
                    closeCursor();
                    if (++source >= stores.size()) {
                        closed = true;
                        return false;
                    }
                    cursor = stores.get(source).scan(pageSize, includeInvalid);
                    continue;
                }
                buffered = nextChecked().iterator();
            }
            return true;
        }

        /** Up to a page from the current cursor, less the logins an earlier source has. */
        private List<Customer> nextChecked() {
            List<Customer> page = new ArrayList<>(pageSize);
            while (page.size() < pageSize && cursor.hasNext()) {
                page.add(cursor.next());
            }
            if (source == 0) {
                return page;
            }
            List<Customer> kept = page;
            for (int earlier = 0; earlier < source && !kept.isEmpty(); earlier++) {
                Set<String> taken = stores.get(earlier).existingLogins(kept.stream().map(Customer::login).toList());
                if (!taken.isEmpty()) {
                    kept = kept.stream().filter(c -> !taken.contains(Keys.of(c.login()))).toList();
                }
            }
            return kept;
        }

        @Override
        public Customer next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffered.next();
        }

        private void closeCursor() {
            if (cursor != null) {
                CustomerCursor c = cursor;
                cursor = null;
                c.close();
            }
        }

        @Override
        public void close() {
            closed = true;
            buffered = Collections.emptyIterator();
            closeCursor();
        }
    }
}
