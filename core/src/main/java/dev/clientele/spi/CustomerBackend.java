package dev.clientele.spi;

import java.util.Optional;

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

    /** A line for people: what this instance is connected to, without secrets. */
    default String describe() {
        return type() + " back-end '" + name() + "'";
    }

    @Override
    void close();
}
