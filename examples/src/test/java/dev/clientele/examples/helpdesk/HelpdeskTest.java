package dev.clientele.examples.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.memory.ClienteleExtension;
import dev.clientele.memory.ClienteleFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a host application tests its own code against Clientele: each test gets a fresh in-memory directory, seeded
 * from a fixture, from the JUnit 5 extension of {@code clientele-backend-memory} (a test-scoped dependency).
 */
@DisplayName("A helpdesk's unit test, on the in-memory back-end and its JUnit 5 extension")
@ClienteleFixture("fixtures/helpdesk.fixture")
class HelpdeskTest {
    @RegisterExtension
    static ClienteleExtension clientele = ClienteleExtension.withFixture()
            .policy(CustomerGroupPolicy.builder().groupSupport(true).build());

    private Helpdesk helpdesk;
    private TicketHistory history;

    @BeforeEach
    void helpdesk(CustomerDirectory directory) {
        history = new TicketHistory();
        directory.addListener(history);
        helpdesk = new Helpdesk(directory).queue("Support", "support").queue("Billing", "billing");
    }

    @Test
    @DisplayName("a customer sees the queues of its groups and of its company's")
    void visibleQueues() {
        assertThat(helpdesk.visibleQueues("jane")).containsExactly("Support", "Billing");
        assertThat(helpdesk.visibleQueues("old")).isEmpty();
    }

    @Test
    @DisplayName("creating a ticket needs rw; reading is enough to see the queue")
    void ticketNeedsRw() {
        helpdesk.createTicket("jane", "Support", "Printer on fire");
        assertThat(helpdesk.showQueue("bob", "Support")).hasSize(1);
        assertThatThrownBy(() -> helpdesk.createTicket("bob", "Support", "Me too"))
                .isInstanceOf(SecurityException.class).hasMessageContaining("needs rw on group support");
        assertThatThrownBy(() -> helpdesk.createTicket("jane", "Billing", "Invoice"))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    @DisplayName("the ticket history follows the directory's events")
    void history(CustomerDirectory directory) {
        directory.invalidateCustomer("bob");
        assertThat(history.of("bob")).singleElement().asString().endsWith("customer invalidated: its tickets stay,"
                + " it can no longer log in");
        assertThat(helpdesk.visibleQueues("bob")).isEmpty();
    }

    @Test
    @DisplayName("each test starts from the fixture again")
    void freshDirectory(CustomerDirectory directory) {
        assertThat(directory.findCustomer("bob")).hasValueSatisfying(c -> assertThat(c.isValid()).isTrue());
        assertThat(clientele.fixtureReport().customers()).isEqualTo(3);
    }
}
