package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension used declaratively: {@code @ExtendWith}, {@code @ClienteleFixture}, parameters and constructor. */
@ExtendWith(ClienteleExtension.class)
@ClienteleFixture("fixtures/customers.fixture")
class ClienteleExtensionDeclarativeTest {
    private static final Set<CustomerDirectory> SEEN = Collections.newSetFromMap(new IdentityHashMap<>());

    private final CustomerDirectory fromConstructor;
    private CustomerDirectory fromBeforeEach;

    ClienteleExtensionDeclarativeTest(CustomerDirectory directory) {
        this.fromConstructor = directory;
    }

    @BeforeEach
    void before(CustomerDirectory directory) {
        fromBeforeEach = directory;
    }

    private static Customer extra() {
        return Customer.builder("extra").email("extra@acme.example").customerId("acme").firstName("Ex")
                .lastName("Tra").build();
    }

    @RepeatedTest(3)
    @DisplayName("each test gets a fresh directory seeded with the class's fixture, the same one in the constructor,"
            + " @BeforeEach and parameters")
    void eachTestGetsAFreshSeededDirectory(CustomerDirectory directory, MemoryBackend backend) {
        assertThat(SEEN.add(directory)).as("a directory no other test had").isTrue();
        assertThat(directory).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        assertThat(backend.name()).isEqualTo(ClienteleExtension.DEFAULT_BACKEND_NAME);
        assertThat(directory.backends()).containsValue(backend);

        assertThat(directory.findCustomer("jdoe")).isPresent();
        assertThat(directory.findCustomer("extra")).as("written by another test").isEmpty();
        directory.createCustomer(extra());
        assertThat(backend.customers().orElseThrow().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("a method's @ClienteleFixture replaces the class's fixture")
    @ClienteleFixture("fixtures/extra.fixture")
    void aMethodsFixtureReplacesTheClasssOne(CustomerDirectory directory) {
        assertThat(directory.findCustomer("extra")).isPresent();
        assertThat(directory.findCustomer("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("an empty @ClienteleFixture list seeds nothing")
    @ClienteleFixture({})
    void anEmptyFixtureListMeansNoFixture(CustomerDirectory directory) {
        assertThat(directory.groups()).isEmpty();
    }

    @Test
    @DisplayName("several fixtures load in order, with or without a leading slash")
    @ClienteleFixture({"fixtures/customers.fixture", "/fixtures/extra.fixture"})
    void severalFixturesLoadInOrder(CustomerDirectory directory) {
        assertThat(directory.findCustomer("jdoe")).isPresent();
        assertThat(directory.findCustomer("extra")).isPresent();
    }

    @Test
    @DisplayName("fixture passwords are hashed with the fast 1,000-iteration test hasher and still authenticate")
    void passwordsAreHashedWithTheFastTestHasher(CustomerDirectory directory, MemoryBackend backend) {
        assertThat(backend.credentials().orElseThrow().passwordHash("jdoe").orElseThrow())
                .startsWith("$pbkdf2-sha256$i=1000,");
        assertThat(directory.authenticate("jdoe", "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue();
    }

    @Nested
    class InANestedClass {
        @Test
        @DisplayName("a nested class gets its own fresh directory seeded with the enclosing class's fixture")
        void theEnclosingClasssFixtureApplies(CustomerDirectory directory) {
            assertThat(SEEN.add(directory)).isTrue();
            assertThat(directory.findCustomer("jdoe")).isPresent();
        }

        @Test
        @DisplayName("in a nested class a method's fixture still replaces the enclosing class's one")
        @ClienteleFixture("fixtures/extra.fixture")
        void andAMethodsFixtureStillWins(CustomerDirectory directory) {
            assertThat(directory.findCustomer("jdoe")).isEmpty();
            assertThat(directory.findCustomer("extra")).isPresent();
        }
    }
}
