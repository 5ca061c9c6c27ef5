package dev.clientele.ldap.testing;

import dev.clientele.ldap.LdapBackend;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.StateStore;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * For the contract suite, which wants one back-end with all six stores: customers and passwords from an LDAP
 * back-end, companies, groups, memberships and state from an in-memory one — what a real configuration does with
 * roles (customers = ldap; groups, companies, state, memberships = local). No credential store: passwords are
 * checked by bind.
 */
public final class CompositeBackend implements CustomerBackend {
    private final LdapBackend ldap;
    private final MemoryBackend local;

    public CompositeBackend(LdapBackend ldap, MemoryBackend local) {
        this.ldap = ldap;
        this.local = local;
    }

    @Override
    public String name() {
        return ldap.name();
    }

    @Override
    public String type() {
        return ldap.type();
    }

    @Override
    public Optional<CustomerStore> customers() {
        return ldap.customers();
    }

    @Override
    public Optional<PasswordVerifier> passwordVerifier() {
        return ldap.passwordVerifier();
    }

    @Override
    public Optional<CredentialStore> credentials() {
        return Optional.empty();
    }

    @Override
    public Optional<CompanyStore> companies() {
        return local.companies();
    }

    @Override
    public Optional<GroupStore> groups() {
        return local.groups();
    }

    @Override
    public Optional<MembershipStore> memberships() {
        return local.memberships();
    }

    @Override
    public Optional<StateStore> state() {
        return local.state();
    }

    /**
     * The local part's lock: an erasure and a write checked against the stored customer run one after the other, as
     * they do when the local stores are a database (the directory itself has no transactions).
     */
    @Override
    public <T extends @Nullable Object> T atomically(Supplier<T> work) {
        return local.atomically(work);
    }

    @Override
    public String describe() {
        return ldap.describe() + " + " + local.describe();
    }

    @Override
    public void close() {
        ldap.close();
        local.close();
    }
}
