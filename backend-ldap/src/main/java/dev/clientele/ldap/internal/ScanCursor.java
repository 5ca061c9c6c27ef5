package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.clientele.Customer;
import dev.clientele.spi.CustomerCursor;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The customers of a {@link PagedSearch} over every customer entry, in directory order, for
 * {@link LdapCustomerStore#scan}: reads a page only when the one before is used up, maps each entry (skipping those
 * that are not customers, and invalid ones unless asked for), and ends the paged search, giving its connection back,
 * when the last page is read or the cursor is closed. Not thread-safe.
 */
final class ScanCursor implements CustomerCursor {
    private final PagedSearch walk;
    private final CustomerMapper mapper;
    private final boolean includeInvalid;
    private Iterator<SearchResultEntry> entries = Collections.emptyIterator();
    private Customer next;
    private boolean closed;

    ScanCursor(PagedSearch walk, CustomerMapper mapper, boolean includeInvalid) {
        this.walk = walk;
        this.mapper = mapper;
        this.includeInvalid = includeInvalid;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !closed) {
            if (!entries.hasNext()) {
                List<SearchResultEntry> page = walk.nextPage();
                if (page.isEmpty()) {
                    close();
                    break;
                }
                entries = page.iterator();
                continue;
            }
            Customer c = mapper.toCustomer(entries.next());
            if (c != null && (includeInvalid || c.isValid())) {
                next = c;
            }
        }
        return next != null;
    }

    @Override
    public Customer next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Customer c = next;
        next = null;
        return c;
    }

    @Override
    public void close() {
        closed = true;
        next = null;
        entries = Collections.emptyIterator();
        walk.close();
    }
}
