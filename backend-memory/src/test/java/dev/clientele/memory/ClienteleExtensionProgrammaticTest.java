package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEvent;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Permission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered as a configured static field, used through {@link ClienteleExtension#directory()}. */
class ClienteleExtensionProgrammaticTest {
    private static final List<CustomerEvent> EVENTS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final ClienteleExtension CLIENTELE = ClienteleExtension.withFixture("fixtures/customers.fixture")
            .policy(CustomerGroupPolicy.builder().groupSupport(true).alwaysGroups(Map.of()).build())
            .passwordIterations(2_000)
            .backendName("local")
            .configure(b -> b.listener(EVENTS::add));

    private CustomerDirectory seenInBeforeEach;

    @BeforeEach
    void before() {
        seenInBeforeEach = CLIENTELE.directory();
        EVENTS.clear();
    }

    @Test
    @DisplayName("the static field's directory() is the test's directory, with the configured policy, back-end name"
            + " and fixture")
    void theFieldGivesTheDirectoryWithTheConfiguredPolicy() {
        CustomerDirectory directory = CLIENTELE.directory();
        assertThat(directory).isSameAs(seenInBeforeEach);
        assertThat(directory.policy().groupSupport()).isTrue();
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();
        assertThat(directory.hasPermission("jdoe", "billing", Permission.RW)).isFalse();
        assertThat(directory.hasPermission("jdoe", "billing", Permission.RO)).isTrue();
        assertThat(CLIENTELE.backend().name()).isEqualTo("local");
        assertThat(CLIENTELE.fixtureReport()).isEqualTo(new FixtureReport(3, 1, 2, 4));
    }

    @Test
    @DisplayName("a CustomerDirectory or MemoryBackend parameter is the same object the field gives")
    void aParameterIsTheSameDirectory(CustomerDirectory directory, MemoryBackend backend) {
        assertThat(directory).isSameAs(CLIENTELE.directory());
        assertThat(backend).isSameAs(CLIENTELE.backend());
    }

    @Test
    @DisplayName("the configured password iterations hash the fixture's passwords and the configured listener gets"
            + " events")
    void theConfiguredIterationsAndListenerAreUsed() {
        assertThat(CLIENTELE.backend().credentials().orElseThrow().passwordHash("jdoe").orElseThrow())
                .startsWith("$pbkdf2-sha256$i=2000,");
        CLIENTELE.directory().invalidateCustomer("jdoe");
        assertThat(EVENTS).extracting(CustomerEvent::type).contains(CustomerEvent.Type.INVALIDATED);
    }

    @RepeatedTest(2)
    @DisplayName("a change made in one test is gone in the next")
    void changesDoNotLeakIntoTheNextTest() {
        assertThat(CLIENTELE.directory().getCustomer("jdoe").isValid()).isTrue();
        CLIENTELE.directory().invalidateCustomer("jdoe");
    }

    @Test
    @DisplayName("a method's @ClienteleFixture wins over the fixture configured on the field")
    @ClienteleFixture("fixtures/extra.fixture")
    void theAnnotationWinsOverTheFieldsFixture() {
        assertThat(CLIENTELE.directory().findCustomer("jdoe")).isEmpty();
        assertThat(CLIENTELE.directory().findCustomer("extra")).isPresent();
    }

    @Test
    @DisplayName("configuring an extension returns a new one and leaves the original alone")
    void configuringReturnsACopy() {
        ClienteleExtension base = ClienteleExtension.create();
        assertThat(base.fixtures("a.fixture")).isNotSameAs(base);
        assertThat(base.policy(CustomerGroupPolicy.defaults())).isNotSameAs(base);
    }
}
