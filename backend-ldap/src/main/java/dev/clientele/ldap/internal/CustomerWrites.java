package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.clientele.Customer;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.Keys;
import java.util.List;
import java.util.Optional;

/**
 * The store's writes: create, update and erase a customer's entry, each refused when the back-end is not
 * {@code writable}. Each checks first what it can (a login or, when asked, an email already held; the entry to
 * change or erase), drops what the session read ({@link CustomerEntries#written()}), and turns the directory's
 * answers into Clientele's: an entry that already exists is a duplicate login, one gone is a customer not found,
 * anything else refused or unavailable ({@link LdapConnections#refused}).
 */
final class CustomerWrites {
    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final boolean writable;
    private final LdapConnections ldap;
    private final CustomerMapper mapper;
    private final CustomerEntries entries;
    private final CustomerQueries queries;

    CustomerWrites(SettingsOrigin settings, boolean writable, LdapConnections ldap, CustomerMapper mapper,
            CustomerEntries entries, CustomerQueries queries) {
        this.settings = settings;
        this.writable = writable;
        this.ldap = ldap;
        this.mapper = mapper;
        this.entries = entries;
        this.queries = queries;
    }

    private void requireWritable(String operation) {
        if (!writable) {
            throw new ReadOnlyBackendException(settings.name(), operation);
        }
    }

    /** Creates the customer's entry; a duplicate login or (with {@code uniqueEmail}) email is refused. */
    void insert(Customer customer, boolean uniqueEmail) {
        entries.written();
        requireWritable("create customer " + customer.login());
        if (uniqueEmail && customer.email() != null && !queries.findByEmail(customer.email()).isEmpty()) {
            throw new DuplicateCustomerException("email", customer.email());
        }
        if (entries.entryOf(customer.login()).isPresent()) {
            throw new DuplicateCustomerException("login", customer.login());
        }
        Entry entry = mapper.attributes().newEntry(customer);
        try {
            ldap.call(pool -> pool.add(entry));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw new DuplicateCustomerException("login", customer.login());
            }
            throw ldap.refused("create " + entry.getDN(), e);
        }
    }

    /** Changes the customer's entry to match it (the last update wins: no versions); nothing when it already does. */
    void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
        entries.written();
        requireWritable("update customer " + customer.login());
        SearchResultEntry current = entries.entryOf(customer.login())
                .orElseThrow(() -> new CustomerNotFoundException(customer.login()));
        if (uniqueEmail && customer.email() != null && queries.findByEmail(customer.email()).stream()
                .anyMatch(other -> !Keys.same(other.login(), customer.login()))) {
            throw new DuplicateCustomerException("email", customer.email());
        }
        List<Modification> changes = mapper.attributes().changes(current, customer);
        if (changes.isEmpty()) {
            return;
        }
        try {
            ldap.call(pool -> pool.modify(current.getDN(), changes));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new CustomerNotFoundException(customer.login());
            }
            throw ldap.refused("update " + current.getDN(), e);
        }
    }

    /** Erases the login's entry; false if there was none. */
    boolean delete(String login) {
        entries.written();
        requireWritable("erase customer " + login);
        Optional<SearchResultEntry> entry = entries.entryOf(login);
        if (entry.isEmpty()) {
            return false;
        }
        try {
            ldap.call(pool -> pool.delete(entry.get().getDN()));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw ldap.refused("delete " + entry.get().getDN(), e);
        }
    }
}
