package dev.clientele.memory;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.password.Pbkdf2PasswordHasher;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension for the tests of a host application: each test gets a fresh {@link CustomerDirectory} over a
 * fresh {@link MemoryBackend}, seeded from fixtures if asked, and closed after the test. Tests never see each
 * other's data.
 *
 * <p>Declaratively, with the directory as a parameter of the test method, of a {@code @BeforeEach} /
 * {@code @AfterEach} method or of the test class's constructor:
 * <pre>{@code
 * @ExtendWith(ClienteleExtension.class)
 * @ClienteleFixture("fixtures/customers.fixture")
 * class TicketScreenTest {
 *     @Test
 *     void findsTheCustomerOfAMail(CustomerDirectory directory) {
 *         assertThat(directory.findByEmail("jdoe@acme.example")).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Programmatically, configured, with the directory from a parameter or from {@link #directory()}:
 * <pre>{@code
 * class PermissionTest {
 *     @RegisterExtension
 *     static ClienteleExtension clientele = ClienteleExtension.withFixture("fixtures/customers.fixture")
 *             .policy(CustomerGroupPolicy.builder().groupSupport(true).build())
 *             .passwordIterations(1_000);
 *
 *     @Test
 *     void supportAgentsMayAnswer() {
 *         assertThat(clientele.directory().hasPermission("jdoe", "support", Permission.RW)).isTrue();
 *     }
 * }
 * }</pre>
 *
 * <p>Fixtures: the nearest {@link ClienteleFixture} (test method, then test class, then enclosing classes) wins;
 * without one, those given to {@link #withFixture(String...)}. They are loaded with {@link Fixtures} through the
 * directory, before any {@code @BeforeEach} method of the test runs.
 *
 * <p>Passwords: the directory hashes with {@link Pbkdf2PasswordHasher} at {@value #DEFAULT_PASSWORD_ITERATIONS}
 * iterations (the least it accepts) instead of the production default, so that tests creating or authenticating
 * customers stay fast. Never use such a setting outside tests; change it with {@link #passwordIterations(int)}.
 *
 * <p>Every configuring method returns a new extension and leaves this one as it was. The extension can serve tests
 * running in parallel: each test's directory lives in that test's {@link ExtensionContext}; only
 * {@link #directory()} and {@link #backend()} look up the current test by thread. Constructor injection yields a
 * fresh directory per test under the default per-method test-instance lifecycle; with
 * {@code @TestInstance(PER_CLASS)}, take the directory as a parameter of the test or {@code @BeforeEach} method
 * instead. Needs JUnit Jupiter 5.12 or later on the host's test class path (this module declares
 * {@code junit-jupiter-api} optional: it adds nothing to an application's runtime).
 */
public final class ClienteleExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** The password hashing iterations tests use unless told otherwise. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 1_000;
    /** The name of each test's back-end unless told otherwise. */
    public static final String DEFAULT_BACKEND_NAME = "memory";

    private static final String SESSION = "session";

    private final List<String> fixtures;
    private final @Nullable CustomerGroupPolicy policy;
    private final int passwordIterations;
    private final String backendName;
    private final UnaryOperator<CustomerDirectory.Builder> options;

    private final ThreadLocal<Session> current = new ThreadLocal<>();
    private volatile @Nullable Session last;

    /** An extension without fixture, with core's default policy; what {@code @ExtendWith} instantiates. */
    public ClienteleExtension() {
        this(List.of(), null, DEFAULT_PASSWORD_ITERATIONS, DEFAULT_BACKEND_NAME, UnaryOperator.identity());
    }

    private ClienteleExtension(List<String> fixtures, @Nullable CustomerGroupPolicy policy, int passwordIterations,
            String backendName, UnaryOperator<CustomerDirectory.Builder> options) {
        this.fixtures = List.copyOf(fixtures);
        this.policy = policy;
        this.passwordIterations = passwordIterations;
        this.backendName = backendName;
        this.options = options;
    }

    /** An extension without fixture (same as the constructor), to configure further. */
    public static ClienteleExtension create() {
        return new ClienteleExtension();
    }

    /** An extension seeding each test's directory with these class-path fixtures, in order. */
    public static ClienteleExtension withFixture(String... classpathResources) {
        return create().fixtures(classpathResources);
    }

    /** A copy that also loads these class-path fixtures, after those already given. */
    public ClienteleExtension fixtures(String... classpathResources) {
        List<String> all = new ArrayList<>(fixtures);
        for (String r : classpathResources) {
            all.add(Objects.requireNonNull(r, "fixture"));
        }
        return new ClienteleExtension(all, policy, passwordIterations, backendName, options);
    }

    /** A copy whose directories use this group policy (default: core's, {@link CustomerGroupPolicy#defaults()}). */
    public ClienteleExtension policy(CustomerGroupPolicy policy) {
        return new ClienteleExtension(fixtures, Objects.requireNonNull(policy, "policy"), passwordIterations,
                backendName, options);
    }

    /**
     * A copy whose directories hash passwords with {@link Pbkdf2PasswordHasher} at this many iterations.
     *
     * @throws IllegalArgumentException if the hasher does not accept the count
     */
    public ClienteleExtension passwordIterations(int iterations) {
        Pbkdf2PasswordHasher.withIterations(iterations); // fails now rather than in every test
        return new ClienteleExtension(fixtures, policy, iterations, backendName, options);
    }

    /** A copy whose back-ends have this instance name (default {@value #DEFAULT_BACKEND_NAME}). */
    public ClienteleExtension backendName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a back-end name must not be blank");
        }
        return new ClienteleExtension(fixtures, policy, passwordIterations, name.strip(), options);
    }

    /**
     * A copy that applies these options to each directory builder, after the extension's own settings (back-end,
     * hasher, policy) and after options given before: listeners, a clock, lock-out or password policies...
     */
    public ClienteleExtension configure(UnaryOperator<CustomerDirectory.Builder> moreOptions) {
        Objects.requireNonNull(moreOptions, "moreOptions");
        UnaryOperator<CustomerDirectory.Builder> before = options;
        return new ClienteleExtension(fixtures, policy, passwordIterations, backendName,
                b -> moreOptions.apply(before.apply(b)));
    }

    /**
     * The directory of the test running on this thread (or, from another thread, of the test that started last).
     *
     * @throws IllegalStateException outside a test
     */
    public CustomerDirectory directory() {
        return session("directory()").directory;
    }

    /** The back-end under the current test's directory, to look at what was stored or to make it read-only. */
    public MemoryBackend backend() {
        return session("backend()").backend;
    }

    /** What the fixtures of the current test created. */
    public FixtureReport fixtureReport() {
        return session("fixtureReport()").report;
    }

    // ----- JUnit callbacks ---------------------------------------------------------------------------------------

    @Override
    public void beforeEach(ExtensionContext context) {
        Session session = session(context);
        current.set(session);
        last = session;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Session session = context.getStore(namespace()).remove(SESSION, Session.class);
        current.remove();
        if (session != null) {
            if (last == session) {
                last = null;
            }
            session.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CustomerDirectory.class || type == MemoryBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("ClienteleExtension makes a fresh directory for each test, so it"
                    + " cannot give one to " + parameter.getDeclaringExecutable() + ", which runs for a whole class;"
                    + " take it as a parameter of the test or @BeforeEach method instead");
        }
        Session session = session(context);
        return parameter.getParameter().getType() == MemoryBackend.class ? session.backend : session.directory;
    }

    /** Constructor parameters are resolved in the test method's context, so each test instance gets its own. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    // ----- internals -----------------------------------------------------------------------------------------------

    private Namespace namespace() {
        return Namespace.create(ClienteleExtension.class, this);
    }

    private Session session(ExtensionContext context) {
        return context.getStore(namespace()).getOrComputeIfAbsent(SESSION, k -> open(context), Session.class);
    }

    private Session session(String what) {
        Session s = current.get();
        if (s == null) {
            s = last;
        }
        if (s == null) {
            throw new IllegalStateException("ClienteleExtension." + what + " is only available while a test runs"
                    + " (from @BeforeEach to @AfterEach); is the extension registered with @RegisterExtension?");
        }
        return s;
    }

    private Session open(ExtensionContext context) {
        MemoryBackend backend = MemoryBackend.create(backendName);
        CustomerDirectory.Builder builder = CustomerDirectory.builder()
                .backend(backend)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(passwordIterations));
        if (policy != null) {
            builder.policy(policy);
        }
        CustomerDirectory directory = options.apply(builder).build();
        try {
            ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
                    .orElseGet(ClienteleExtension.class::getClassLoader);
            FixtureReport report = FixtureReport.EMPTY;
            for (String fixture : fixturesFor(context)) {
                report = report.plus(Fixtures.loadResource(directory, fixture, loader));
            }
            return new Session(backend, directory, report);
        } catch (RuntimeException e) {
            try {
                directory.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private List<String> fixturesFor(ExtensionContext context) {
        Optional<ClienteleFixture> annotation = find(context.getTestMethod().orElse(null));
        for (Class<?> c = context.getTestClass().orElse(null); annotation.isEmpty() && c != null;
                c = c.getEnclosingClass()) {
            annotation = find(c);
        }
        return annotation.map(a -> Arrays.asList(a.value())).orElse(fixtures);
    }

    private static Optional<ClienteleFixture> find(@Nullable AnnotatedElement element) {
        return element == null ? Optional.empty() : AnnotationSupport.findAnnotation(element, ClienteleFixture.class);
    }

    /** One test's back-end and directory. Closing is idempotent; JUnit also closes it with the test's context. */
    private static final class Session implements AutoCloseable {
        final MemoryBackend backend;
        final CustomerDirectory directory;
        final FixtureReport report;
        private boolean closed;

        Session(MemoryBackend backend, CustomerDirectory directory, FixtureReport report) {
            this.backend = backend;
            this.directory = directory;
            this.report = report;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    directory.close();
                } finally {
                    backend.close();
                }
            }
        }
    }
}
