package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEvent;
import dev.clientele.CustomerEvent.Type;
import dev.clientele.CustomerValidationException;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.Validity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Events for the helpdesk's history and audit, delivered after the change was stored. */
public abstract class EventsContract extends BackendContractSupport {

    private CustomerEvent single(Type type) {
        assertThat(events.ofType(type)).as("%s events in %s", type, events.events()).hasSize(1);
        return events.ofType(type).get(0);
    }

    @Test
    @DisplayName("create sends CREATED with the new customer, at the clock's time")
    void created() {
        Customer created = createCustomer("jdoe");

        CustomerEvent event = single(Type.CREATED);
        assertThat(event.login()).isEqualTo("jdoe");
        assertThat(event.at()).isEqualTo(clock.instant());
        assertThat(event.before()).isEmpty();
        assertThat(event.after()).contains(created);
    }

    @Test
    @DisplayName("update sends UPDATED with the customer before and after")
    void updated() {
        Customer created = createCustomer("jdoe");
        Customer updated = directory.updateCustomer(created.toBuilder().city("Hamburg").build());

        CustomerEvent event = single(Type.UPDATED);
        assertThat(event.login()).isEqualTo("jdoe");
        assertThat(event.before()).get().extracting(Customer::city).isNull();
        assertThat(event.after()).get().extracting(Customer::city).isEqualTo("Hamburg");
        assertThat(event.after()).contains(updated);
    }

    @Test
    @DisplayName("invalidate sends INVALIDATED with the invalid customer")
    void invalidated() {
        createCustomer("jdoe");
        directory.invalidateCustomer("jdoe");

        CustomerEvent event = single(Type.INVALIDATED);
        assertThat(event.login()).isEqualTo("jdoe");
        assertThat(event.after()).get().extracting(Customer::validity).isEqualTo(Validity.INVALID);
    }

    @Test
    @DisplayName("erase sends ERASED")
    void erased() {
        createCustomer("jdoe");
        directory.eraseCustomer("jdoe");

        assertThat(single(Type.ERASED).login()).isEqualTo("jdoe");
    }

    @Test
    @DisplayName("setPassword sends PASSWORD_CHANGED")
    void passwordChanged() {
        createCustomer("jdoe");
        directory.setPassword("jdoe", PASSWORD.toCharArray());

        assertThat(single(Type.PASSWORD_CHANGED).login()).isEqualTo("jdoe");
    }

    @Test
    @DisplayName("link sends MEMBERSHIP_CHANGED whose detail names the group")
    void membershipChanged() {
        directory.createGroup(Group.of("support"));
        createCustomer("jdoe");
        directory.link("jdoe", "support", Permission.RW);

        CustomerEvent event = single(Type.MEMBERSHIP_CHANGED);
        assertThat(event.login()).isEqualTo("jdoe");
        assertThat(event.detail()).contains("support");
    }

    @Test
    @DisplayName("unlink sends MEMBERSHIP_CHANGED whose detail names the group")
    void membershipRemoved() {
        directory.createGroup(Group.of("billing"));
        createCustomer("jdoe");
        directory.link("jdoe", "billing", Permission.RW);
        events.clear();

        directory.unlink("jdoe", "billing");

        assertThat(single(Type.MEMBERSHIP_CHANGED).detail()).contains("billing");
    }

    @Test
    @DisplayName("a successful login sends LOGIN_SUCCEEDED")
    void loginSucceeded() {
        createCustomerWithPassword("jdoe");
        directory.authenticate("jdoe", PASSWORD.toCharArray());

        assertThat(single(Type.LOGIN_SUCCEEDED).login()).isEqualTo("jdoe");
        assertThat(events.ofType(Type.LOGIN_FAILED)).isEmpty();
    }

    @Test
    @DisplayName("a failed login sends LOGIN_FAILED")
    void loginFailed() {
        createCustomerWithPassword("jdoe");
        directory.authenticate("jdoe", OTHER_PASSWORD.toCharArray());

        assertThat(single(Type.LOGIN_FAILED).login()).isEqualTo("jdoe");
        assertThat(events.ofType(Type.LOGIN_SUCCEEDED)).isEmpty();
    }

    @Test
    @DisplayName("an operation that fails validation sends no event")
    void noEventOnValidationFailure() {
        Customer created = createCustomer("jdoe");
        events.clear();

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(Customer.builder("jroe").build()));
        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.updateCustomer(created.toBuilder().email("broken").build()));

        assertThat(events.events()).isEmpty();
    }

    @Test
    @DisplayName("no event's text contains a password")
    void noPasswordInEvents() {
        directory.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        directory.setPassword("jdoe", OTHER_PASSWORD.toCharArray());
        directory.authenticate("jdoe", PASSWORD.toCharArray());
        directory.authenticate("jdoe", OTHER_PASSWORD.toCharArray());
        String token = directory.createPasswordResetToken("jdoe");
        directory.resetPassword(token, PASSWORD.toCharArray());

        assertThat(events.types()).contains(Type.CREATED, Type.PASSWORD_CHANGED, Type.LOGIN_FAILED,
                Type.LOGIN_SUCCEEDED);
        for (CustomerEvent event : events.events()) {
            assertThat(event.toString()).doesNotContain(PASSWORD, OTHER_PASSWORD, token);
            assertThat(event.detail()).doesNotContain(PASSWORD, OTHER_PASSWORD, token);
        }
    }

    @Test
    @DisplayName("a listener that throws neither undoes the change nor stops the listeners after it")
    void throwingListener() {
        RecordingListener after = new RecordingListener();
        CustomerDirectory directory = newDirectory(b -> b
                .listener(event -> {
                    throw new IllegalStateException("listener failure");
                })
                .listener(after));

        Customer created = directory.createCustomer(customer("jdoe").build());

        assertThat(created.login()).isEqualTo("jdoe");
        assertThat(customerStore().findByLogin("jdoe")).isPresent();
        assertThat(after.ofType(Type.CREATED)).hasSize(1);
    }

    @Test
    @DisplayName("company and group writes send COMPANY_CREATED/UPDATED and GROUP_CREATED/UPDATED naming them")
    void companyAndGroupEvents() {
        directory.createCompany(dev.clientele.Company.builder("acme").name("Acme").build());
        directory.updateCompany(dev.clientele.Company.builder("acme").name("Acme Inc.").build());
        directory.createGroup(Group.of("support"));
        directory.updateGroup(new Group("support", "first level", Validity.VALID));

        assertThat(events.events()).extracting(CustomerEvent::type, CustomerEvent::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Type.COMPANY_CREATED, "acme"),
                org.assertj.core.groups.Tuple.tuple(Type.COMPANY_UPDATED, "acme"),
                org.assertj.core.groups.Tuple.tuple(Type.GROUP_CREATED, "support"),
                org.assertj.core.groups.Tuple.tuple(Type.GROUP_UPDATED, "support"));
        assertThat(Type.COMPANY_CREATED.subject()).isEqualTo(CustomerEvent.Subject.COMPANY);
        assertThat(Type.GROUP_UPDATED.subject()).isEqualTo(CustomerEvent.Subject.GROUP);
        assertThat(Type.CREATED.subject()).isEqualTo(CustomerEvent.Subject.CUSTOMER);
    }

    @Test
    @DisplayName("a company link and unlink send COMPANY_MEMBERSHIP_CHANGED whose detail names the group")
    void companyMembershipEvents() {
        directory.createCompany(dev.clientele.Company.builder("acme").name("Acme").build());
        directory.createGroup(Group.of("support"));
        events.clear();

        directory.linkCompany("acme", "support", Permission.RW);
        directory.unlinkCompany("acme", "support");

        assertThat(events.ofType(Type.COMPANY_MEMBERSHIP_CHANGED)).extracting(CustomerEvent::subject,
                CustomerEvent::detail).containsExactly(org.assertj.core.groups.Tuple.tuple("acme", "support: rw"),
                org.assertj.core.groups.Tuple.tuple("acme", "support: removed"));
    }

    @Test
    @DisplayName("unlock sends UNLOCKED; issuing a reset token sends RESET_TOKEN_ISSUED without the token")
    void unlockAndResetTokenEvents() {
        createCustomer("jdoe");
        events.clear();

        directory.unlock("jdoe");
        String token = directory.createPasswordResetToken("jdoe");

        assertThat(events.types()).containsExactly(Type.UNLOCKED, Type.RESET_TOKEN_ISSUED);
        assertThat(events.events()).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo("jdoe");
            assertThat(e.toString()).doesNotContain(token);
        });
    }

    @Test
    @DisplayName("events name no actor unless one is set; inside actingAs they name it, and nested scopes restore the outer one")
    void actor() {
        createCustomer("a");
        try (dev.clientele.ActorScope outer = directory.actingAs("agent:jane")) {
            createCustomer("b");
            try (dev.clientele.ActorScope inner = directory.actingAs("job:import")) {
                createCustomer("c");
            }
            createCustomer("d");
        }
        createCustomer("e");

        assertThat(events.ofType(Type.CREATED)).extracting(CustomerEvent::login, e -> e.actor().orElse("-"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "-"),
                        org.assertj.core.groups.Tuple.tuple("b", "agent:jane"),
                        org.assertj.core.groups.Tuple.tuple("c", "job:import"),
                        org.assertj.core.groups.Tuple.tuple("d", "agent:jane"),
                        org.assertj.core.groups.Tuple.tuple("e", "-"));
    }

    @Test
    @DisplayName("the actor of a scope is the calling thread's only: another thread's events name none")
    void actorIsPerThread() throws Exception {
        try (dev.clientele.ActorScope scope = directory.actingAs("agent:jane")) {
            Thread t = new Thread(() -> createCustomer("other"));
            t.start();
            t.join();
        }

        assertThat(single(Type.CREATED).actor()).isEmpty();
    }
}
