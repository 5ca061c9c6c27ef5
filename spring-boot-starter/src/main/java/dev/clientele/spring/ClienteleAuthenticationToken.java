package dev.clientele.spring;

import dev.clientele.Customer;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A customer logged in through Clientele ({@link ClienteleAuthenticationProvider}). The principal is the login;
 * {@link #customer()} is the customer as it was at login; the authorities are its effective groups at login
 * ({@link CustomerGroupAuthorities}). The password is not kept.
 *
 * <p>{@link CustomerPermissionEvaluator} answers only for authentications of this type, so a user logged in by
 * another provider never gets the permissions of a customer who happens to share its name.
 */
public final class ClienteleAuthenticationToken extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final String login;
    private final transient @Nullable Customer customer;

    /** An authenticated token. */
    public ClienteleAuthenticationToken(Customer customer, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.login = customer.login();
        this.customer = customer;
        super.setAuthenticated(true);
    }

    /** The login. */
    @Override
    public String getPrincipal() {
        return login;
    }

    /** Always null: the password is not kept. */
    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return login;
    }

    /** The customer as it was at login; empty after the token was serialized (read it again by login). */
    public Optional<Customer> customer() {
        return Optional.ofNullable(customer);
    }

    /** A token cannot be made authenticated afterwards; it can be made unauthenticated. */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("a ClienteleAuthenticationToken is authenticated only when made");
        }
        super.setAuthenticated(false);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ClienteleAuthenticationToken t && super.equals(t) && login.equals(t.login);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + login.hashCode();
    }
}
