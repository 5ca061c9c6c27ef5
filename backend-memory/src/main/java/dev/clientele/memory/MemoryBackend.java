package dev.clientele.memory;

import dev.clientele.memory.internal.MemoryCompanyStore;
import dev.clientele.memory.internal.MemoryCredentialStore;
import dev.clientele.memory.internal.MemoryCustomerStore;
import dev.clientele.memory.internal.MemoryGroupStore;
import dev.clientele.memory.internal.MemoryMembershipStore;
import dev.clientele.memory.internal.MemoryStateStore;
import dev.clientele.memory.internal.WriteGuard;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.StateStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe back-end that keeps everything in memory: customers, credentials, companies, groups, memberships
 * and customer state. Fast and isolated, for tests and demos; its data lives as long as the object.
 *
 * <p>Configured as {@code clientele.backend.NAME.type = memory} (see {@link MemoryBackendProvider}), or made
 * directly in code and handed to a directory:
 * <pre>{@code
 * MemoryBackend backend = MemoryBackend.create("local");
 * try (CustomerDirectory directory = CustomerDirectory.builder().backend(backend).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>A read-only instance ({@link #create(String, boolean)}, or {@link #makeReadOnly()} after seeding it through a
 * directory) says so in every store's {@code readOnly()}, and its writes throw
 * {@link dev.clientele.ReadOnlyBackendException}; its {@link StateStore} stays writable, since state is kept even for
 * customers of a read-only source. Closing releases nothing (there is nothing to release) and keeps the data.
 */
public final class MemoryBackend implements CustomerBackend {
    /** The provider type: {@code memory}. */
    public static final String TYPE = "memory";

    private final String name;
    private final WriteGuard guard;
    private final MemoryCustomerStore customers;
    private final MemoryCredentialStore credentials;
    private final MemoryCompanyStore companies;
    private final MemoryGroupStore groups;
    private final MemoryMembershipStore memberships;
    private final MemoryStateStore state;
    private final ReentrantLock atomic = new ReentrantLock();

    private MemoryBackend(String name, boolean readOnly) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a back-end name must not be blank");
        }
        this.guard = new WriteGuard(name, readOnly);
        this.customers = new MemoryCustomerStore(guard);
        this.credentials = new MemoryCredentialStore(guard);
        this.companies = new MemoryCompanyStore(guard);
        this.groups = new MemoryGroupStore(guard);
        this.memberships = new MemoryMembershipStore(guard);
        this.state = new MemoryStateStore();
    }

    /** A new, empty, writable back-end with this instance name. */
    public static MemoryBackend create(String name) {
        return new MemoryBackend(name, false);
    }

    /** A new, empty back-end; a read-only one refuses every write (seed it first, then {@link #makeReadOnly()}). */
    public static MemoryBackend create(String name, boolean readOnly) {
        return new MemoryBackend(name, readOnly);
    }

    /**
     * Turns writes off for good, e.g. after seeding it through a directory, to play a read-only source such as a
     * corporate directory. Returns this back-end.
     */
    public MemoryBackend makeReadOnly() {
        guard.makeReadOnly();
        return this;
    }

    /** True if the stores refuse writes. */
    public boolean readOnly() {
        return guard.readOnly();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<CustomerStore> customers() {
        return Optional.of(customers);
    }

    @Override
    public Optional<CredentialStore> credentials() {
        return Optional.of(credentials);
    }

    @Override
    public Optional<CompanyStore> companies() {
        return Optional.of(companies);
    }

    @Override
    public Optional<GroupStore> groups() {
        return Optional.of(groups);
    }

    @Override
    public Optional<MembershipStore> memberships() {
        return Optional.of(memberships);
    }

    @Override
    public Optional<StateStore> state() {
        return Optional.of(state);
    }

    @Override
    public String describe() {
        return TYPE + " back-end '" + name + "'" + (readOnly() ? " (read-only)" : "") + ": " + customers.count()
                + " customers, " + companies.size() + " companies, " + groups.size() + " groups, "
                + memberships.size() + " links";
    }

    /**
     * Runs {@code work} holding this back-end's one write lock (reentrant), so the directory's multi-store writes —
     * an erasure, a password checked against a still-stored customer — run one after the other. Nothing is rolled
     * back on failure: the directory undoes what it wrote itself where it must.
     */
    @Override
    public <T extends @Nullable Object> T atomically(Supplier<T> work) {
        atomic.lock();
        try {
            return work.get();
        } finally {
            atomic.unlock();
        }
    }

    /** Does nothing: there is nothing to release, and the data stays readable. */
    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "MemoryBackend[" + name + (readOnly() ? ", read-only" : "") + "]";
    }
}
