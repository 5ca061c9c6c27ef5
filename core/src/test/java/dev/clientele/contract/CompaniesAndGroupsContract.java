package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Company;
import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.ValidationException;
import dev.clientele.Validity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Customer companies and groups: create, find, list, update, keys and checks. */
public abstract class CompaniesAndGroupsContract extends BackendContractSupport {

    private static Company acme() {
        return Company.builder("acme")
                .name("Acme Inc.")
                .street("Main Street 1")
                .zip("10115")
                .city("Berlin")
                .country("Germany")
                .url("https://acme.example")
                .comment("key account")
                .build();
    }

    // ----- companies ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("a created company is found with every field, by its customer ID in any case")
    void companyRoundTrip() {
        directory.createCompany(acme());

        assertThat(directory.findCompany("acme")).contains(acme());
        assertThat(directory.findCompany("ACME")).contains(acme());
        assertThat(directory.findCompany("nosuch")).isEmpty();
    }

    @Test
    @DisplayName("companies() lists every company, invalid ones too, ordered by customer ID")
    void companiesOrdered() {
        directory.createCompany(Company.builder("charlie").name("Charlie").build());
        directory.createCompany(Company.builder("Alpha").name("Alpha").build());
        directory.createCompany(Company.builder("bravo").name("Bravo").validity(Validity.INVALID).build());

        assertThat(directory.companies()).extracting(Company::customerId).containsExactly("Alpha", "bravo", "charlie");
    }

    @Test
    @DisplayName("updateCompany stores the changed fields")
    void updateCompany() {
        directory.createCompany(acme());
        Company changed = acme().toBuilder().name("Acme Group").city("Hamburg").validity(Validity.INVALID).build();

        directory.updateCompany(changed);

        assertThat(directory.findCompany("acme")).contains(changed);
    }

    @Test
    @DisplayName("creating a company whose customer ID exists in another case throws DuplicateKeyException")
    void duplicateCompany() {
        directory.createCompany(acme());

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> directory.createCompany(Company.builder("ACME").name("Other").build()));
        assertThat(directory.companies()).containsExactly(acme());
    }

    @Test
    @DisplayName("updating an unknown company throws NotFoundException and creates nothing")
    void updateUnknownCompany() {
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> directory.updateCompany(acme()));
        assertThat(directory.companies()).isEmpty();
    }

    @Test
    @DisplayName("a company without a name is rejected with ValidationException naming name, and not stored")
    void companyNameRequired() {
        Company nameless = Company.builder("acme").city("Berlin").build();

        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> directory.createCompany(nameless))
                .satisfies(e -> assertThat(e.errors()).containsKey("name"));
        assertThat(directory.findCompany("acme")).isEmpty();
    }

    // ----- groups -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a created group is found with its comment and validity, by its name in any case")
    void groupRoundTrip() {
        Group support = Group.of("support").withComment("first level");
        directory.createGroup(support);

        assertThat(directory.findGroup("support")).contains(support);
        assertThat(directory.findGroup("SUPPORT")).contains(support);
        assertThat(directory.findGroup("nosuch")).isEmpty();
    }

    @Test
    @DisplayName("groups() lists every group, invalid ones too, ordered by name")
    void groupsOrdered() {
        directory.createGroup(Group.of("sales"));
        directory.createGroup(Group.of("Billing"));
        directory.createGroup(Group.of("support").withValidity(Validity.INVALID));

        assertThat(directory.groups()).extracting(Group::name).containsExactly("Billing", "sales", "support");
    }

    @Test
    @DisplayName("updateGroup stores the comment and validity")
    void updateGroup() {
        directory.createGroup(Group.of("support"));
        Group changed = new Group("support", "second level", Validity.INVALID_TEMPORARILY);

        directory.updateGroup(changed);

        assertThat(directory.findGroup("support")).contains(changed);
    }

    @Test
    @DisplayName("creating a group whose name exists in another case throws DuplicateKeyException")
    void duplicateGroup() {
        directory.createGroup(Group.of("support"));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> directory.createGroup(Group.of("Support").withComment("other")));
        assertThat(directory.groups()).containsExactly(Group.of("support"));
    }

    @Test
    @DisplayName("updating an unknown group throws NotFoundException and creates nothing")
    void updateUnknownGroup() {
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> directory.updateGroup(Group.of("ghosts")));
        assertThat(directory.groups()).isEmpty();
    }
}
