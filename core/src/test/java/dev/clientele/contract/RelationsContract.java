package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Company;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two admin screens: a customer's groups, and a group's customers and companies. */
public abstract class RelationsContract extends BackendContractSupport {

    @BeforeEach
    void groupsAndCustomers() {
        directory.createGroup(Group.of("support"));
        directory.createGroup(Group.of("billing"));
        directory.createGroup(Group.of("sales"));
        createCustomer("jdoe");
        createCustomer("jroe");
    }

    @Test
    @DisplayName("link stores a customer's link to a group with its permission")
    void link() {
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);

        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("support", Permission.RW, "billing", Permission.RO));
        assertThat(directory.groupsOf("jroe")).isEmpty();
    }

    @Test
    @DisplayName("unlink removes the link and says whether there was one")
    void unlink() {
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);

        assertThat(directory.unlink("jdoe", "support")).isTrue();
        assertThat(directory.unlink("jdoe", "support")).isFalse();
        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("billing", Permission.RO));
    }

    @Test
    @DisplayName("linking again with another permission replaces the permission")
    void relinkReplaces() {
        directory.link("jdoe", "support", Permission.RW);

        directory.link("jdoe", "support", Permission.RO);

        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("support", Permission.RO));
        assertThat(directory.customersOf("support")).isEqualTo(Map.of("jdoe", Permission.RO));
    }

    @Test
    @DisplayName("customersOf lists every customer linked to a group with its permission")
    void customersOf() {
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jroe", "support", Permission.RO);
        directory.link("jroe", "billing", Permission.RW);

        assertThat(directory.customersOf("support")).isEqualTo(Map.of("jdoe", Permission.RW, "jroe", Permission.RO));
        assertThat(directory.customersOf("billing")).isEqualTo(Map.of("jroe", Permission.RW));
        assertThat(directory.customersOf("sales")).isEmpty();
    }

    @Test
    @DisplayName("setGroupsOf replaces the customer's links: groups left out are unlinked")
    void setGroupsOfReplaces() {
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);

        directory.setGroupsOf("jdoe", Map.of("billing", Permission.RW, "sales", Permission.RO));

        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("billing", Permission.RW, "sales", Permission.RO));
        assertThat(directory.customersOf("support")).isEmpty();
    }

    @Test
    @DisplayName("setGroupsOf with an empty map unlinks every group")
    void setGroupsOfEmpty() {
        directory.link("jdoe", "support", Permission.RW);

        directory.setGroupsOf("jdoe", Map.of());

        assertThat(directory.groupsOf("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("setGroupsOf with one unknown group throws NotFoundException and changes nothing")
    void setGroupsOfUnknownGroupChangesNothing() {
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);
        Map<String, Permission> wanted = new LinkedHashMap<>();
        wanted.put("sales", Permission.RW);
        wanted.put("nosuchgroup", Permission.RO);

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> directory.setGroupsOf("jdoe", wanted))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("group");
                    assertThat(e.key()).isEqualTo("nosuchgroup");
                });
        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("support", Permission.RW, "billing", Permission.RO));
        assertThat(directory.customersOf("sales")).isEmpty();
    }

    @Test
    @DisplayName("linkCompany links a company to a group; companiesOf lists it; unlinkCompany removes it")
    void companyLinks() {
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());
        directory.createCompany(Company.builder("beta").name("Beta Ltd.").build());

        directory.linkCompany("acme", "support", Permission.RW);
        directory.linkCompany("beta", "support", Permission.RO);

        assertThat(directory.companiesOf("support")).isEqualTo(Map.of("acme", Permission.RW, "beta", Permission.RO));
        assertThat(directory.unlinkCompany("acme", "support")).isTrue();
        assertThat(directory.unlinkCompany("acme", "support")).isFalse();
        assertThat(directory.companiesOf("support")).isEqualTo(Map.of("beta", Permission.RO));
    }

    @Test
    @DisplayName("company links are not customer links: customersOf and groupsOf do not show them")
    void companyLinksApart() {
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());
        directory.linkCompany("acme", "support", Permission.RW);

        assertThat(directory.customersOf("support")).isEmpty();
        assertThat(directory.groupsOf("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("linking a company to an unknown group throws NotFoundException of kind group")
    void linkCompanyUnknownGroup() {
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> directory.linkCompany("acme", "nosuchgroup", Permission.RW))
                .satisfies(e -> assertThat(e.kind()).isEqualTo("group"));
        assertThat(directory.companiesOf("support")).isEmpty();
    }

    @Test
    @DisplayName("setCustomersOf replaces a group's customers: those left out are unlinked, the others set")
    void setCustomersOfReplaces() {
        createCustomer("max");
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jroe", "support", Permission.RW);
        directory.link("jroe", "billing", Permission.RO);

        directory.setCustomersOf("support", Map.of("JROE", Permission.RO, "max", Permission.RW));

        assertThat(directory.customersOf("support")).isEqualTo(Map.of("jroe", Permission.RO, "max", Permission.RW));
        assertThat(directory.groupsOf("jdoe")).isEmpty();
        assertThat(directory.groupsOf("jroe")).isEqualTo(Map.of("support", Permission.RO, "billing", Permission.RO));
    }

    @Test
    @DisplayName("setCustomersOf with one unknown login changes nothing")
    void setCustomersOfWithUnknownLoginChangesNothing() {
        directory.link("jdoe", "support", Permission.RW);

        assertThatExceptionOfType(dev.clientele.CustomerNotFoundException.class)
                .isThrownBy(() -> directory.setCustomersOf("support", Map.of("jroe", Permission.RW, "ghost", Permission.RW)));

        assertThat(directory.customersOf("support")).isEqualTo(Map.of("jdoe", Permission.RW));
    }

    @Test
    @DisplayName("customersOf for some logins gives the links of those only, leaving out unlinked and unknown ones")
    void customersOfSomeLogins() {
        createCustomer("max");
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jroe", "support", Permission.RO);
        directory.link("max", "billing", Permission.RW);

        assertThat(directory.customersOf("support", List.of("JROE", "max", "ghost")))
                .isEqualTo(Map.of("jroe", Permission.RO));
    }

    @Test
    @DisplayName("setCustomersOf for some logins replaces the links of those only: others keep theirs")
    void setCustomersOfSomeLogins() {
        createCustomer("max");
        createCustomer("kim");
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jroe", "support", Permission.RW);
        directory.link("kim", "support", Permission.RO);

        directory.setCustomersOf("support", List.of("jroe", "max", "kim"), Map.of("MAX", Permission.RW,
                "kim", Permission.RW));

        assertThat(directory.customersOf("support")).isEqualTo(Map.of("jdoe", Permission.RW, "max", Permission.RW,
                "kim", Permission.RW));
    }

    @Test
    @DisplayName("setCustomersOf for some logins with one unknown login changes nothing")
    void setCustomersOfSomeLoginsWithUnknownLoginChangesNothing() {
        directory.link("jdoe", "support", Permission.RW);

        assertThatExceptionOfType(dev.clientele.CustomerNotFoundException.class)
                .isThrownBy(() -> directory.setCustomersOf("support", List.of("jdoe"), Map.of("ghost", Permission.RW)));

        assertThat(directory.customersOf("support")).isEqualTo(Map.of("jdoe", Permission.RW));
    }

    @Test
    @DisplayName("setMemberships replaces a company's links in both contexts at once: those left out are removed")
    void setMembershipsOfCompany() {
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());
        directory.linkCompany("acme", "support", Permission.RW);
        directory.putMembership(Membership.company("acme", "billing", Permission.RO)
                .inContext(PermissionContext.OTHER_CUSTOMER_IDS));

        directory.setMemberships(Membership.Kind.COMPANY, "ACME", List.of(
                Membership.company("acme", "sales", Permission.RO),
                Membership.company("acme", "support", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS)));

        assertThat(directory.memberships(Membership.Kind.COMPANY, "acme")).containsExactlyInAnyOrder(
                Membership.company("acme", "sales", Permission.RO),
                Membership.company("acme", "support", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS));
    }

    @Test
    @DisplayName("setMemberships replaces a customer's links; an empty list removes every one")
    void setMembershipsOfCustomer() {
        directory.link("jdoe", "support", Permission.RW);

        directory.setMemberships(Membership.Kind.CUSTOMER, "jdoe", List.of(Membership.customer("jdoe", "billing",
                Permission.RW)));
        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("billing", Permission.RW));

        directory.setMemberships(Membership.Kind.CUSTOMER, "jdoe", List.of());
        assertThat(directory.memberships(Membership.Kind.CUSTOMER, "jdoe")).isEmpty();
    }

    @Test
    @DisplayName("setMemberships with a link of another subject or an unknown group throws and changes nothing")
    void setMembershipsRefusesAndChangesNothing() {
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());
        directory.linkCompany("acme", "support", Permission.RW);

        assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> directory.setMemberships(Membership.Kind.COMPANY, "acme",
                        List.of(Membership.customer("jdoe", "billing", Permission.RW))))
                .withMessageContaining("jdoe");
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> directory.setMemberships(Membership.Kind.COMPANY, "acme",
                        List.of(Membership.company("acme", "nosuchgroup", Permission.RW))));

        assertThat(directory.groupsOfCompany("acme")).isEqualTo(Map.of("support", Permission.RW));
    }
}
