package dev.clientele.contract;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.StateStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every group of the back-end contract shares: the two factory methods a back-end module implements, a
 * test clock, an event recorder, and a directory over a fresh back-end, all closed after each test.
 *
 * <p>A back-end module does not extend this class (nor the groups) itself: it extends
 * {@link CustomerBackendContract}, which runs every group as a {@code @Nested} class.
 */
public abstract class BackendContractSupport {
    /** The fastest iteration count the hasher accepts: keeps the suite fast. */
    protected static final int FAST_ITERATIONS = 1_000;
    /** A password that satisfies every password policy the suite uses. */
    protected static final String PASSWORD = "Corr3ct-Horse-Battery";
    /** Another strong password, different from {@link #PASSWORD}. */
    protected static final String OTHER_PASSWORD = "Anoth3r-Strong-Phrase";
    /** The name of the back-end {@link #backend} is made with. */
    protected static final String MAIN = "main";

    /** The time every directory of the test sees; move it instead of sleeping. */
    protected final MutableClock clock = new MutableClock();
    /** Every event of every directory built with {@link #directoryBuilder(CustomerBackend...)}. */
    protected final RecordingListener events = new RecordingListener();

    /** A fresh, empty, writable back-end named {@value #MAIN}. */
    protected CustomerBackend backend;
    /** A directory over {@link #backend} with the suite's defaults (see {@link #directoryBuilder(CustomerBackend...)}). */
    protected CustomerDirectory directory;

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /**
     * A fresh, EMPTY, writable back-end offering all six stores. Each call returns a new one, isolated from every
     * other (a new in-memory instance, a cleaned schema, an emptied directory subtree).
     */
    protected abstract CustomerBackend newBackend(String name);

    /**
     * A fresh back-end whose customer store is read-only. Back-ends that cannot make one keep this default, which
     * skips the read-only tests.
     */
    protected CustomerBackend newReadOnlyBackend(String name) {
        return Assumptions.abort(getClass().getName() + " cannot make a read-only back-end");
    }

    @BeforeEach
    void openMainDirectory() {
        backend = newBackendClosedLater(MAIN);
        directory = newDirectory(b -> b);
    }

    @AfterEach
    void closeEverything() throws Exception {
        Exception first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** {@link #newBackend(String)}, closed after the test. */
    protected CustomerBackend newBackendClosedLater(String name) {
        return closeLater(newBackend(name));
    }

    /**
     * A directory builder over these back-ends with the suite's defaults: a fast password hasher
     * ({@value #FAST_ITERATIONS} iterations), the test {@link #clock}, and {@link #events} as listener.
     */
    protected CustomerDirectory.Builder directoryBuilder(CustomerBackend... backends) {
        CustomerDirectory.Builder builder = CustomerDirectory.builder();
        for (CustomerBackend b : backends) {
            builder.backend(b);
        }
        return builder.passwordHasher(Pbkdf2PasswordHasher.withIterations(FAST_ITERATIONS))
                .clock(clock)
                .listener(events::add);
    }

    /** A directory over {@link #backend} with the suite's defaults changed by {@code options}, closed after the test. */
    protected CustomerDirectory newDirectory(UnaryOperator<CustomerDirectory.Builder> options) {
        return build(options.apply(directoryBuilder(backend)));
    }

    /** Builds the directory and closes it after the test. */
    protected CustomerDirectory build(CustomerDirectory.Builder builder) {
        return closeLater(builder.build());
    }

    /** Closes this after the test, before whatever was registered earlier. */
    protected <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.push(closeable);
        return closeable;
    }

    /**
     * A customer that passes validation: email {@code <login>@acme.example}, customer ID {@code acme},
     * first name {@code Pat}, last name {@code Example}. Change what a test needs.
     */
    protected static Customer.Builder customer(String login) {
        return Customer.builder(login)
                .email(login + "@acme.example")
                .customerId("acme")
                .firstName("Pat")
                .lastName("Example");
    }

    /** Creates {@link #customer(String)} through {@link #directory}. */
    protected Customer createCustomer(String login) {
        return directory.createCustomer(customer(login).build());
    }

    /** Creates {@link #customer(String)} with {@link #PASSWORD} through {@link #directory}. */
    protected Customer createCustomerWithPassword(String login) {
        return directory.createCustomer(customer(login).build(), PASSWORD.toCharArray());
    }

    /** The customer store of {@link #backend}, to check what was really stored. */
    protected CustomerStore customerStore() {
        return customerStore(backend);
    }

    protected static CustomerStore customerStore(CustomerBackend backend) {
        return backend.customers().orElseThrow(() -> new AssertionError(backend.name() + " has no customer store"));
    }

    /**
     * The credential store of {@link #backend}. A back-end that checks passwords itself ({@code passwordVerifier()},
     * an LDAP bind) has none: tests of stored hashes are then skipped.
     */
    protected CredentialStore credentialStore() {
        if (backend.credentials().isEmpty()) {
            Assumptions.assumeTrue(backend.passwordVerifier().isPresent(),
                    () -> backend.describe() + " has neither a credential store nor a password verifier");
            Assumptions.abort(backend.describe() + " checks passwords itself: stored-hash tests do not apply");
        }
        return backend.credentials().get();
    }

    /** Checks that no password hash is stored for the login, where the back-end keeps hashes at all. */
    protected void assertNoStoredPassword(String login) {
        backend.credentials().ifPresent(c -> org.assertj.core.api.Assertions.assertThat(c.passwordHash(login))
                .as("stored password hash of %s", login).isEmpty());
    }

    protected StateStore stateStore() {
        return backend.state().orElseThrow(() -> new AssertionError(backend.name() + " has no state store"));
    }

    /** The version a customer has after {@code writes} writes: that number, or 0 for a store without versions. */
    protected long versionAfter(int writes) {
        return customerStore().versioned() ? writes : 0;
    }

    /** True if the customer store keeps the directory's created/changed timestamps (not its own). */
    protected boolean keepsTimestamps() {
        return customerStore().keepsTimestamps();
    }

    /** Skips the test unless the customer store of {@link #backend} keeps versions (optimistic locking). */
    protected void assumeVersioned() {
        Assumptions.assumeTrue(customerStore().versioned(),
                () -> backend.describe() + " keeps no customer versions: optimistic locking is not tested");
    }

    /** Skips the test unless the memberships of {@link #backend} keep customers' other-customer-IDs links. */
    protected void assumeOtherContextOfCustomers() {
        Assumptions.assumeTrue(backend.memberships().map(m -> m.keepsOtherContextOfCustomers()).orElse(true),
                () -> backend.describe() + " keeps no other-customer-IDs links of customers (Znuny's tables cannot)");
    }
}
