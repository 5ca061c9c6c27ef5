package dev.clientele.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.clientele.AuthenticationResult;
import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.ClienteleException;
import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEvent;
import dev.clientele.CustomerEventListener;
import dev.clientele.CustomerField;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.CustomerQuery;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.EffectivePermissions;
import dev.clientele.ErasureReport;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.PermissionExplanation;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.SearchResult;
import dev.clientele.Validity;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordHasher;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.ResetTokens;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.Keys;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.ResetToken;
import dev.clientele.spi.SearchTerm;
import dev.clientele.spi.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The implementation of {@link CustomerDirectory}: roles, rules, cache and events. */
final class DefaultCustomerDirectory implements CustomerDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCustomerDirectory.class);

    /** Everything the builder assembled. */
    record Settings(Map<String, CustomerBackend> backends, Set<String> owned, DirectoryBuilder.Roles roles,
            CustomerGroupPolicy policy, boolean customerIdFromEmail, boolean uniqueEmail,
            Set<CustomerField> searchFields, int searchLimit, PasswordHasher hasher, PasswordPolicy passwordPolicy,
            LockoutPolicy lockout, Duration resetTokenLifetime, Duration cacheTtl, long cacheMaxSize, Clock clock,
            List<CustomerEventListener> listeners) {
    }

    /** A customer source of the chain. */
    private record Source(String name, CustomerBackend backend, CustomerStore store) {
        Optional<CredentialStore> credentials() {
            return backend.credentials();
        }
    }

    /** A customer and the source that owns it. */
    private record Located(Customer customer, Source source) {
    }

    /** A cached evaluation, tagged with the policy generation it was computed under. */
    private record CachedEvaluation(long generation, PolicyEvaluator.Evaluation evaluation) {
    }

    private final Settings settings;
    private final List<Source> sources;
    private final Optional<Source> createSource;
    private final Optional<GroupStore> groupStore;
    private final Optional<CompanyStore> companyStore;
    private final List<MembershipStore> membershipStores;
    private final Map<MembershipStore, CustomerBackend> membershipOwners = new java.util.IdentityHashMap<>();
    private final Optional<StateStore> stateStore;
    private final AtomicReference<CustomerGroupPolicy> policy;
    private final List<CustomerEventListener> listeners;
    private final Cache<String, Located> customerCache;
    private final Cache<String, CachedEvaluation> permissionCache;
    private final AtomicLong generation = new AtomicLong();

    DefaultCustomerDirectory(Settings s) {
        this.settings = s;
        List<Source> src = new ArrayList<>();
        for (String n : s.roles().customers()) {
            CustomerBackend b = s.backends().get(n);
            src.add(new Source(n, b, b.customers().orElseThrow()));
        }
        this.sources = List.copyOf(src);
        this.createSource = s.roles().createIn().flatMap(n -> sources.stream().filter(x -> x.name.equals(n)).findFirst());
        this.groupStore = s.roles().groups().flatMap(n -> s.backends().get(n).groups());
        this.companyStore = s.roles().companies().flatMap(n -> s.backends().get(n).companies());
        List<MembershipStore> ms = new ArrayList<>();
        for (String n : s.roles().memberships()) {
            MembershipStore store = s.backends().get(n).memberships().orElseThrow();
            ms.add(store);
            membershipOwners.put(store, s.backends().get(n));
        }
        this.membershipStores = List.copyOf(ms);
        this.stateStore = s.roles().state().flatMap(n -> s.backends().get(n).state());
        this.policy = new AtomicReference<>(s.policy());
        this.listeners = new CopyOnWriteArrayList<>(s.listeners());
        boolean cache = !s.cacheTtl().isZero() && s.cacheMaxSize() > 0;
        // The TTL runs on the directory's clock when one was given (tests move it), else on the system ticker.
        com.github.benmanes.caffeine.cache.Ticker ticker = s.clock().equals(Clock.systemUTC())
                || s.clock().equals(Clock.systemDefaultZone())
                ? com.github.benmanes.caffeine.cache.Ticker.systemTicker()
                : () -> s.clock().millis() * 1_000_000L;
        this.customerCache = cache ? Caffeine.newBuilder().ticker(ticker).expireAfterWrite(s.cacheTtl())
                .maximumSize(s.cacheMaxSize()).build() : null;
        this.permissionCache = cache ? Caffeine.newBuilder().ticker(ticker).expireAfterWrite(s.cacheTtl())
                .maximumSize(s.cacheMaxSize()).build() : null;
    }

    // ----- customers -------------------------------------------------------------------------------------------

    @Override
    public Optional<Customer> findCustomer(String login) {
        return locateCached(login).map(Located::customer);
    }

    @Override
    public Customer getCustomer(String login) {
        return findCustomer(login).orElseThrow(() -> new CustomerNotFoundException(login));
    }

    private Optional<Located> locateCached(String login) {
        requireText("login", login);
        if (customerCache == null) {
            return locate(login);
        }
        return Optional.ofNullable(customerCache.get(Keys.of(login), k -> locate(login).orElse(null)));
    }

    /** The first source that has the login, read now (no cache). */
    private Optional<Located> locate(String login) {
        for (Source s : sources) {
            Optional<Customer> c = s.store.findByLogin(login);
            if (c.isPresent()) {
                return Optional.of(new Located(c.get(), s));
            }
        }
        return Optional.empty();
    }

    private Located locateOrThrow(String login) {
        requireText("login", login);
        return locate(login).orElseThrow(() -> new CustomerNotFoundException(login));
    }

    @Override
    public List<Customer> findByEmail(String email) {
        requireText("email", email);
        Map<String, Customer> found = new TreeMap<>();
        for (Source s : sources) {
            for (Customer c : s.store.findByEmail(email)) {
                found.putIfAbsent(Keys.of(c.login()), c);
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<Customer> findByCustomerId(String customerId) {
        requireText("customerId", customerId);
        Map<String, Customer> found = new TreeMap<>();
        for (Source s : sources) {
            for (Customer c : s.store.findByCustomerId(customerId, settings.searchLimit())) {
                found.putIfAbsent(Keys.of(c.login()), c);
            }
        }
        return found.values().stream().limit(settings.searchLimit()).toList();
    }

    @Override
    public SearchResult search(CustomerQuery query) {
        int limit = query.limit().orElse(settings.searchLimit());
        List<SearchTerm> terms = query.terms().stream().map(SearchTerm::parse).toList();
        CustomerSearch spec = new CustomerSearch(terms, query.fields().orElse(settings.searchFields()),
                !query.includeInvalid(), limit + 1);
        TreeMap<String, Customer> merged = new TreeMap<>();
        for (Source s : sources) {
            for (Customer c : s.store.search(spec)) {
                merged.putIfAbsent(Keys.of(c.login()), c);
            }
        }
        List<Customer> all = new ArrayList<>(merged.values());
        boolean more = all.size() > limit;
        return new SearchResult(more ? all.subList(0, limit) : all, more);
    }

    @Override
    public Customer createCustomer(Customer customer) {
        return create(customer, null);
    }

    @Override
    public Customer createCustomer(Customer customer, char[] password) {
        if (password == null) {
            throw new dev.clientele.ValidationException("customer", Map.of("password", "is required"));
        }
        return create(customer, password);
    }

    private Customer create(Customer customer, char[] password) {
        Customer c = withDefaults(customer);
        Validation.check(c);
        if (password != null) {
            settings.passwordPolicy().check(password);
        }
        Source target = createSource.orElseThrow(() -> new ReadOnlyBackendException(
                sources.isEmpty() ? "(none)" : sources.get(0).name, "create customers: no writable customer source"));
        if (target.store.readOnly()) {
            throw new ReadOnlyBackendException(target.name, "create customer " + c.login());
        }
        for (Source s : sources) {
            if (s.store.findByLogin(c.login()).isPresent()) {
                throw new DuplicateCustomerException("login", c.login());
            }
            if (settings.uniqueEmail() && !s.store.findByEmail(c.email()).isEmpty()) {
                throw new DuplicateCustomerException("email", c.email());
            }
        }
        Runnable passwordWrite = password == null ? null : passwordWrite(target, c.login(), password);
        Instant now = now();
        Customer stored = c.toBuilder().version(target.store.versioned() ? 1 : 0).created(now).changed(now).build();
        target.backend.atomically(() -> {
            target.store.insert(stored, settings.uniqueEmail());
            if (passwordWrite != null) {
                try {
                    passwordWrite.run();
                } catch (RuntimeException e) {
                    // Undo by hand too, for back-ends without transactions.
                    try {
                        target.store.delete(stored.login());
                    } catch (RuntimeException undo) {
                        e.addSuppressed(undo);
                    }
                    throw e;
                }
            }
            return null;
        });
        forget(stored.login());
        LOG.debug("Created customer {} in {}", stored.login(), target.name);
        fire(CustomerEvent.Type.CREATED, stored.login(), null, stored, password != null ? "with password" : "");
        return stored;
    }

    @Override
    public ImportResult importCustomers(Iterable<Customer> customers, ImportOptions options) {
        java.util.Objects.requireNonNull(customers, "customers");
        Source target = createSource.orElseThrow(() -> new ReadOnlyBackendException(
                sources.isEmpty() ? "(none)" : sources.get(0).name, "import customers: no writable customer source"));
        if (target.store.readOnly()) {
            throw new ReadOnlyBackendException(target.name, "import customers");
        }
        Importer im = new Importer(target, options);
        for (Customer raw : customers) {
            if (!im.accept(raw)) {
                break;
            }
        }
        im.flush();
        List<ImportResult.Refused> refused = new ArrayList<>(im.refused);
        refused.sort(java.util.Comparator.comparingInt(ImportResult.Refused::row));
        LOG.info("Imported {} customers into {}; {} refused{}", im.added, target.name, refused.size(),
                im.stopped ? " (stopped at the first)" : "");
        return new ImportResult(im.added, refused, im.stopped);
    }

    /** One import: rows are checked as they come and written a batch at a time. */
    private final class Importer {
        private final Source target;
        private final ImportOptions options;
        private final Set<String> seenLogins = new java.util.HashSet<>();
        private final Set<String> seenEmails = new java.util.HashSet<>();
        private final List<ImportResult.Refused> refused = new ArrayList<>();
        private final List<Customer> batch = new ArrayList<>();
        private final List<Integer> rows = new ArrayList<>();
        private int row;
        private int added;
        private boolean stopped;

        Importer(Source target, ImportOptions options) {
            this.target = target;
            this.options = options;
        }

        /** Takes one row; false when the import must stop. */
        boolean accept(Customer raw) {
            int r = row++;
            if (raw == null) {
                return refuse(r, null, Map.of("customer", "is missing (null row)"));
            }
            Customer c = withDefaults(raw);
            try {
                Validation.check(c);
            } catch (dev.clientele.ValidationException e) {
                return refuse(r, raw.login(), e.errors());
            }
            String loginKey = Keys.of(c.login());
            if (seenLogins.contains(loginKey)) {
                return refuse(r, c.login(), Map.of("login", "is taken by an earlier row"));
            }
            if (settings.uniqueEmail() && seenEmails.contains(Keys.of(c.email()))) {
                return refuse(r, c.login(), Map.of("email", "is used by an earlier row"));
            }
            seenLogins.add(loginKey);
            if (settings.uniqueEmail()) {
                seenEmails.add(Keys.of(c.email()));
            }
            batch.add(c);
            rows.add(r);
            if (batch.size() >= options.batchSize()) {
                flush();
            }
            return !stopped;
        }

        private boolean refuse(int r, String login, Map<String, String> errors) {
            refused.add(new ImportResult.Refused(r, login, errors));
            if (options.stopOnError()) {
                stopped = true;
            }
            return !stopped;
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<String> logins = batch.stream().map(Customer::login).toList();
            List<String> emails = batch.stream().map(Customer::email).toList();
            Set<String> takenLogins = new java.util.HashSet<>();
            Set<String> takenEmails = new java.util.HashSet<>();
            for (Source s : sources) {
                takenLogins.addAll(s.store.existingLogins(logins));
                if (settings.uniqueEmail()) {
                    takenEmails.addAll(s.store.existingEmails(emails));
                }
            }
            Instant now = now();
            List<Customer> write = new ArrayList<>();
            List<Integer> writeRows = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Customer c = batch.get(i);
                String field = takenLogins.contains(Keys.of(c.login())) ? "login"
                        : takenEmails.contains(Keys.of(c.email())) ? "email" : null;
                if (field != null) {
                    refused.add(new ImportResult.Refused(rows.get(i), c.login(), Map.of(field, "exists already")));
                    if (options.stopOnError()) {
                        stopped = true;
                        break;
                    }
                    continue;
                }
                write.add(c.toBuilder().version(target.store.versioned() ? 1 : 0).created(now).changed(now).build());
                writeRows.add(rows.get(i));
            }
            batch.clear();
            rows.clear();
            if (write.isEmpty()) {
                return;
            }
            Map<Integer, DuplicateCustomerException> lost = target.backend.atomically(
                    () -> target.store.insertAll(write, settings.uniqueEmail()));
            for (int i = 0; i < write.size(); i++) {
                DuplicateCustomerException d = lost.get(i);
                if (d != null) {
                    refused.add(new ImportResult.Refused(writeRows.get(i), write.get(i).login(),
                            Map.of(d.field(), "exists already")));
                    stopped |= options.stopOnError();
                } else {
                    added++;
                    fire(CustomerEvent.Type.CREATED, write.get(i).login(), null, write.get(i), "import");
                }
            }
        }
    }

    private Customer withDefaults(Customer c) {
        if (settings.customerIdFromEmail() && c.customerId() == null && c.email() != null) {
            return c.toBuilder().customerId(c.email()).build();
        }
        return c;
    }

    @Override
    public Customer updateCustomer(Customer customer) {
        Located at = locateOrThrow(customer.login());
        Customer c = withDefaults(customer);
        Validation.check(c);
        return store(at, c, CustomerEvent.Type.UPDATED, "");
    }

    @Override
    public Customer invalidateCustomer(String login) {
        Located at = locateOrThrow(login);
        Customer before = at.customer;
        return store(at, before.toBuilder().validity(Validity.INVALID).build(), CustomerEvent.Type.INVALIDATED, "");
    }

    private Customer store(Located at, Customer changed, CustomerEvent.Type event, String detail) {
        Source s = at.source;
        Customer before = at.customer;
        if (s.store.readOnly()) {
            throw new ReadOnlyBackendException(s.name, "change customer " + before.login());
        }
        if (settings.uniqueEmail() && changed.email() != null && !Keys.same(changed.email(), before.email())) {
            for (Source other : sources) {
                for (Customer c : other.store.findByEmail(changed.email())) {
                    if (!Keys.same(c.login(), before.login())) {
                        throw new DuplicateCustomerException("email", changed.email());
                    }
                }
            }
        }
        Instant now = now();
        long expected = changed.version();
        Customer stored = changed.toBuilder().login(before.login()).created(before.created()).changed(now)
                .version(s.store.versioned() ? expected + 1 : 0).build();
        s.store.update(stored, expected, settings.uniqueEmail());
        forget(stored.login());
        fire(event, stored.login(), before, stored, detail);
        return stored;
    }

    @Override
    public ErasureReport eraseCustomer(String login) {
        Located at = locateOrThrow(login);
        Source s = at.source;
        if (s.store.readOnly()) {
            throw new ReadOnlyBackendException(s.name, "erase customer " + at.customer.login());
        }
        String l = at.customer.login();
        return s.backend.atomically(() -> erase(at, s, l));
    }

    private ErasureReport erase(Located at, Source s, String l) {
        boolean credentials = s.credentials().filter(c -> !c.readOnly()).map(c -> c.deletePasswordHash(l)).orElse(false);
        int links = 0;
        for (MembershipStore m : membershipStores) {
            if (!m.readOnly()) {
                links += m.removeAll(Membership.Kind.CUSTOMER, l);
            }
        }
        boolean state = stateStore.map(st -> st.deleteAll(l)).orElse(false);
        boolean removed = s.store.delete(l);
        forget(l);
        fire(CustomerEvent.Type.ERASED, l, at.customer, null, "");
        return new ErasureReport(l, s.name, removed, credentials, links, state);
    }

    // ----- passwords and login ---------------------------------------------------------------------------------

    @Override
    public void setPassword(String login, char[] password) {
        Located at = locateOrThrow(login);
        settings.passwordPolicy().check(password);
        storePassword(at.source, at.customer.login(), password);
        fire(CustomerEvent.Type.PASSWORD_CHANGED, at.customer.login(), null, null, "");
    }

    /** Stores a password where the owning source keeps them: a hash in its credential store, or in the store itself. */
    private void storePassword(Source source, String login, char[] password) {
        passwordWrite(source, login, password).run();
    }

    /**
     * Prepares the write of a password — checks that the source can take one and hashes it (slow, so never inside a
     * transaction) — and returns the write itself.
     */
    private Runnable passwordWrite(Source source, String login, char[] password) {
        Optional<CredentialStore> creds = source.credentials();
        if (creds.isPresent()) {
            if (creds.get().readOnly()) {
                throw new ReadOnlyBackendException(source.name, "change the password of " + login);
            }
            String hash = settings.hasher().hash(password);
            return () -> creds.get().setPasswordHash(login, hash);
        }
        Optional<PasswordVerifier> verifier = source.backend.passwordVerifier();
        if (verifier.isPresent() && !verifier.get().readOnly()) {
            return () -> verifier.get().setPassword(login, password);
        }
        throw new ReadOnlyBackendException(source.name, "change the password of " + login
                + (verifier.isPresent() ? "" : " (it keeps no passwords)"));
    }

    @Override
    public AuthenticationResult authenticate(String login, char[] password) {
        PasswordHasher hasher = settings.hasher();
        if (login == null || login.isBlank() || password == null || password.length == 0) {
            hasher.verify(new char[] {'x'}, hasher.dummyHash());
            return failed(login == null ? "" : login, Outcome.BAD_CREDENTIALS, "empty login or password");
        }
        Optional<Located> at = locate(login);
        if (at.isEmpty()) {
            hasher.verify(password, hasher.dummyHash());
            return failed(login, Outcome.BAD_CREDENTIALS, "unknown login");
        }
        Customer c = at.get().customer;
        Source source = at.get().source;
        Instant now = now();
        LockoutPolicy lockout = settings.lockout();
        if (stateStore.isPresent() && lockout.isLocked(stateStore.get().loginState(c.login()), now)) {
            // No verification at all: a directory behind us must not count this attempt against its own lock-out.
            hasher.verify(password, hasher.dummyHash());
            return failed(c.login(), Outcome.LOCKED_OUT, "locked out");
        }
        Optional<CredentialStore> creds = source.credentials();
        Optional<String> hash = Optional.empty();
        boolean ok;
        if (creds.isPresent()) {
            hash = creds.get().passwordHash(c.login());
            ok = hasher.verify(password, hash.orElse(hasher.dummyHash())) && hash.isPresent();
        } else if (source.backend.passwordVerifier().isPresent()) {
            ok = source.backend.passwordVerifier().get().verify(c.login(), password)
                    == PasswordVerifier.Verification.VALID;
        } else {
            hasher.verify(password, hasher.dummyHash());
            ok = false;
        }
        if (!ok) {
            boolean nowLocked = stateStore.map(st -> lockout.isLocked(
                    st.updateLoginState(c.login(), s -> lockout.afterFailure(s, now)), now)).orElse(false);
            return failed(c.login(), Outcome.BAD_CREDENTIALS, "bad credentials" + (nowLocked ? ", now locked out" : ""));
        }
        if (!c.isValid()) {
            return failed(c.login(), Outcome.ACCOUNT_INVALID, "account invalid");
        }
        stateStore.ifPresent(st -> st.updateLoginState(c.login(), s -> lockout.afterSuccess(s, now)));
        if (hash.isPresent() && hasher.needsRehash(hash.get()) && !creds.get().readOnly()) {
            try {
                creds.get().setPasswordHash(c.login(), hasher.hash(password));
                LOG.debug("Re-hashed the password of {} with the current parameters", c.login());
            } catch (RuntimeException e) {
                LOG.warn("Could not re-hash the password of {}: {}", c.login(), e.toString());
            }
        }
        fire(CustomerEvent.Type.LOGIN_SUCCEEDED, c.login(), null, c, "");
        return AuthenticationResult.success(c);
    }

    private AuthenticationResult failed(String login, Outcome outcome, String detail) {
        fire(CustomerEvent.Type.LOGIN_FAILED, login, null, null, detail);
        return AuthenticationResult.failure(outcome);
    }

    @Override
    public String createPasswordResetToken(String login) {
        Located at = locateOrThrow(login);
        StateStore st = stateStore.orElseThrow(() -> DirectoryBuilder.noStore("clientele.state", "customer state"));
        String token = ResetTokens.newToken();
        st.storeResetToken(new ResetToken(ResetTokens.hash(token), at.customer.login(),
                now().plus(settings.resetTokenLifetime())));
        return token;
    }

    @Override
    public void resetPassword(String token, char[] newPassword) {
        StateStore st = stateStore.orElseThrow(() -> DirectoryBuilder.noStore("clientele.state", "customer state"));
        if (token == null || token.isBlank()) {
            throw new NotFoundException("reset token", "(empty)");
        }
        settings.passwordPolicy().check(newPassword);
        Optional<ResetToken> t = st.takeResetToken(ResetTokens.hash(token));
        if (t.isEmpty() || !t.get().expiresAt().isAfter(now())) {
            throw new NotFoundException("reset token", "(given token: unknown, used or expired)");
        }
        Located at = locateOrThrow(t.get().login());
        storePassword(at.source, at.customer.login(), newPassword);
        st.updateLoginState(at.customer.login(), settings.lockout()::unlocked);
        fire(CustomerEvent.Type.PASSWORD_CHANGED, at.customer.login(), null, null, "by reset token");
    }

    @Override
    public boolean copyPasswordTo(String login, CustomerDirectory target) {
        if (!(target instanceof DefaultCustomerDirectory)) {
            throw new IllegalArgumentException("target must be a directory made by CustomerDirectory.builder()");
        }
        DefaultCustomerDirectory other = (DefaultCustomerDirectory) target;
        Located here = locateOrThrow(login);
        Optional<String> hash = here.source.credentials().flatMap(c -> c.passwordHash(here.customer.login()));
        if (hash.isEmpty()) {
            return false;
        }
        Located there = other.locateOrThrow(login);
        CredentialStore creds = there.source.credentials().filter(c -> !c.readOnly())
                .orElseThrow(() -> new ReadOnlyBackendException(there.source.name,
                        "store the password hash of " + there.customer.login()));
        creds.setPasswordHash(there.customer.login(), hash.get());
        other.fire(CustomerEvent.Type.PASSWORD_CHANGED, there.customer.login(), null, null, "copied");
        return true;
    }

    @Override
    public void unlock(String login) {
        Located at = locateOrThrow(login);
        stateStore.ifPresent(st -> st.updateLoginState(at.customer.login(), settings.lockout()::unlocked));
    }

    // ----- companies -------------------------------------------------------------------------------------------

    private CompanyStore companies(boolean write) {
        CompanyStore s = companyStore.orElseThrow(() -> DirectoryBuilder.noStore("clientele.companies", "companies"));
        if (write && s.readOnly()) {
            throw new ReadOnlyBackendException(settings.roles().companies().orElse("?"), "change companies");
        }
        return s;
    }

    @Override
    public Company createCompany(Company company) {
        Validation.check(company);
        companies(true).insert(company);
        policyChanged();
        return company;
    }

    @Override
    public Company updateCompany(Company company) {
        Validation.check(company);
        companies(true).update(company);
        policyChanged();
        return company;
    }

    @Override
    public Optional<Company> findCompany(String customerId) {
        requireText("customerId", customerId);
        return companyStore.flatMap(s -> s.find(customerId));
    }

    @Override
    public List<Company> companies() {
        return companyStore.map(CompanyStore::list).orElse(List.of());
    }

    // ----- groups ----------------------------------------------------------------------------------------------

    private GroupStore groups(boolean write) {
        GroupStore s = groupStore.orElseThrow(() -> DirectoryBuilder.noStore("clientele.groups", "groups"));
        if (write && s.readOnly()) {
            throw new ReadOnlyBackendException(settings.roles().groups().orElse("?"), "change groups");
        }
        return s;
    }

    @Override
    public Group createGroup(Group group) {
        Validation.check(group);
        groups(true).insert(group);
        policyChanged();
        return group;
    }

    @Override
    public Group updateGroup(Group group) {
        Validation.check(group);
        groups(true).update(group);
        policyChanged();
        return group;
    }

    @Override
    public Optional<Group> findGroup(String name) {
        requireText("group", name);
        return groupStore.flatMap(s -> s.find(name));
    }

    @Override
    public List<Group> groups() {
        return groupStore.map(GroupStore::list).orElse(List.of());
    }

    private Group existingGroup(String name) {
        requireText("group", name);
        return groups(false).find(name).orElseThrow(() -> new NotFoundException("group", name));
    }

    // ----- memberships -------------------------------------------------------------------------------------------

    private MembershipStore membershipWriter() {
        for (MembershipStore m : membershipStores) {
            if (!m.readOnly()) {
                return m;
            }
        }
        throw membershipStores.isEmpty() ? DirectoryBuilder.noStore("clientele.memberships", "memberships")
                : new ReadOnlyBackendException(String.join(", ", settings.roles().memberships()), "change memberships");
    }

    @Override
    public void link(String login, String group, Permission permission) {
        putMembership(Membership.customer(login, group, permission));
    }

    @Override
    public boolean unlink(String login, String group) {
        return removeMembership(Membership.customer(login, group, Permission.RO));
    }

    @Override
    public void linkCompany(String customerId, String group, Permission permission) {
        putMembership(Membership.company(customerId, group, permission));
    }

    @Override
    public boolean unlinkCompany(String customerId, String group) {
        return removeMembership(Membership.company(customerId, group, Permission.RO));
    }

    @Override
    public void putMembership(Membership m) {
        Membership canonical = canonical(m);
        membershipWriter().put(canonical);
        membershipChanged(canonical, canonical.group() + ": " + canonical.permission().key()
                + (canonical.context() == PermissionContext.OWN ? "" : " (" + canonical.context() + ")"));
    }

    @Override
    public boolean removeMembership(Membership m) {
        Membership canonical = canonical(m);
        membershipWriter();
        boolean removed = removeEverywhere(canonical);
        if (removed) {
            membershipChanged(canonical, canonical.group() + ": removed");
        }
        return removed;
    }

    /** Removes a link from every writable membership source; true if one had it. */
    private boolean removeEverywhere(Membership m) {
        boolean removed = false;
        for (MembershipStore s : membershipStores) {
            if (!s.readOnly()) {
                removed |= s.remove(m);
            }
        }
        return removed;
    }

    /** Checks that subject and group exist; uses their stored spelling. */
    private Membership canonical(Membership m) {
        Group g = existingGroup(m.group());
        String subject = m.subject();
        if (m.kind() == Membership.Kind.CUSTOMER) {
            subject = locateOrThrow(m.subject()).customer.login();
        } else if (companyStore.isPresent()) {
            subject = companyStore.get().find(m.subject()).map(Company::customerId)
                    .orElseThrow(() -> new NotFoundException("company", m.subject()));
        }
        return new Membership(m.kind(), subject, g.name(), m.permission(), m.context());
    }

    private void membershipChanged(Membership m, String detail) {
        if (m.kind() == Membership.Kind.CUSTOMER && m.context() == PermissionContext.OWN) {
            forgetPermissions(m.subject());
            fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, m.subject(), null, null, detail);
        } else {
            policyChanged();
            if (m.kind() == Membership.Kind.CUSTOMER) {
                fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, m.subject(), null, null, detail);
            }
        }
    }

    private List<Membership> linksOf(String login, Collection<String> customerIds) {
        if (membershipStores.size() == 1) {
            return membershipStores.get(0).linksOf(login, customerIds);
        }
        List<Membership> all = new ArrayList<>();
        for (MembershipStore m : membershipStores) {
            all.addAll(m.linksOf(login, customerIds));
        }
        return all;
    }

    private List<Membership> linksTo(String group) {
        List<Membership> all = new ArrayList<>();
        for (MembershipStore m : membershipStores) {
            all.addAll(m.linksTo(group));
        }
        return all;
    }

    @Override
    public Map<String, Permission> groupsOf(String login) {
        Customer c = locateOrThrow(login).customer;
        Map<String, Permission> out = new TreeMap<>();
        for (Membership m : linksOf(c.login(), List.of())) {
            if (m.kind() == Membership.Kind.CUSTOMER && m.context() == PermissionContext.OWN
                    && Keys.same(m.subject(), c.login())) {
                out.merge(m.group(), m.permission(), Permission::strongest);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void setGroupsOf(String login, Map<String, Permission> wanted) {
        Customer c = locateOrThrow(login).customer;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String g : wanted.keySet()) {
            groups.put(Keys.of(g), existingGroup(g));
        }
        MembershipStore writer = membershipWriter();
        backendOf(writer).atomically(() -> {
            replaceGroups(c, wanted, groups, writer);
            return null;
        });
        forgetPermissions(c.login());
        fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, c.login(), null, null, "groups set to " + new TreeMap<>(wanted));
    }

    private CustomerBackend backendOf(MembershipStore store) {
        return membershipOwners.get(store);
    }

    private void replaceGroups(Customer c, Map<String, Permission> wanted, Map<String, Group> groups,
            MembershipStore writer) {
        Map<String, Permission> current = groupsOf(c.login());
        for (String g : current.keySet()) {
            if (!groups.containsKey(Keys.of(g))) {
                removeEverywhere(Membership.customer(c.login(), g, Permission.RO));
            }
        }
        wanted.forEach((g, p) -> writer.put(Membership.customer(c.login(), groups.get(Keys.of(g)).name(), p)));
    }

    @Override
    public Map<String, Permission> customersOf(String group) {
        return subjectsOf(group, Membership.Kind.CUSTOMER);
    }

    @Override
    public void setCustomersOf(String group, Map<String, Permission> wanted) {
        Group g = existingGroup(group);
        Map<String, String> logins = new LinkedHashMap<>();
        for (String l : wanted.keySet()) {
            logins.put(Keys.of(l), locateOrThrow(l).customer.login());
        }
        MembershipStore writer = membershipWriter();
        Map<String, Permission> current = customersOf(g.name());
        backendOf(writer).atomically(() -> {
            for (String l : current.keySet()) {
                if (!logins.containsKey(Keys.of(l))) {
                    removeEverywhere(Membership.customer(l, g.name(), Permission.RO));
                }
            }
            wanted.forEach((l, p) -> writer.put(Membership.customer(logins.get(Keys.of(l)), g.name(), p)));
            return null;
        });
        policyChanged();
        for (String l : current.keySet()) {
            if (!logins.containsKey(Keys.of(l))) {
                fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, l, null, null, g.name() + ": removed");
            }
        }
        wanted.forEach((l, p) -> fire(CustomerEvent.Type.MEMBERSHIP_CHANGED, logins.get(Keys.of(l)), null, null,
                g.name() + ": " + p.key()));
    }

    @Override
    public Map<String, Permission> companiesOf(String group) {
        return subjectsOf(group, Membership.Kind.COMPANY);
    }

    private Map<String, Permission> subjectsOf(String group, Membership.Kind kind) {
        Group g = existingGroup(group);
        Map<String, Permission> out = new TreeMap<>();
        for (Membership m : linksTo(g.name())) {
            if (m.kind() == kind && m.context() == PermissionContext.OWN) {
                out.merge(m.subject(), m.permission(), Permission::strongest);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    // ----- policy ------------------------------------------------------------------------------------------------

    private PolicyEvaluator.Evaluation evaluation(String login) {
        requireText("login", login);
        if (permissionCache == null) {
            return evaluate(locateOrThrow(login).customer);
        }
        String key = Keys.of(login);
        CachedEvaluation cached = permissionCache.getIfPresent(key);
        long gen = generation.get();
        if (cached != null && cached.generation == gen) {
            return cached.evaluation;
        }
        Customer c = locateCached(login).orElseThrow(() -> new CustomerNotFoundException(login)).customer;
        PolicyEvaluator.Evaluation e = evaluate(c);
        permissionCache.asMap().merge(key, new CachedEvaluation(gen, e),
                (old, now) -> old.generation > now.generation ? old : now);
        return e;
    }

    private PolicyEvaluator.Evaluation evaluate(Customer c) {
        return PolicyEvaluator.evaluate(policy.get(), c, policyData);
    }

    private final PolicyEvaluator.Data policyData = new PolicyEvaluator.Data() {
        @Override
        public Optional<Group> group(String name) {
            return groupStore.flatMap(s -> s.find(name));
        }

        @Override
        public List<Group> allGroups() {
            return groups();
        }

        @Override
        public boolean companyValid(String customerId) {
            return companyStore.map(s -> s.find(customerId).map(Company::isValid).orElse(false)).orElse(true);
        }

        @Override
        public List<Membership> linksOf(String login, Collection<String> customerIds) {
            return DefaultCustomerDirectory.this.linksOf(login, customerIds);
        }

        @Override
        public List<Membership> linksTo(String group) {
            return DefaultCustomerDirectory.this.linksTo(group);
        }
    };

    @Override
    public EffectivePermissions permissions(String login) {
        return evaluation(login).permissions();
    }

    @Override
    public boolean hasPermission(String login, String group, Permission required) {
        requireText("group", group);
        return evaluation(login).permissions().has(group, required);
    }

    @Override
    public PermissionExplanation explain(String login, String group) {
        requireText("group", group);
        Customer c = locateOrThrow(login).customer;
        return evaluate(c).explain(group);
    }

    @Override
    public Set<String> accessibleCustomerIds(String login) {
        return evaluation(login).permissions().customerIds();
    }

    @Override
    public CustomerGroupPolicy policy() {
        return policy.get();
    }

    @Override
    public void setPolicy(CustomerGroupPolicy newPolicy) {
        policy.set(java.util.Objects.requireNonNull(newPolicy, "policy"));
        policyChanged();
        LOG.info("Customer group policy changed: {}", newPolicy);
    }

    // ----- the rest ------------------------------------------------------------------------------------------------

    @Override
    public void addListener(CustomerEventListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(CustomerEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void invalidateCaches() {
        if (customerCache != null) {
            customerCache.invalidateAll();
        }
        policyChanged();
    }

    @Override
    public Map<String, CustomerBackend> backends() {
        return Collections.unmodifiableMap(settings.backends());
    }

    @Override
    public void close() {
        ClienteleException failure = null;
        for (Map.Entry<String, CustomerBackend> e : settings.backends().entrySet()) {
            if (settings.owned().contains(e.getKey())) {
                try {
                    e.getValue().close();
                } catch (RuntimeException ex) {
                    LOG.warn("Closing back-end {} failed: {}", e.getKey(), ex.toString());
                    if (failure == null) {
                        failure = new ClienteleException("closing back-end '" + e.getKey() + "' failed", ex);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "CustomerDirectory[customers=" + settings.roles().customers() + ", backends="
                + settings.backends().keySet() + "]";
    }

    // ----- internals -------------------------------------------------------------------------------------------

    private void forget(String login) {
        if (customerCache != null) {
            customerCache.invalidate(Keys.of(login));
        }
        forgetPermissions(login);
    }

    /**
     * Drops the login's permissions. The generation moves on too, so an evaluation that was computed concurrently
     * from data read before the write is never served.
     */
    private void forgetPermissions(String login) {
        generation.incrementAndGet();
        if (permissionCache != null) {
            permissionCache.invalidate(Keys.of(login));
        }
    }

    private void policyChanged() {
        generation.incrementAndGet();
        if (permissionCache != null) {
            permissionCache.invalidateAll();
        }
    }

    private void fire(CustomerEvent.Type type, String login, Customer before, Customer after, String detail) {
        if (listeners.isEmpty()) {
            return;
        }
        CustomerEvent e = new CustomerEvent(type, login, now(), Optional.ofNullable(before),
                Optional.ofNullable(after), detail);
        for (CustomerEventListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("Customer event listener {} failed on {}: {}", l, e, ex.toString());
            }
        }
    }

    /**
     * The time, to the millisecond: what every store can keep exactly (databases hold microseconds, directories
     * less), so a customer read back equals the one a write returned.
     */
    private Instant now() {
        return settings.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new dev.clientele.ValidationException("argument", Map.of(field, "is required"));
        }
    }
}
