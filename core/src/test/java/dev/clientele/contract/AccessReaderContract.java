package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.Validity;
import dev.clientele.spi.AccessReader;
import dev.clientele.spi.AccessReader.CustomerAndLinks;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.MembershipStore.LinksAndGroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A back-end's one-round-trip read of a customer and its links ({@link AccessReader}), if it offers one, answers
 * exactly what its stores' two calls answer: the customer by login, then the links, groups and company of its login
 * and customer ID. Skipped for a back-end that offers none.
 */
public abstract class AccessReaderContract extends BackendContractSupport {
    private static final List<String> ALSO = List.of("users", "Company-Users", "missing-always");

    private AccessReader reader;

    @BeforeEach
    void seed() {
        Assumptions.assumeTrue(backend.accessReader().isPresent(), "the back-end offers no AccessReader");
        reader = backend.accessReader().get();
        for (Group g : List.of(Group.of("users"), Group.of("company-users"), Group.of("support"),
                Group.of("Billing").withValidity(Validity.INVALID), Group.of("vip"))) {
            directory.createGroup(g);
        }
        directory.createCompany(Company.builder("acme").name("Acme").build());
        directory.createCompany(Company.builder("Closed").name("Closed Inc").validity(Validity.INVALID).build());
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("ACME")
                .firstName("J").lastName("Doe").build());
        // without a customer ID: the directory requires one, a store may hold a customer without
        backend.customers().orElseThrow().insert(Customer.builder("lone").email("lone@example.org").firstName("L")
                .lastName("One").build(), true);
        directory.createCustomer(Customer.builder("shut").email("shut@closed.example").customerId("closed")
                .firstName("S").lastName("Hut").validity(Validity.INVALID).build());
        directory.createCustomer(Customer.builder("ghost").email("ghost@nowhere.example").customerId("nowhere")
                .firstName("G").lastName("Host").build());
        directory.createCustomer(Customer.builder("multi").email("multi@acme.example").customerId("acme")
                .additionalCustomerIds(List.of("closed")).firstName("M").lastName("Ulti").build());
        // links as a store may hold them: a subject in other capitals, a group or company that is not stored
        MembershipStore links = backend.memberships().orElseThrow();
        links.put(Membership.customer("jdoe", "support", Permission.RW));
        links.put(new Membership(Membership.Kind.CUSTOMER, "JDoe", "billing", Permission.RO, PermissionContext.OWN));
        links.put(new Membership(Membership.Kind.CUSTOMER, "jdoe", "vip", Permission.RO,
                PermissionContext.OTHER_CUSTOMER_IDS));
        links.put(Membership.customer("jdoe", "deleted-group", Permission.RW));
        links.put(new Membership(Membership.Kind.COMPANY, "acme", "vip", Permission.RW, PermissionContext.OWN));
        links.put(new Membership(Membership.Kind.COMPANY, "closed", "support", Permission.RO, PermissionContext.OWN));
        links.put(new Membership(Membership.Kind.COMPANY, "nowhere", "support", Permission.RO,
                PermissionContext.OWN));
        links.put(Membership.customer("shut", "vip", Permission.RW));
    }

    private LinksAndGroups twoCalls(Customer c, List<String> also) {
        List<String> ids = c.customerId() == null ? List.of() : List.of(c.customerId());
        return backend.memberships().orElseThrow().linksAndGroupsOf(c.login(), ids, also,
                backend.groups().orElseThrow(), backend.companies().orElseThrow());
    }

    private void assertSame(String login, List<String> also) {
        Customer stored = backend.customers().orElseThrow().findByLogin(login).orElseThrow();
        CustomerAndLinks read = reader.customerAndLinks(login, also).orElseThrow();
        LinksAndGroups expected = twoCalls(stored, also);

        assertThat(read.customer()).as(login).isEqualTo(stored);
        assertThat(read.links().links()).as(login).containsExactlyInAnyOrderElementsOf(expected.links());
        assertThat(read.links().groups()).as(login).isEqualTo(expected.groups());
        assertThat(read.links().companies()).as(login).isEqualTo(expected.companies());
    }

    @Test
    @DisplayName("the same customer, links, groups and companies as the customer store and linksAndGroupsOf, for"
            + " customers with links of their own and of their company, none, an invalid or unknown company, an"
            + " additional customer ID (left out) and a login asked in capitals")
    void sameAsTheTwoCalls() {
        for (String login : List.of("jdoe", "JDOE", "lone", "shut", "ghost", "multi")) {
            assertSame(login, ALSO);
        }
        CustomerAndLinks jdoe = reader.customerAndLinks("jdoe", ALSO).orElseThrow();
        assertThat(jdoe.links().links()).hasSize(5);
        assertThat(jdoe.links().groups()).containsOnlyKeys("users", "company-users", "support", "billing", "vip");
        assertThat(jdoe.links().companies()).containsExactlyEntriesOf(Map.of("acme", true));
        assertThat(reader.customerAndLinks("shut", ALSO).orElseThrow().links().companies())
                .containsExactlyEntriesOf(Map.of("closed", false));
        assertThat(reader.customerAndLinks("ghost", ALSO).orElseThrow().links().companies()).isEmpty();
    }

    @Test
    @DisplayName("no also-groups: the same as the two calls; an unknown or empty login: empty")
    void noAlsoGroupsAndUnknownLogin() {
        assertSame("jdoe", List.of());
        assertSame("lone", List.of());

        assertThat(reader.customerAndLinks("nobody", ALSO)).isEmpty();
        assertThat(reader.customerAndLinks("", ALSO)).isEmpty();
    }
}
