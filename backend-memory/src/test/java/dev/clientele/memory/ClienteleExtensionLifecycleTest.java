package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.clientele.CustomerDirectory;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Watches the extension from outside: runs probe test classes with the JUnit launcher and checks that each test's
 * directory is closed after it, and how failures are reported. The probes run only when launched from here.
 */
class ClienteleExtensionLifecycleTest {
    private static volatile boolean launched;

    /** Every probe back-end made, and whether it was closed, in order. */
    static final List<ProbeBackend> PROBES = new CopyOnWriteArrayList<>();

    static boolean launched() {
        return launched;
    }

    private static TestExecutionSummary run(Class<?> probe) {
        launched = true;
        try {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(probe)).build(), listener);
            return listener.getSummary();
        } finally {
            launched = false;
        }
    }

    @Test
    @DisplayName("each test's directory closes the back-ends it created after that test, and only then")
    void eachTestsDirectoryIsClosedAfterTheTest() {
        PROBES.clear();
        TestExecutionSummary summary = run(ClosingProbe.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(PROBES).hasSize(3).allSatisfy(p -> assertThat(p.closed).isTrue());
    }

    @Test
    @DisplayName("a broken fixture fails the test with a FixtureException naming the file, the line and the key")
    void aBrokenFixtureFailsTheTestNamingFileAndLine() {
        TestExecutionSummary summary = run(BrokenFixtureProbe.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).isInstanceOf(FixtureException.class)
                .hasMessageStartingWith("fixtures/broken.fixture:5: key 'emial'");
    }

    @Test
    @DisplayName("a @BeforeAll method cannot be given a directory: the error says each test gets a fresh one")
    void aDirectoryCannotBeGivenToWhatRunsForAWholeClass() {
        TestExecutionSummary summary = run(BeforeAllProbe.class);

        assertThat(summary.getFailures()).singleElement()
                .satisfies(f -> assertThat(f.getException()).isInstanceOf(ParameterResolutionException.class)
                        .hasMessageContaining("fresh directory for each test"));
    }

    @Test
    @DisplayName("directory() outside a running test is an IllegalStateException saying so")
    void directoryOutsideATestIsAnError() {
        assertThatIllegalStateException().isThrownBy(() -> ClienteleExtension.create().directory())
                .withMessageContaining("only available while a test runs");
    }

    // ----- probes ------------------------------------------------------------------------------------------------

    /** A back-end the directory creates (so owns and closes) through a provider: tells when it is closed. */
    static final class ProbeBackend implements CustomerBackend {
        volatile boolean closed;

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String type() {
            return "probe";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class ProbeProvider implements CustomerBackendProvider {
        @Override
        public String type() {
            return "probe";
        }

        @Override
        public CustomerBackend create(BackendSettings settings) {
            ProbeBackend b = new ProbeBackend();
            PROBES.add(b);
            return b;
        }
    }

    @EnabledIf("dev.clientele.memory.ClienteleExtensionLifecycleTest#launched")
    static class ClosingProbe {
        @RegisterExtension
        static final ClienteleExtension CLIENTELE = ClienteleExtension.withFixture("fixtures/extra.fixture")
                .configure(b -> b.provider(new ProbeProvider()).backend("probe", "probe", Map.of()));

        @Test
        @DisplayName("probe: the fixture is loaded and every earlier probe back-end is closed, this one not yet")
        void one(CustomerDirectory directory) {
            assertThat(directory.findCustomer("extra")).isPresent();
            assertThat(PROBES).last().satisfies(p -> assertThat(p.closed).isFalse());
            assertThat(PROBES.subList(0, PROBES.size() - 1)).allSatisfy(p -> assertThat(p.closed).isTrue());
        }

        @Test
        @DisplayName("probe: the same checks in a second test")
        void two(CustomerDirectory directory) {
            one(directory);
        }

        @Test
        @DisplayName("probe: the same checks in a third test")
        void three(CustomerDirectory directory) {
            one(directory);
        }
    }

    @EnabledIf("dev.clientele.memory.ClienteleExtensionLifecycleTest#launched")
    @ExtendWith(ClienteleExtension.class)
    static class BrokenFixtureProbe {
        @Test
        @DisplayName("probe: never runs, since its fixture is broken")
        @ClienteleFixture("fixtures/broken.fixture")
        void neverRuns(CustomerDirectory directory) {
            throw new AssertionError("the fixture is broken: this must not run");
        }
    }

    @EnabledIf("dev.clientele.memory.ClienteleExtensionLifecycleTest#launched")
    @ExtendWith(ClienteleExtension.class)
    static class BeforeAllProbe {
        @BeforeAll
        static void once(CustomerDirectory directory) {
            throw new AssertionError("must not be called");
        }

        @Test
        @DisplayName("probe: a test whose class's @BeforeAll asks for a directory")
        void test() {
        }
    }
}
