/**
 * What a back-end author implements: a {@link dev.clientele.spi.CustomerBackendProvider} found with
 * {@link java.util.ServiceLoader}, creating {@link dev.clientele.spi.CustomerBackend}s that offer some of the
 * stores ({@link dev.clientele.spi.CustomerStore}, {@link dev.clientele.spi.CredentialStore},
 * {@link dev.clientele.spi.CompanyStore}, {@link dev.clientele.spi.GroupStore},
 * {@link dev.clientele.spi.MembershipStore}, {@link dev.clientele.spi.StateStore}).
 *
 * <p>Stores store and fetch. Every rule — validation, the group policy, search semantics, password hashing,
 * lock-out, caching — lives in core and is applied by the {@link dev.clientele.CustomerDirectory}. What a store
 * must do is written on each method and proven by the contract suite in core's test-jar
 * ({@code dev.clientele.contract.CustomerBackendContract}).
 *
 * <p>Keys: logins, emails, customer IDs and group names are matched case-insensitively through
 * {@link dev.clientele.spi.Keys}; a store indexes by the key and keeps the value as given.
 *
 * <p>Settings: {@link dev.clientele.spi.BackendSettings} holds a back-end's keys and reads them typed (values
 * parsed by {@link dev.clientele.spi.Values} and {@link dev.clientele.spi.Durations}, the same parsers as the
 * directory's own keys); {@link dev.clientele.spi.Secrets} says which keys are secret and masks secrets in text.
 * This package depends on no other package of core but the API ({@code dev.clientele}).
 *
 * <p>Failures: a store that cannot answer throws {@link dev.clientele.BackendUnavailableException}, never an empty
 * result; a write to a read-only store throws {@link dev.clientele.ReadOnlyBackendException}.
 */
@NullMarked
package dev.clientele.spi;

import org.jspecify.annotations.NullMarked;
