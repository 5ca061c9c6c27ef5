package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.CustomerValidationException;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Field checks made by the directory before anything is written, reported all at once. */
public abstract class CustomerValidationContract extends BackendContractSupport {

    private static String repeat(char c, int length) {
        char[] chars = new char[length];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    /** A sound email address of exactly this length: a short local part, a domain of labels of at most 50. */
    private static String emailOfLength(int length) {
        String local = "jdoe@";
        String tld = ".example";
        StringBuilder domain = new StringBuilder();
        int left = length - local.length() - tld.length();
        while (left > 0) {
            int label = Math.min(50, left);
            if (left - label == 1) {
                label--; // never end with a lone dot
            }
            domain.append(repeat('d', label));
            left -= label;
            if (left > 0) {
                domain.append('.');
                left--;
            }
        }
        return local + domain + tld;
    }

    @Test
    @DisplayName("missing email, customerId, firstName and lastName are reported together in one exception")
    void everyMissingFieldReportedAtOnce() {
        Customer bare = Customer.builder("jdoe").build();

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(bare))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("email", "customerId", "firstName", "lastName"));
    }

    @Test
    @DisplayName("an unpaired surrogate in a field is refused naming the field; a paired one (an emoji) is stored")
    void unpairedSurrogates() {
        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(customer("jdoe").firstName("Pat\ud800").build()))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("firstName"));
        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(customer("jdoe").lastName("\udc00Doe").build()))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("lastName"));
        assertThat(customerStore().count()).isZero();

        directory.createCustomer(customer("jdoe").firstName("Pat \ud83d\ude00").build());
        assertThat(directory.getCustomer("jdoe").firstName()).isEqualTo("Pat \ud83d\ude00");
    }

    @Test
    @DisplayName("a blank login is reported together with every other bad field, not alone")
    void blankLoginWithOtherBadFields() {
        Customer.Builder bad = Customer.builder("  ").email("not-an-email").customerId(repeat('c', 1000))
                .firstName("Pat\u0007").phone(repeat('9', 1000));

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(bad::build)
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("login", "email", "customerId", "firstName",
                        "lastName", "phone"));
        assertThat(customerStore().count()).isZero();
    }

    @Test
    @DisplayName("a firstName one character longer than its maximum is rejected, naming firstName")
    void tooLongFirstName() {
        int max = CustomerField.FIRST_NAME.maxLength();
        Customer tooLong = customer("jdoe").firstName(repeat('x', max + 1)).build();

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(tooLong))
                .withMessageContaining("firstName")
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("firstName"));
        assertThat(customerStore().count()).isZero();
    }

    @Test
    @DisplayName("every field at exactly its maximum length is accepted and stored in full")
    void everyFieldAtMaximumLength() {
        Customer.Builder builder = Customer.builder(repeat('l', CustomerField.LOGIN.maxLength()));
        for (CustomerField field : CustomerField.values()) {
            if (field != CustomerField.LOGIN && field != CustomerField.EMAIL) {
                builder.set(field, repeat('v', field.maxLength()));
            }
        }
        Customer longest = builder.email(emailOfLength(CustomerField.EMAIL.maxLength())).build();

        directory.createCustomer(longest);

        Customer stored = directory.getCustomer(longest.login());
        for (CustomerField field : CustomerField.values()) {
            assertThat(field.get(stored)).as(field.key()).isEqualTo(field.get(longest));
        }
    }

    @Test
    @DisplayName("every field one character over its maximum length is reported, all in one exception")
    void everyTooLongFieldReportedAtOnce() {
        Customer.Builder builder = Customer.builder(repeat('l', CustomerField.LOGIN.maxLength() + 1));
        for (CustomerField field : CustomerField.values()) {
            if (field != CustomerField.LOGIN && field != CustomerField.EMAIL) {
                builder.set(field, repeat('v', field.maxLength() + 1));
            }
        }
        Customer tooLong = builder.email(emailOfLength(CustomerField.EMAIL.maxLength() + 1)).build();
        String[] everyKey = Arrays.stream(CustomerField.values()).map(CustomerField::key).toArray(String[]::new);

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(tooLong))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys(everyKey));
        assertThat(customerStore().count()).isZero();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"no-at-sign", "a@", "@b.c", "a b@c.d"})
    @DisplayName("a malformed email is rejected with the field email")
    void malformedEmail(String email) {
        Customer bad = customer("jdoe").email(email).build();

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(bad))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("email"));
        assertThat(customerStore().count()).isZero();
    }

    @Test
    @DisplayName("nothing is written when validation fails: no record, no password, no lookup hit")
    void nothingWrittenOnFailure() {
        Customer bad = customer("jdoe").lastName(null).build();

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(bad, PASSWORD.toCharArray()));

        assertThat(customerStore().count()).isZero();
        assertThat(directory.findCustomer("jdoe")).isEmpty();
        assertNoStoredPassword("jdoe");
    }

    @Test
    @DisplayName("an update that fails validation leaves the stored customer unchanged")
    void failedUpdateChangesNothing() {
        Customer created = createCustomer("jdoe");

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.updateCustomer(created.toBuilder().email("broken").city("Hamburg").build()))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("email"));

        Customer stored = customerStore().findByLogin("jdoe").orElseThrow();
        assertThat(stored.email()).isEqualTo(created.email());
        assertThat(stored.city()).isNull();
        assertThat(directory.getCustomer("jdoe").city()).isNull();
    }

    @Test
    @DisplayName("with customerIdFromEmail(true) a missing customerId becomes the email")
    void customerIdFromEmail() {
        CustomerDirectory fromEmail = newDirectory(b -> b.customerIdFromEmail(true));

        Customer created = fromEmail.createCustomer(customer("jdoe").customerId(null).email("jdoe@acme.example").build());

        assertThat(created.customerId()).isEqualTo("jdoe@acme.example");
        assertThat(fromEmail.getCustomer("jdoe").customerId()).isEqualTo("jdoe@acme.example");
    }

    @Test
    @DisplayName("by default customerId is required")
    void customerIdRequiredByDefault() {
        Customer noId = customer("jdoe").customerId(null).build();

        assertThatExceptionOfType(CustomerValidationException.class)
                .isThrownBy(() -> directory.createCustomer(noId))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("customerId"));
        assertThat(customerStore().count()).isZero();
    }

    @Test
    @DisplayName("linking to an unknown group throws NotFoundException of kind group and links nothing")
    void linkToUnknownGroup() {
        createCustomer("jdoe");

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> directory.link("jdoe", "nosuchgroup", Permission.RW))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("group");
                    assertThat(e.key()).isEqualTo("nosuchgroup");
                });
        assertThat(directory.groupsOf("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("linking an unknown login throws CustomerNotFoundException and links nothing")
    void linkUnknownLogin() {
        directory.createGroup(Group.of("support"));

        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> directory.link("ghost", "support", Permission.RW));
        assertThat(directory.customersOf("support")).isEmpty();
    }
}
