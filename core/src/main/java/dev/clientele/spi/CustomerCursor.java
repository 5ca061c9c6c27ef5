package dev.clientele.spi;

import dev.clientele.Customer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A walk over every customer of a store ({@link CustomerStore#scan(int, boolean)}), holding at most one page in
 * memory. A cursor read to its end has released what it held; close one that is left before its end (an LDAP
 * cursor holds a pooled connection, whose paged search only that connection can go on with). Not thread-safe.
 */
public interface CustomerCursor extends Iterator<Customer>, AutoCloseable {

    /** Releases what the cursor holds; later calls to {@link #hasNext()} return false. Idempotent. */
    @Override
    void close();

    /**
     * The keyset walk of a store that pages by login key: {@link CustomerStore#page(String, int, boolean)} after
     * page, each one after the last login key of the one before, in {@code Keys.of(login)} order. Holds no resource
     * between pages. A customer stored during the walk appears if its key is beyond the page being read; a customer
     * present all along appears exactly once.
     */
    static CustomerCursor keyset(CustomerStore store, int pageSize, boolean includeInvalid) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        return new CustomerCursor() {
            private List<Customer> page = List.of();
            private int next;
            private String after;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                if (!page.isEmpty() && page.size() < pageSize) {
                    // a short page is the last one: spares one query
                    close();
                    return false;
                }
                page = store.page(after, pageSize, includeInvalid);
                next = 0;
                if (page.isEmpty()) {
                    close();
                    return false;
                }
                after = Keys.of(page.get(page.size() - 1).login());
                return true;
            }

            @Override
            public Customer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }

            @Override
            public void close() {
                done = true;
                page = List.of();
            }
        };
    }
}
