package dev.clientele;

import dev.clientele.config.ClienteleConfig;
import dev.clientele.internal.DirectoryBuilder;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordHasher;
import dev.clientele.password.PasswordStorage;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A helpdesk's customers: the one object an application talks to. It composes back-ends into roles (an ordered
 * chain of customer sources; one store each for groups, companies and state; one or more membership sources) and
 * applies every rule — validation, uniqueness, the group policy, search semantics, password hashing, lock-out,
 * caching — the same way whatever the back-ends are.
 *
 * <p>Get one from configuration ({@link #open(Path)}) or from code ({@link #builder()}). Thread-safe. Close it to
 * release the back-ends it created.
 *
 * <pre>{@code
 * try (CustomerDirectory directory = CustomerDirectory.builder().backend("memory").build()) {
 *     directory.createGroup(Group.of("support"));
 *     directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
 *             .firstName("John").lastName("Doe").build(), "S3cret-pass".toCharArray());
 *     directory.link("jdoe", "support", Permission.RW);
 *     boolean may = directory.hasPermission("jdoe", "support", Permission.RO);
 * }
 * }</pre>
 *
 * <p>Lookups by login, email and customer ID are case-insensitive. Methods that take a login of an existing
 * customer throw {@link CustomerNotFoundException} if no source has it.
 */
public interface CustomerDirectory extends AutoCloseable {

    /** A directory from a properties file, with {@code CLIENTELE_*} environment variables overriding its keys. */
    static CustomerDirectory open(Path propertiesFile) {
        return builder().config(ClienteleConfig.load(propertiesFile)).build();
    }

    /** A builder: back-ends, policy, password and lock-out rules, caching, listeners. */
    static Builder builder() {
        return new DirectoryBuilder();
    }

    // ----- customers -------------------------------------------------------------------------------------------

    /** The customer with this login, from the first source that has it. */
    Optional<Customer> findCustomer(String login);

    /** Like {@link #findCustomer(String)} but throws {@link CustomerNotFoundException}. */
    default Customer getCustomer(String login) {
        return findCustomer(login).orElseThrow(() -> new CustomerNotFoundException(login));
    }

    /** The customers with this email address (exact, case-insensitive), e.g. to match incoming mail. */
    List<Customer> findByEmail(String email);

    /** The customers whose customer ID (company) is this one (exact, case-insensitive), ordered by login. */
    List<Customer> findByCustomerId(String customerId);

    /** Searches every customer source; see {@link CustomerQuery} for the semantics. */
    SearchResult search(CustomerQuery query);

    /** Shorthand for {@code search(CustomerQuery.of(text))}. */
    default SearchResult search(String text) {
        return search(CustomerQuery.of(text));
    }

    /**
     * Every valid customer of every source, each login once: {@code customers(false)}.
     *
     * @see #customers(boolean)
     */
    default Stream<Customer> customers() {
        return customers(false);
    }

    /**
     * Every customer of every source (only {@link Validity#VALID} ones unless {@code includeInvalid}), for an
     * export, a copy or a report: read a page at a time, so memory stays bounded however many there are. Each login
     * comes once: when several sources have it, the earliest source's customer, as {@link #findCustomer(String)}
     * would return it (the later sources' pages are checked against the earlier ones, a batched lookup per page).
     *
     * <p>Order: source after source; within a source, by login (case-insensitively) where its store
     * {@link dev.clientele.spi.CustomerStore#scansInLoginOrder() scans in login order} — the memory and JDBC
     * back-ends — and in directory order for LDAP, which cannot sort without a server-side control. For one list in
     * login order use {@link #customers(String, int, boolean)}. Customers created or erased during the walk may or
     * may not appear; one present throughout appears exactly once. Read directly from the sources, never cached.
     *
     * <p>Close the stream (try-with-resources) when leaving it before its end: an LDAP source holds a pooled
     * connection for its paged search until then. A stream read to its end has released everything.
     */
    Stream<Customer> customers(boolean includeInvalid);

    /**
     * One page of every customer in login order (case-insensitively) across all sources, each login once with the
     * earliest source's data: the customers whose login key comes after {@code afterLogin}'s ({@code null} for the
     * first page), at most {@code size} (1 to 100,000), only valid ones unless {@code includeInvalid}. For a list
     * screen: ask the next page after {@link CustomerPage#nextAfter()}. Keyset paging on the login key, so a page
     * costs the same wherever it is (on a database; an LDAP source reads its whole subtree for each page — walk it
     * with {@link #customers(boolean)} instead).
     */
    CustomerPage customers(String afterLogin, int size, boolean includeInvalid);

    /**
     * Creates a customer in the configured writable source. Checks every field and reports all problems at once
     * ({@link CustomerValidationException}); login (and, by default, email) must be unique across all sources
     * ({@link DuplicateCustomerException}). Sets the timestamps, and version 1 where the store keeps versions (0 where
     * it does not, see {@link dev.clientele.spi.CustomerStore#versioned()}).
     */
    Customer createCustomer(Customer customer);

    /**
     * Creates a customer with a password, checked against the password policy before anything is written.
     */
    Customer createCustomer(Customer customer, char[] password);

    /**
     * Creates many customers at once (an import), with every rule of {@link #createCustomer(Customer)} applied to
     * each row. Rows that break a rule — bad fields, a login or email taken by an existing customer or by an earlier
     * row — are refused and reported one by one; the others are stored, in batches. Memory use is bounded by the batch
     * size (plus the keys seen, to find duplicates inside the import). Rows carry no passwords.
     */
    ImportResult importCustomers(Iterable<Customer> customers, ImportOptions options);

    /** {@link #importCustomers(Iterable, ImportOptions)} with {@link ImportOptions#defaults()}. */
    default ImportResult importCustomers(Iterable<Customer> customers) {
        return importCustomers(customers, ImportOptions.defaults());
    }

    /**
     * Stores changed fields of a customer. The customer must carry the version it was read with; a stale one fails
     * with {@link ConcurrentUpdateException}. The login cannot change. Returns the stored customer (new version).
     */
    Customer updateCustomer(Customer customer);

    /** Sets the customer's validity to {@link Validity#INVALID}: it keeps its data, loses every permission. */
    Customer invalidateCustomer(String login);

    /**
     * Erases a customer for good (a privacy request): the record, its password, its group links and its state.
     * Prefer {@link #invalidateCustomer(String)}: tickets refer to customers.
     */
    ErasureReport eraseCustomer(String login);

    // ----- passwords and login ---------------------------------------------------------------------------------

    /** Sets a new password after checking it against the password policy ({@link PasswordPolicyException}). */
    void setPassword(String login, char[] password);

    /**
     * Verifies a login. Never throws for a wrong or unknown login (see {@link AuthenticationResult}); counts
     * failures and locks the account for a while after too many; re-hashes an outdated stored hash on success.
     * A {@code null} or empty login or password is {@link AuthenticationResult.Outcome#BAD_CREDENTIALS}.
     */
    AuthenticationResult authenticate(@Nullable String login, char @Nullable [] password);

    /**
     * Makes a password reset token for the customer: returned once, stored only as a hash, works once, expires.
     */
    String createPasswordResetToken(String login);

    /**
     * Sets a new password with a reset token. Throws {@link NotFoundException} (kind {@code reset token}) if the
     * token is unknown, used or expired; {@link PasswordPolicyException} if the password is too weak — in which
     * case the token stays usable.
     */
    void resetPassword(String token, char[] newPassword);

    /**
     * Copies a customer's stored password hash into another directory — a migration between back-ends, e.g. from the
     * embedded H2 store to PostgreSQL — without the hash ever leaving core. The customer must exist in both; the
     * target's source that owns it must keep hashes ({@link ReadOnlyBackendException} otherwise). Returns false when
     * there is no stored hash here (no password set, or the source checks passwords itself, as an LDAP bind does).
     *
     * @throws ValidationException if {@code target} is not a directory made by {@link #builder()}
     */
    boolean copyPasswordTo(String login, CustomerDirectory target);

    /**
     * Copies a customer's login state — the last login, the failed logins of the current window and a lock-out —
     * into another directory: a migration, next to {@link #copyPasswordTo}, so that a locked account stays locked
     * and the last login is not lost. The customer must exist in both; the target's state store takes the state as
     * it is here, and the target's lock-out policy applies to it from then on. Returns false, leaving the target as
     * it is, when there is nothing to copy (never logged in, no failure counted, not locked).
     *
     * @throws ValidationException if {@code target} is not a directory made by {@link #builder()}
     */
    boolean copyLoginStateTo(String login, CustomerDirectory target);

    /** Unlocks a locked-out customer and clears its failure count (for an agent or admin). */
    void unlock(String login);

    /**
     * The customer's login bookkeeping, for an admin screen: last login, failed logins counted now, and the lock-out
     * (until when). Throws {@link CustomerNotFoundException} for an unknown login, and {@link ConfigurationException}
     * when no back-end keeps customer state.
     */
    LoginStatus loginStatus(String login);

    /** The customer's preferences (OTRS customer preferences: language, theme, ...), key to value. */
    Map<String, String> preferences(String login);

    /**
     * Sets one preference of the customer. Key (at most 200 characters) and value (at most 4,000) are required and
     * hold no control characters ({@link ValidationException} naming the bad one); a preference is removed with
     * {@link #removePreference(String, String)}.
     */
    void setPreference(String login, String key, String value);

    /** Removes one preference of the customer; false if it had none of that key. */
    boolean removePreference(String login, String key);

    // ----- companies -------------------------------------------------------------------------------------------

    Company createCompany(Company company);

    Company updateCompany(Company company);

    Optional<Company> findCompany(String customerId);

    List<Company> companies();

    /**
     * Searches companies by customer ID and name with the customer search's term rules (terms AND-ed, {@code *} the
     * only wildcard, a term without one a prefix, case-insensitive), every validity, ordered by customer ID, at most
     * {@code limit} of them with a "more results" flag. An empty (or {@code null}) text lists every company.
     */
    CompanySearchResult searchCompanies(@Nullable String text, int limit);

    /** {@link #searchCompanies(String, int)} with the directory's search limit ({@code clientele.search.limit}). */
    CompanySearchResult searchCompanies(@Nullable String text);

    /**
     * The company's stored links (own context): group to permission. The customers of a company are
     * {@link #findByCustomerId(String)}.
     */
    Map<String, Permission> groupsOfCompany(String customerId);

    // ----- groups ----------------------------------------------------------------------------------------------

    Group createGroup(Group group);

    Group updateGroup(Group group);

    Optional<Group> findGroup(String name);

    List<Group> groups();

    // ----- customers <-> groups, companies <-> groups ----------------------------------------------------------

    /** Links a customer to a group with a permission (replacing a link it had to that group). */
    default void link(String login, String group, Permission permission) {
        putMembership(Membership.customer(login, group, permission));
    }

    /** Removes the customer's link to the group; false if there was none. */
    default boolean unlink(String login, String group) {
        return removeMembership(Membership.customer(login, group, Permission.RO));
    }

    /** Links a company (by customer ID) to a group with a permission. */
    default void linkCompany(String customerId, String group, Permission permission) {
        putMembership(Membership.company(customerId, group, permission));
    }

    /** Removes the company's link to the group; false if there was none. */
    default boolean unlinkCompany(String customerId, String group) {
        return removeMembership(Membership.company(customerId, group, Permission.RO));
    }

    /** Adds or replaces any link, e.g. one in the {@link PermissionContext#OTHER_CUSTOMER_IDS} context. */
    void putMembership(Membership membership);

    boolean removeMembership(Membership membership);

    /**
     * Every stored link of a customer (kind {@code CUSTOMER}, by login) or a company (kind {@code COMPANY}, by
     * customer ID), in every context — the {@link PermissionContext#OTHER_CUSTOMER_IDS} ones included — from every
     * membership source: what a copy or an audit must see. Throws {@link NotFoundException} for an unknown subject.
     */
    List<Membership> memberships(Membership.Kind kind, String subject);

    /**
     * Replaces every stored link of a customer (kind {@code CUSTOMER}, by login) or a company (kind {@code COMPANY},
     * by customer ID) at once, in every context: the save button of a screen that shows both contexts, such as a
     * company's groups with its other-customer-IDs links. The counterpart of {@link #memberships(Membership.Kind,
     * String)}: links left out are removed. Every link must be of that kind and subject
     * ({@link ValidationException}), the subject and every group must exist ({@link NotFoundException}), or nothing
     * changes.
     */
    void setMemberships(Membership.Kind kind, String subject, Collection<Membership> memberships);

    /**
     * The customer's stored links (the "Change Group relations for a Customer" screen): group to permission, own
     * context only. Not the effective permissions: see {@link #permissions(String)}.
     */
    Map<String, Permission> groupsOf(String login);

    /**
     * Replaces the customer's stored links at once (the save button of that screen): groups not in the map are
     * unlinked. Every group must exist, or nothing changes.
     */
    void setGroupsOf(String login, Map<String, Permission> groups);

    /** The customers linked to a group (the "Change Customer relations for a Group" screen): login to permission. */
    Map<String, Permission> customersOf(String group);

    /**
     * Replaces the customers linked to a group at once (the save button of that screen): customers not in the map
     * are unlinked from the group. Every login must exist, or nothing changes.
     */
    void setCustomersOf(String group, Map<String, Permission> customers);

    /**
     * The links to a group of the given customers only (own context): login to permission, for those of them that are
     * linked; unknown logins are left out. A page of a group's customer list ({@link #customers(String, int, boolean)}
     * or {@link #search(CustomerQuery)}) with its check boxes, without reading every link of the group as
     * {@link #customersOf(String)} does: it costs one link lookup per login, whatever the group's size.
     */
    Map<String, Permission> customersOf(String group, Collection<String> logins);

    /**
     * Replaces the links to a group of the given customers only, at once (the save button of one page of a group's
     * customer list): of {@code logins}, those in {@code customers} are linked with its permission, the others are
     * unlinked; customers not among {@code logins} keep their links. A login in {@code customers} counts as listed.
     * Every login in {@code customers} must exist ({@link CustomerNotFoundException}), or nothing changes.
     */
    void setCustomersOf(String group, Collection<String> logins, Map<String, Permission> customers);

    /** The companies linked to a group: customer ID to permission. */
    Map<String, Permission> companiesOf(String group);

    // ----- the policy --------------------------------------------------------------------------------------------

    /** What the customer may do, by the current policy; cached. */
    EffectivePermissions permissions(String login);

    /**
     * The customer of this login and its effective permissions, read together (and cached as
     * {@link #findCustomer} and {@link #permissions} are); empty if there is no such customer.
     */
    Optional<CustomerAccess> findAccess(String login);

    /** True if the customer holds {@code required} (or RW when RO is asked) on the group. The hot path. */
    boolean hasPermission(String login, String group, Permission required);

    /** Which rules grant (or block) the customer's permission on the group. */
    PermissionExplanation explain(String login, String group);

    /** The customer IDs whose tickets the customer may see. */
    Set<String> accessibleCustomerIds(String login);

    CustomerGroupPolicy policy();

    /** The rules a new password must satisfy ({@link #setPassword}, {@link #resetPassword}). */
    PasswordPolicy passwordPolicy();

    /** Replaces the policy; applies at once to every customer (always-groups are never stored). */
    void setPolicy(CustomerGroupPolicy policy);

    // ----- the rest --------------------------------------------------------------------------------------------

    /**
     * Opens a scope in which every event this directory fires on the calling thread names {@code actor} (an agent,
     * an admin, a job) — the audit trail's "who". Close it with try-with-resources.
     */
    ActorScope actingAs(String actor);

    void addListener(CustomerEventListener listener);

    void removeListener(CustomerEventListener listener);

    /** Drops every cached customer and permission (after changes made behind the directory's back). */
    void invalidateCaches();

    /** The back-ends in use, by name, in configuration order. */
    Map<String, CustomerBackend> backends();

    /** Closes the back-ends this directory created; back-ends handed in with {@link Builder#backend(CustomerBackend)} stay open. */
    @Override
    void close();

    /**
     * Assembles a {@link CustomerDirectory}. Setters check their argument at once; {@link #build()} checks the
     * whole and reports every problem in one {@link ConfigurationException}.
     */
    interface Builder {
        /** Takes everything a configuration says (back-ends, roles, policy, options). Later setters override it. */
        Builder config(ClienteleConfig config);

        /** Adds a back-end instance of a provider type with default settings, named after its type. */
        Builder backend(String type);

        /** Adds a back-end instance created by the provider of {@code type} from these settings. */
        Builder backend(String name, String type, Map<String, String> settings);

        /** Adds a back-end made elsewhere (tests, DI containers). The directory does not close it. */
        Builder backend(CustomerBackend backend);

        /** Registers a provider explicitly, next to (and before) those found with {@link java.util.ServiceLoader}. */
        Builder provider(CustomerBackendProvider provider);

        /** The customer sources in lookup order (names of back-ends). Default: every back-end with a customer store. */
        Builder customers(String... backendNames);

        /** The source new customers are created in. Default: the first writable one of the chain. */
        Builder createIn(String backendName);

        /** The back-end that holds groups. Default: the first back-end with a group store. */
        Builder groups(String backendName);

        Builder companies(String backendName);

        /** The membership sources; permissions are their union. Default: every back-end with a membership store. */
        Builder memberships(String... backendNames);

        Builder state(String backendName);

        Builder policy(CustomerGroupPolicy policy);

        /** Fill an empty customer ID with the email (the email is unique, so it can serve as the ID). Default off. */
        Builder customerIdFromEmail(boolean on);

        /** Require emails to be unique across sources. Default on. */
        Builder uniqueEmail(boolean on);

        /** The fields a search looks at by default. Default: login, email, customerId, firstName, lastName. */
        Builder searchFields(Set<CustomerField> fields);

        /** Default search limit. Default 250. */
        Builder searchLimit(int limit);

        Builder passwordHasher(PasswordHasher hasher);

        /**
         * How the back-end of this name keeps passwords — re-hash policy, Znuny crypt type, bcrypt cost — in place of
         * its {@code rehash}, {@code crypt-type} and {@code bcrypt-cost} settings; for back-ends handed in with
         * {@link #backend(CustomerBackend)}, which have no settings. Default {@link PasswordStorage#defaults()}.
         */
        Builder passwordStorage(String backendName, PasswordStorage storage);

        Builder passwordPolicy(PasswordPolicy policy);

        Builder lockout(LockoutPolicy lockout);

        /** How long a reset token works. Default 1 hour. */
        Builder resetTokenLifetime(Duration lifetime);

        /** Cache customers and permissions for this long; {@link Duration#ZERO} turns the cache off. Default 60 s. */
        Builder cacheTtl(Duration ttl);

        /**
         * Cache what is read from the back-end of this name for this long instead ({@code Duration.ZERO}: not at
         * all), in place of its {@code cache-ttl} setting (the OTRS {@code CacheTTL} of a source): a customer for
         * its source's TTL; permissions for the shortest TTL of the customer's source and of the back-ends keeping
         * links, groups and companies. For a store changed behind the directory's back, the TTL is how long the
         * change stays unseen.
         */
        Builder cacheTtl(String backendName, Duration ttl);

        /** At most this many cached customers (and as many permission sets). Default 10,000. */
        Builder cacheMaxSize(long size);

        Builder clock(Clock clock);

        Builder listener(CustomerEventListener listener);

        /**
         * Measures the directory on this Micrometer registry: login outcomes, lookup, search and permission-check
         * timers, cache hits (the meters are listed in the README, "Metrics"). Micrometer is an optional dependency
         * of Clientele: add {@code io.micrometer:micrometer-core} to call this; without it nothing is measured and no
         * Micrometer class is ever loaded. The meters are removed when the directory closes.
         */
        Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry);

        CustomerDirectory build();
    }
}
