package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.clientele.Customer;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.ErasureReport;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.Validity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Create, read, update, invalidate and erase customers; lookups by login, email and customer ID. */
public abstract class CustomerCrudContract extends BackendContractSupport {

    private static Customer everyField(String login) {
        return Customer.builder(login)
                .email("jane.roe@acme.example")
                .customerId("acme")
                .title("Dr.")
                .firstName("Jane")
                .lastName("Roe")
                .phone("+49 30 1234567")
                .fax("+49 30 1234568")
                .mobile("+49 170 1234567")
                .street("Main Street 1")
                .zip("10115")
                .city("Berlin")
                .country("Germany")
                .comment("VIP since 2019")
                .additionalCustomerIds("beta", "gamma")
                .attribute("department", "Purchasing")
                .attribute("costCenter", "4711")
                .build();
    }

    @Test
    @DisplayName("create returns the customer with version 1 and both timestamps set to now")
    void createSetsVersionAndTimestamps() {
        Instant now = clock.instant();

        Customer created = createCustomer("jdoe");

        assertThat(created.version()).isEqualTo(versionAfter(1));
        assertThat(created.created()).isEqualTo(now);
        assertThat(created.changed()).isEqualTo(now);
    }

    @Test
    @DisplayName("getCustomer returns every field as created, additional customer IDs and attributes included")
    void roundTripsEveryField() {
        Customer input = everyField("jroe");
        directory.createCustomer(input);

        Customer found = directory.getCustomer("jroe");

        assertThat(found).usingRecursiveComparison().ignoringFields("version", "created", "changed")
                .isEqualTo(input);
        assertThat(found.additionalCustomerIds()).containsExactly("beta", "gamma");
        assertThat(found.attributes()).containsOnly(
                entry("costCenter", "4711"),
                entry("department", "Purchasing"));
    }

    @Test
    @DisplayName("findCustomer returns the same customer as the one create returned, version and timestamps included")
    void findReturnsWhatCreateReturned() {
        assumeVersioned();
        Customer created = directory.createCustomer(everyField("jroe"));

        assertThat(directory.findCustomer("jroe")).get().usingRecursiveComparison().isEqualTo(created);
    }

    @Test
    @DisplayName("the store itself holds version 1 and the timestamps after create")
    void storeKeepsVersionAndTimestamps() {
        assumeVersioned();
        Instant now = clock.instant();
        createCustomer("jdoe");

        Customer stored = customerStore().findByLogin("jdoe").orElseThrow();

        assertThat(stored.version()).isEqualTo(versionAfter(1));
        if (keepsTimestamps()) {
            assertThat(stored.created()).isEqualTo(now);
            assertThat(stored.changed()).isEqualTo(now);
        }
    }

    @Test
    @DisplayName("update stores the change, bumps the version to 2 (where kept), keeps created and sets changed to now")
    void updateStoresChangeAndBumpsVersion() {
        Customer created = createCustomer("jdoe");
        clock.advance(Duration.ofMinutes(5));
        Instant later = clock.instant();

        Customer updated = directory.updateCustomer(created.toBuilder().city("Hamburg").lastName("Doe-Miller").build());

        assertThat(updated.version()).isEqualTo(versionAfter(2));
        if (keepsTimestamps()) {
            assertThat(updated.created()).isEqualTo(created.created());
        }
        assertThat(updated.changed()).isEqualTo(later);
        Customer reread = directory.getCustomer("jdoe");
        assertThat(reread.city()).isEqualTo("Hamburg");
        assertThat(reread.lastName()).isEqualTo("Doe-Miller");
        assertThat(reread.firstName()).isEqualTo(created.firstName());
    }

    @Test
    @DisplayName("the store itself holds version 2, the original created and the new changed timestamp after update")
    void storeKeepsUpdatedVersionAndTimestamps() {
        assumeVersioned();
        Customer created = createCustomer("jdoe");
        clock.advance(Duration.ofMinutes(5));
        directory.updateCustomer(created.toBuilder().city("Hamburg").build());

        Customer stored = customerStore().findByLogin("jdoe").orElseThrow();

        assertThat(stored.version()).isEqualTo(versionAfter(2));
        if (keepsTimestamps()) {
            assertThat(stored.created()).isEqualTo(created.created());
            assertThat(stored.changed()).isEqualTo(clock.instant());
        }
        assertThat(stored.city()).isEqualTo("Hamburg");
    }

    @Test
    @DisplayName("invalidate sets the validity to INVALID and keeps every other field")
    void invalidateKeepsData() {
        Customer created = directory.createCustomer(everyField("jroe"));

        Customer invalidated = directory.invalidateCustomer("jroe");

        assertThat(invalidated.validity()).isEqualTo(Validity.INVALID);
        Customer reread = directory.getCustomer("jroe");
        assertThat(reread.validity()).isEqualTo(Validity.INVALID);
        assertThat(reread).usingRecursiveComparison().ignoringFields("validity", "version", "created", "changed")
                .isEqualTo(created);
    }

    @Test
    @DisplayName("getCustomer of an unknown login throws CustomerNotFoundException; findCustomer is empty")
    void unknownLogin() {
        createCustomer("jdoe");

        assertThat(directory.findCustomer("nobody")).isEmpty();
        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> directory.getCustomer("nobody"))
                .satisfies(e -> assertThat(e.key()).isEqualTo("nobody"));
    }

    @Test
    @DisplayName("updating an unknown login throws CustomerNotFoundException and creates nothing")
    void updateUnknown() {
        Customer ghost = customer("ghost").version(1).build();

        assertThatExceptionOfType(CustomerNotFoundException.class).isThrownBy(() -> directory.updateCustomer(ghost));
        assertThat(customerStore().count()).isZero();
    }

    @Test
    @DisplayName("invalidating an unknown login throws CustomerNotFoundException")
    void invalidateUnknown() {
        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> directory.invalidateCustomer("ghost"));
    }

    @Test
    @DisplayName("login lookup is case-insensitive and the login keeps the case it was created with")
    void loginLookupIsCaseInsensitive() {
        createCustomer("JDoe");

        assertThat(directory.findCustomer("JDOE")).get().extracting(Customer::login).isEqualTo("JDoe");
        assertThat(directory.findCustomer("jdoe")).get().extracting(Customer::login).isEqualTo("JDoe");
        assertThat(directory.getCustomer("jDoE").login()).isEqualTo("JDoe");
    }

    @Test
    @DisplayName("the customer store itself looks logins and emails up case-insensitively")
    void storeLookupIsCaseInsensitive() {
        directory.createCustomer(customer("JDoe").email("John.Doe@Example.com").build());

        assertThat(customerStore().findByLogin("jdoe")).get().extracting(Customer::login).isEqualTo("JDoe");
        assertThat(customerStore().findByLogin("JDOE")).get().extracting(Customer::login).isEqualTo("JDoe");
        assertThat(customerStore().findByEmail("JOHN.DOE@example.COM")).extracting(Customer::login)
                .containsExactly("JDoe");
        assertThat(customerStore().findByCustomerId("ACME", 10)).extracting(Customer::login).containsExactly("JDoe");
    }

    @Test
    @DisplayName("findByCustomerId returns the customers of that company, case-insensitively, ordered by login")
    void findByCustomerIdOrderedByLogin() {
        directory.createCustomer(customer("carol").customerId("acme").build());
        directory.createCustomer(customer("Alice").customerId("ACME").build());
        directory.createCustomer(customer("bob").customerId("acme").build());
        directory.createCustomer(customer("dave").customerId("other").build());

        assertThat(directory.findByCustomerId("Acme")).extracting(Customer::login)
                .containsExactly("Alice", "bob", "carol");
        assertThat(directory.findByCustomerId("nobody")).isEmpty();
    }

    @Test
    @DisplayName("findByEmail matches the whole address exactly, in any case")
    void findByEmailExactAnyCase() {
        directory.createCustomer(customer("jdoe").email("John.Doe@Example.com").build());
        directory.createCustomer(customer("other").email("john.doe@example.org").build());

        assertThat(directory.findByEmail("john.doe@example.com")).extracting(Customer::login).containsExactly("jdoe");
        assertThat(directory.findByEmail("JOHN.DOE@EXAMPLE.COM")).extracting(Customer::login).containsExactly("jdoe");
    }

    @Test
    @DisplayName("findByEmail finds nothing for part of an address")
    void findByEmailNoPartialMatch() {
        directory.createCustomer(customer("jdoe").email("john.doe@example.com").build());

        assertThat(directory.findByEmail("john.doe@example.co")).isEmpty();
        assertThat(directory.findByEmail("ohn.doe@example.com")).isEmpty();
        assertThat(directory.findByEmail("john.doe")).isEmpty();
        assertThat(directory.findByEmail("john.doe@example.com*")).isEmpty();
    }

    @Test
    @DisplayName("erase removes the customer, its password, its group links and its state, and reports each")
    void eraseRemovesEverything() {
        directory.createGroup(Group.of("support"));
        createCustomerWithPassword("jdoe");
        directory.link("jdoe", "support", Permission.RW);
        directory.authenticate("jdoe", "wrong-password".toCharArray()); // leaves login state behind
        String token = directory.createPasswordResetToken("jdoe");

        ErasureReport report = directory.eraseCustomer("jdoe");

        assertThat(report.login()).isEqualTo("jdoe");
        assertThat(report.source()).isEqualTo(MAIN);
        assertThat(report.customer()).isTrue();
        assertThat(report.credentials()).isEqualTo(backend.credentials().isPresent());
        assertThat(report.memberships()).isEqualTo(1);
        assertThat(report.state()).isTrue();
        assertThat(directory.findCustomer("jdoe")).isEmpty();
        assertThat(customerStore().findByLogin("jdoe")).isEmpty();
        backend.credentials().ifPresent(c -> assertThat(c.passwordHash("jdoe")).isEmpty());
        assertThat(directory.customersOf("support")).isEmpty();
        assertThat(stateStore().loginState("jdoe").failedLogins()).isZero();
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> directory.resetPassword(token, OTHER_PASSWORD.toCharArray()));
    }

    @Test
    @DisplayName("erase of a customer without password, links or state reports that only the record was removed")
    void eraseReportsWhatWasThere() {
        createCustomer("jdoe");

        ErasureReport report = directory.eraseCustomer("jdoe");

        assertThat(report).isEqualTo(new ErasureReport("jdoe", MAIN, true, false, 0, false));
    }

    @Test
    @DisplayName("erase of an unknown login throws CustomerNotFoundException")
    void eraseUnknown() {
        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> directory.eraseCustomer("ghost"));
    }
}
