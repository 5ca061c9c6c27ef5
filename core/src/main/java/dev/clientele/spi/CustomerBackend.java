package dev.clientele.spi;

import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A named back-end instance ({@code corp}, {@code local}) offering some stores. A store it does not offer is
 * empty; a read-only store says so with {@code readOnly()}. Closing it releases what it opened (pools,
 * connections) and nothing it was handed.
 */
public interface CustomerBackend extends AutoCloseable {

    /** The instance name from configuration. */
    String name();

    /** The provider type, e.g. {@code memory}. */
    String type();

    default Optional<CustomerStore> customers() {
        return Optional.empty();
    }

    default Optional<CredentialStore> credentials() {
        return Optional.empty();
    }

    default Optional<CompanyStore> companies() {
        return Optional.empty();
    }

    default Optional<GroupStore> groups() {
        return Optional.empty();
    }

    default Optional<MembershipStore> memberships() {
        return Optional.empty();
    }

    default Optional<StateStore> state() {
        return Optional.empty();
    }

    /**
     * Verification of passwords by the store itself (an LDAP bind), for a back-end whose customers' passwords are
     * not stored as hashes in a {@link CredentialStore}. When a back-end offers both, the credential store is used.
     */
    default Optional<PasswordVerifier> passwordVerifier() {
        return Optional.empty();
    }

    /**
     * One round trip for a customer and its links, groups and companies, if this back-end holds all four in one
     * database (see {@link AccessReader}). None by default: the directory reads the customer, then its links.
     */
    default Optional<AccessReader> accessReader() {
        return Optional.empty();
    }

    /**
     * One round trip for what a login attempt reads before the password is verified — the customer, its hash and its
     * login state — if this back-end keeps all three in one database (see {@link LoginReader}). None by default: the
     * directory makes the three calls.
     */
    default Optional<LoginReader> loginReader() {
        return Optional.empty();
    }

    /**
     * Runs {@code work} so that every write it makes to this back-end's stores takes effect together or not at all
     * (a database transaction). The directory wraps each of its operations that writes more than once — a customer
     * with its password, an erasure, a replaced set of links, a chunk of an import — in one call. Nested calls join
     * the outer one. A back-end without transactions runs {@code work} as it is (the default) and says so in its
     * documentation.
     */
    default <T extends @Nullable Object> T atomically(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs {@code work} — one directory call: a permission evaluation, a login — so that the back-end may serve
     * every statement of it over one connection or session, taken when the first store method needs it and given
     * back when {@code work} returns, instead of one per statement. It is no transaction: each write still takes
     * effect on its own (or in its {@link #atomically} call), and each read sees what is committed when it runs.
     * Nested calls, and calls inside {@link #atomically}, join the outer one. The default runs {@code work} as it is.
     */
    default <T extends @Nullable Object> T inSession(Supplier<T> work) {
        return work.get();
    }

    /**
     * The store's notification channel for the caches of several directories on one store (several application
     * nodes), if it has one: each write made through a directory is then published there and every other directory
     * drops what it cached of it. A new channel each call; the directory closes it. None by default: the cache TTL is
     * then the bound on how long another node serves what a write changed.
     */
    default Optional<CacheChannel> cacheChannel() {
        return Optional.empty();
    }

    /**
     * Gauges of what this instance holds open, by name, each read when it is observed: for a connection pool
     * {@value #POOL_ACTIVE}, {@value #POOL_IDLE}, {@value #POOL_PENDING} (callers waiting for a connection) and
     * {@value #POOL_MAX}. A directory given a meter registry publishes each as {@code clientele.backend.NAME}, tagged
     * with the back-end's {@code backend} name and {@code type}. None by default, and none for a pool the host
     * handed in (the host measures its own).
     */
    default Map<String, LongSupplier> gauges() {
        return Map.of();
    }

    /** Connections of the instance's pool in use. */
    String POOL_ACTIVE = "pool.active";
    /** Connections of the instance's pool open and idle. */
    String POOL_IDLE = "pool.idle";
    /** Callers waiting for a connection of the instance's pool. */
    String POOL_PENDING = "pool.pending";
    /** The most connections the instance's pool opens. */
    String POOL_MAX = "pool.max";

    /** A line for people: what this instance is connected to, without secrets. */
    default String describe() {
        return type() + " back-end '" + name() + "'";
    }

    @Override
    void close();
}
