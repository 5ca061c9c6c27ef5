package dev.clientele.ldap;

import dev.clientele.ldap.internal.CustomerMapper;
import dev.clientele.ldap.internal.DirectoryCheck;
import dev.clientele.ldap.internal.GroupResolver;
import dev.clientele.ldap.internal.LdapConnections;
import dev.clientele.ldap.internal.LdapCustomerStore;
import dev.clientele.ldap.internal.LdapMembershipStore;
import dev.clientele.ldap.internal.LdapPasswordVerifier;
import dev.clientele.ldap.internal.LdapSettings;
import dev.clientele.ldap.internal.SettingsOrigin;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.PasswordVerifier;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer back-end over an LDAP directory (OpenLDAP, Active Directory, any LDAPv3 server), on the UnboundID LDAP
 * SDK. It offers:
 * <ul>
 *   <li>{@link #customers()} — customers as directory entries, read-only unless {@code writable = true};</li>
 *   <li>{@link #passwordVerifier()} — login by bind as the user's entry (there is no credential store: the
 *       directory checks passwords);</li>
 *   <li>{@link #memberships()} — when {@code group-map} is set: read-only customer links from directory groups.</li>
 * </ul>
 * It keeps no companies, groups or customer state: a directory takes those roles from a local back-end (memory or
 * JDBC), as OTRS keeps the state of LDAP customers in its database.
 *
 * <p>Made by configuration ({@code clientele.backend.NAME.type = ldap}, see {@link LdapBackendProvider}) or in code:
 * <pre>{@code
 * LdapBackend corp = LdapBackend.create("corp", Map.of(
 *         "url", "ldaps://ldap1.example.com ldaps://ldap2.example.com",
 *         "base-dn", "ou=people,dc=example,dc=com",
 *         "bind-dn", "cn=clientele,ou=services,dc=example,dc=com",
 *         "bind-password", secret));
 * }</pre>
 * Creating one connects: an unreachable directory throws {@link dev.clientele.BackendUnavailableException}, wrong
 * settings (bind refused, missing base DN, attributes unknown to the schema) a
 * {@link dev.clientele.ConfigurationException} naming them. Thread-safe. Closing it closes its connections.
 */
public final class LdapBackend implements CustomerBackend {
    private final LdapSettings settings;
    private final LdapConnections connections;
    private final LdapCustomerStore customers;
    private final LdapPasswordVerifier verifier;
    private final @Nullable LdapMembershipStore memberships;

    private LdapBackend(LdapSettings settings) {
        this.settings = settings;
        SettingsOrigin origin = settings.origin();
        this.connections = LdapConnections.open(origin, settings.servers(), settings.tls(), settings.pool(),
                settings.bind(), settings.search());
        try {
            DirectoryCheck.run(settings, connections);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
        CustomerMapper mapper = new CustomerMapper(origin, settings.mapping(), settings.search());
        GroupResolver groups = new GroupResolver(settings.groups(), settings.search().baseDn(), connections, mapper);
        this.customers = new LdapCustomerStore(origin, settings.search(), settings.mapping(), settings.writable(),
                connections, mapper);
        this.verifier = new LdapPasswordVerifier(origin, settings.login(), settings.writable(),
                settings.mapping().preset().activeDirectory(), connections, customers, mapper, groups);
        this.memberships = settings.groups().map().isEmpty() ? null
                : new LdapMembershipStore(origin, settings.groups().map(), customers, mapper, groups);
    }

    /** A back-end from its settings (the keys under {@code clientele.backend.NAME.}); connects at once. */
    public static LdapBackend create(BackendSettings settings) {
        return new LdapBackend(LdapSettings.read(settings));
    }

    /** A back-end named {@code name} from these settings; connects at once. */
    public static LdapBackend create(String name, Map<String, String> settings) {
        return create(BackendSettings.of(name, LdapBackendProvider.TYPE, settings));
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String type() {
        return LdapBackendProvider.TYPE;
    }

    /** One directory call: each entry is searched by login once (a lookup and its groups share one search). */
    @Override
    public <T> T inSession(java.util.function.Supplier<T> work) {
        return customers.inSession(work);
    }

    @Override
    public Optional<CustomerStore> customers() {
        return Optional.of(customers);
    }

    @Override
    public Optional<PasswordVerifier> passwordVerifier() {
        return Optional.of(verifier);
    }

    @Override
    public Optional<MembershipStore> memberships() {
        return Optional.ofNullable(memberships);
    }

    @Override
    public String describe() {
        return LdapBackendProvider.TYPE + " back-end '" + name() + "': " + settings.describe();
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "LdapBackend[" + name() + "]";
    }
}
