package dev.clientele.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerEvent;
import dev.clientele.ErasureReport;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.ValidationException;
import dev.clientele.Validity;
import dev.clientele.internal.CustomerSources.Located;
import dev.clientele.internal.CustomerSources.Source;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating, changing, invalidating and erasing customers: defaults, validation, cross-source uniqueness, versions
 * and timestamps, then the cache and the events.
 */
final class CustomerWrites {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerWrites.class);

    private final CustomerSources sources;
    private final Passwords passwords;
    private final Memberships memberships;
    private final Optional<StateStore> state;
    private final DirectoryCache cache;
    private final Events events;
    private final boolean customerIdFromEmail;

    CustomerWrites(CustomerSources sources, Passwords passwords, Memberships memberships, Optional<StateStore> state,
            DirectoryCache cache, Events events, boolean customerIdFromEmail) {
        this.sources = sources;
        this.passwords = passwords;
        this.memberships = memberships;
        this.state = state;
        this.cache = cache;
        this.events = events;
        this.customerIdFromEmail = customerIdFromEmail;
    }

    /** The customer with the configured defaults filled in (an empty customer ID from the email). */
    Customer withDefaults(Customer c) {
        if (customerIdFromEmail && c.customerId() == null && c.email() != null) {
            return c.toBuilder().customerId(c.email()).build();
        }
        return c;
    }

    /** The customer as a new one is stored: first version, created and changed now. */
    static Customer stamped(Customer c, Source target, Instant now) {
        return c.toBuilder().version(target.store().versioned() ? 1 : 0).created(now).changed(now).build();
    }

    Customer create(Customer customer, char[] password, boolean passwordRequired) {
        if (passwordRequired && password == null) {
            throw ValidationException.ofArgument("password", "is required");
        }
        Customer c = withDefaults(customer);
        Validation.check(c, sources.requiredForNew());
        passwords.checkPolicy(password);
        Source target = sources.writable("create customer " + c.login());
        sources.checkUnused(c.login(), c.email());
        Runnable passwordWrite = password == null ? null : passwords.write(target, c.login(), password);
        Customer stored = stamped(c, target, events.now());
        target.backend().atomically(() -> {
            cleanSlate(target, stored.login());   // before the insert: a store may keep fields in the state too
            target.store().insert(stored, sources.uniqueEmail());
            if (passwordWrite != null) {
                try {
                    passwordWrite.run();
                } catch (RuntimeException e) {
                    // Undo by hand too, for back-ends without transactions.
                    try {
                        target.store().delete(stored.login());
                    } catch (RuntimeException undo) {
                        e.addSuppressed(undo);
                    }
                    throw e;
                }
            }
            return null;
        });
        cache.forget(stored.login());
        LOG.debug("Created customer {} in {}", stored.login(), target.name());
        events.fire(CustomerEvent.Type.CREATED, stored.login(), null, stored, password != null ? "with password" : "");
        return stored;
    }

    /**
     * A new customer starts from a clean slate: whatever a write racing an earlier erasure of the same login left
     * behind (a password hash, links, login state, tokens, preferences) is removed with the insert, so it is never
     * inherited.
     */
    private void cleanSlate(Source target, String login) {
        target.credentials().filter(c -> !c.readOnly()).ifPresent(c -> c.deletePasswordHash(login));
        memberships.removeAllOf(login);
        state.ifPresent(st -> st.deleteAll(login));
    }

    Customer update(Customer customer) {
        Located at = sources.locateOrThrow(customer.login());
        Customer c = withDefaults(customer);
        Validation.check(c, at.source().store().requiredFields());
        return store(at, c, CustomerEvent.Type.UPDATED, "");
    }

    Customer invalidate(String login) {
        Located at = sources.locateOrThrow(login);
        return store(at, at.customer().toBuilder().validity(Validity.INVALID).build(), CustomerEvent.Type.INVALIDATED,
                "");
    }

    /**
     * Every check {@link #update} makes before it writes (the source writable, the changed email free), without
     * writing: a dry-run import uses it.
     */
    void checkUpdate(Located at, Customer changed) {
        Source s = at.source();
        Customer before = at.customer();
        if (s.store().readOnly()) {
            throw new ReadOnlyBackendException(s.name(), "change customer " + before.login());
        }
        if (!dev.clientele.spi.Keys.same(changed.email(), before.email())) {
            sources.checkEmailFree(changed.email(), before.login());
        }
    }

    private Customer store(Located at, Customer changed, CustomerEvent.Type event, String detail) {
        Source s = at.source();
        Customer before = at.customer();
        checkUpdate(at, changed);
        long expected = changed.version();
        Customer stored = changed.toBuilder().login(before.login()).created(before.created()).changed(events.now())
                .version(s.store().versioned() ? expected + 1 : 0).build();
        s.store().update(stored, expected, sources.uniqueEmail());
        cache.forget(stored.login());
        events.fire(event, stored.login(), before, stored, detail);
        return stored;
    }

    ErasureReport erase(String login) {
        Located at = sources.locateOrThrow(login);
        Source s = at.source();
        if (s.store().readOnly()) {
            throw new ReadOnlyBackendException(s.name(), "erase customer " + at.customer().login());
        }
        String l = at.customer().login();
        ErasureReport report = s.backend().atomically(() -> {
            // The lock first: a write checked against the stored customer (CustomerSources.whileStored) waits for
            // the erasure and then fails, or finished before it and is removed here.
            s.store().lockExisting(l);
            boolean credentials = s.credentials().filter(c -> !c.readOnly()).map(c -> c.deletePasswordHash(l))
                    .orElse(false);
            int links = memberships.removeAllOf(l);
            boolean removedState = state.map(st -> st.deleteAll(l)).orElse(false);
            boolean removed = s.store().delete(l);
            return new ErasureReport(l, s.name(), removed, credentials, links, removedState);
        });
        // After the commit, never inside the transaction: a read racing the erasure could refill the cache with the
        // row it still sees until the commit (the generation check then keeps evaluations made before it out too).
        cache.forget(l);
        events.fire(CustomerEvent.Type.ERASED, l, at.customer(), null, "");
        return report;
    }
}
