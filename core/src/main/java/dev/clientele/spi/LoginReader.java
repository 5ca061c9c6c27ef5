package dev.clientele.spi;

import dev.clientele.Customer;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login attempt reads before its password is verified — the customer, its stored password hash and its login
 * state — in one round trip: offered by a back-end that keeps all three in one database
 * ({@link CustomerBackend#loginReader()}). The directory uses it when that back-end is its only customer source and
 * keeps the login state; otherwise it makes the three calls. It reads nothing the separate calls would not: a
 * back-end offering it answers exactly as its {@link CustomerStore#findByLogin}, {@link CredentialStore#passwordHash}
 * and {@link StateStore} do.
 */
public interface LoginReader {

    /**
     * The customer of {@code login} as {@link CustomerStore#findByLogin} finds it, its hash as
     * {@link CredentialStore#passwordHash} reads it, and the stored login state of {@code login} and of
     * {@code other} — each empty where the store holds none ({@link StateStore#loginState} answers an empty state
     * then). {@code other} is a second login key read in the same round trip at the same cost: the directory passes
     * the decoy an unknown login is charged to, so that an attempt costs the same whether its login exists or not.
     */
    LoginRead read(String login, String other);

    /** What {@link #read} found; the states as the state store holds them (for its compare-and-set). */
    record LoginRead(Optional<Customer> customer, Optional<String> hash, Optional<LoginState> state,
            Optional<LoginState> otherState) {
        public LoginRead {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(otherState, "otherState");
        }
    }
}
