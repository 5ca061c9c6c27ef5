package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Company;
import dev.clientele.CompanySearchResult;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.Validity;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Searching companies, a company's groups, and listing every stored link of a customer or company. */
public abstract class CompanyQueriesContract extends BackendContractSupport {

    @BeforeEach
    void companies() {
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());
        directory.createCompany(Company.builder("acme-eu").name("Acme Europe GmbH").build());
        directory.createCompany(Company.builder("globex").name("Globex Corporation").build());
        directory.createCompany(Company.builder("initech").name("Initech").validity(Validity.INVALID).build());
        directory.createGroup(Group.of("support"));
        directory.createGroup(Group.of("billing"));
    }

    private static java.util.List<String> ids(CompanySearchResult r) {
        return r.companies().stream().map(Company::customerId).toList();
    }

    @Test
    @DisplayName("a term is a case-insensitive prefix of the customer ID or of the name; terms are AND-ed")
    void prefixAndTerms() {
        assertThat(ids(directory.searchCompanies("ACME"))).containsExactly("acme", "acme-eu");
        assertThat(ids(directory.searchCompanies("glob"))).containsExactly("globex");
        assertThat(ids(directory.searchCompanies("acme *europe*"))).containsExactly("acme-eu");
    }

    @Test
    @DisplayName("* is the only wildcard; other characters are literal")
    void wildcard() {
        assertThat(ids(directory.searchCompanies("*corp*"))).containsExactly("globex");
        assertThat(ids(directory.searchCompanies("acme_"))).isEmpty();
        assertThat(ids(directory.searchCompanies("acme%"))).isEmpty();
    }

    @Test
    @DisplayName("an empty text lists every company, invalid ones too, ordered by customer ID")
    void everyCompany() {
        assertThat(ids(directory.searchCompanies(""))).containsExactly("acme", "acme-eu", "globex", "initech");
    }

    @Test
    @DisplayName("the limit cuts the result and says there are more")
    void limit() {
        CompanySearchResult r = directory.searchCompanies("", 2);

        assertThat(ids(r)).containsExactly("acme", "acme-eu");
        assertThat(r.moreResults()).isTrue();
        assertThat(directory.searchCompanies("", 4).moreResults()).isFalse();
    }

    @Test
    @DisplayName("groupsOfCompany lists the company's own links, not its other-customer-IDs links")
    void groupsOfCompany() {
        directory.linkCompany("ACME", "support", Permission.RW);
        directory.putMembership(new Membership(Membership.Kind.COMPANY, "acme", "billing", Permission.RO,
                PermissionContext.OTHER_CUSTOMER_IDS));

        assertThat(directory.groupsOfCompany("acme")).isEqualTo(Map.of("support", Permission.RW));
        assertThat(directory.groupsOfCompany("globex")).isEmpty();
    }

    @Test
    @DisplayName("memberships lists every stored link of a customer, other-customer-IDs links included")
    void membershipsOfCustomer() {
        assumeOtherContextOfCustomers();
        createCustomer("jdoe");
        directory.link("jdoe", "support", Permission.RO);
        directory.putMembership(new Membership(Membership.Kind.CUSTOMER, "jdoe", "billing", Permission.RW,
                PermissionContext.OTHER_CUSTOMER_IDS));

        assertThat(directory.memberships(Membership.Kind.CUSTOMER, "JDOE")).containsExactlyInAnyOrder(
                Membership.customer("jdoe", "support", Permission.RO),
                new Membership(Membership.Kind.CUSTOMER, "jdoe", "billing", Permission.RW,
                        PermissionContext.OTHER_CUSTOMER_IDS));
    }

    @Test
    @DisplayName("memberships lists every stored link of a company, and not those of another")
    void membershipsOfCompany() {
        directory.linkCompany("acme", "support", Permission.RW);
        directory.linkCompany("acme-eu", "billing", Permission.RO);
        directory.putMembership(new Membership(Membership.Kind.COMPANY, "acme", "billing", Permission.RO,
                PermissionContext.OTHER_CUSTOMER_IDS));

        assertThat(directory.memberships(Membership.Kind.COMPANY, "acme")).containsExactlyInAnyOrder(
                Membership.company("acme", "support", Permission.RW),
                new Membership(Membership.Kind.COMPANY, "acme", "billing", Permission.RO,
                        PermissionContext.OTHER_CUSTOMER_IDS));
    }

    @Test
    @DisplayName("the memberships or groups of an unknown company are NotFoundException")
    void unknownCompany() {
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> directory.memberships(Membership.Kind.COMPANY, "nope"));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> directory.groupsOfCompany("nope"));
    }
}
