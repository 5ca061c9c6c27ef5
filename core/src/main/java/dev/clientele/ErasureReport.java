package dev.clientele;

/**
 * What an erasure (a privacy request) removed for one login.
 *
 * @param login        the erased customer
 * @param source       the customer source that held it
 * @param customer     whether the customer record was removed
 * @param credentials  whether a separately stored password hash was removed (a password kept in the customer's own
 *                     record, such as an LDAP entry's, goes with the record)
 * @param memberships  how many group links were removed
 * @param state        whether login state, reset tokens and preferences were removed
 */
public record ErasureReport(String login, String source, boolean customer, boolean credentials, int memberships,
        boolean state) {
}
