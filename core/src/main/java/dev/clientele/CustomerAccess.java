package dev.clientele;

import java.util.Objects;

/**
 * A customer and what it may do, read together: what a helpdesk needs of the logged-in customer on each request.
 * {@link CustomerDirectory#findAccess(String)} reads both in one call (with the cache off, one session of the
 * back-ends: on JDBC two statements over one connection, where a lookup then a permissions call are three over
 * two).
 *
 * @param customer    the customer as stored
 * @param permissions its effective permissions by the current policy (none for a customer that is not valid)
 */
public record CustomerAccess(Customer customer, EffectivePermissions permissions) {

    public CustomerAccess {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(permissions, "permissions");
    }
}
