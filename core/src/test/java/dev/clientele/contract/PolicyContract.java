package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.PermissionExplanation;
import dev.clientele.PermissionExplanation.Rule;
import dev.clientele.PermissionExplanation.Step;
import dev.clientele.Validity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The group policy, evaluated in core the same way over every back-end: group support, always-groups, company
 * inheritance, company always-groups, validity, explanations, accessible customer IDs and permission caching.
 */
public abstract class PolicyContract extends BackendContractSupport {
    /** Group support on and no always-groups: only stored links count. */
    private static final CustomerGroupPolicy LINKS_ONLY =
            CustomerGroupPolicy.builder().groupSupport(true).alwaysGroups(Map.of()).build();

    private CustomerDirectory withPolicy(CustomerGroupPolicy policy) {
        return newDirectory(b -> b.policy(policy));
    }

    private static void createGroups(CustomerDirectory directory, String... names) {
        for (String name : names) {
            directory.createGroup(Group.of(name));
        }
    }

    private static Company company(String customerId) {
        return Company.builder(customerId).name(customerId + " Inc.").build();
    }

    private static Optional<Step> step(PermissionExplanation explanation, Rule rule) {
        return explanation.steps().stream().filter(s -> s.rule() == rule).findFirst();
    }

    /** The explanation names these rules, and its effective permission is the one permissions() computes. */
    private static PermissionExplanation assertExplained(CustomerDirectory directory, String login, String group,
            Rule... rules) {
        PermissionExplanation explanation = directory.explain(login, group);
        assertThat(explanation.login()).isEqualTo(login);
        assertThat(explanation.group()).isEqualTo(group);
        assertThat(explanation.steps()).extracting(Step::rule).as(explanation.toString()).contains(rules);
        assertThat(explanation.effective()).as(explanation.toString())
                .isEqualTo(directory.permissions(login).permission(group));
        return explanation;
    }

    @Test
    @DisplayName("findAccess gives the customer and the permissions that findCustomer and permissions give, cache on"
            + " or off; empty for an unknown login; no permissions for an invalid customer")
    void findAccessIsTheCustomerAndItsPermissions() {
        CustomerGroupPolicy policy = CustomerGroupPolicy.builder().groupSupport(true)
                .alwaysGroups(Map.of("users", Permission.RO)).build();
        for (CustomerDirectory d : List.of(withPolicy(policy),
                newDirectory(b -> b.policy(policy).cacheTtl(java.time.Duration.ZERO)))) {
            if (d.findGroup("support").isEmpty()) {
                createGroups(d, "support", "users");
                d.createCompany(company("acme"));
                d.createCustomer(customer("jdoe").customerId("acme").build());
                d.createCustomer(customer("gone").validity(Validity.INVALID).build());
                d.link("jdoe", "support", Permission.RW);
            }

            dev.clientele.CustomerAccess access = d.findAccess("JDoe").orElseThrow();

            assertThat(access.customer()).isEqualTo(d.findCustomer("jdoe").orElseThrow());
            assertThat(access.permissions()).isEqualTo(d.permissions("jdoe"));
            assertThat(access.permissions().groups())
                    .isEqualTo(Map.of("support", Permission.RW, "users", Permission.RO));
            assertThat(d.findAccess("nobody")).isEmpty();
            assertThat(d.findAccess("gone").orElseThrow().permissions().groups()).isEmpty();
        }
    }

    // ----- group support off (the default) ------------------------------------------------------------------

    @Test
    @DisplayName("with group support off a valid customer has RW on every valid group and nothing on an invalid one")
    void groupSupportOffGrantsEveryValidGroup() {
        createGroups(directory, "support", "billing");
        directory.createGroup(Group.of("retired").withValidity(Validity.INVALID));
        createCustomer("jdoe");

        assertThat(directory.permissions("jdoe").groups())
                .isEqualTo(Map.of("support", Permission.RW, "billing", Permission.RW));
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();
        assertThat(directory.hasPermission("jdoe", "retired", Permission.RO)).isFalse();
    }

    @Test
    @DisplayName("with group support off an invalid customer has no permission at all")
    void invalidCustomerNothingWithGroupSupportOff() {
        createGroups(directory, "support", "users");
        createCustomer("jdoe");
        directory.invalidateCustomer("jdoe");

        assertThat(directory.permissions("jdoe").groups()).isEmpty();
        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.hasPermission("jdoe", "users", Permission.RO)).isFalse();
    }

    @Test
    @DisplayName("with group support on an invalid customer has no permission at all, links and always-groups notwithstanding")
    void invalidCustomerNothingWithGroupSupportOn() {
        CustomerDirectory directory = withPolicy(CustomerGroupPolicy.builder().groupSupport(true).build());
        createGroups(directory, "support", "users");
        directory.createCustomer(customer("jdoe").validity(Validity.INVALID).build());
        directory.link("jdoe", "support", Permission.RW);

        assertThat(directory.permissions("jdoe").groups()).isEmpty();
        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.hasPermission("jdoe", "users", Permission.RO)).isFalse();
    }

    // ----- group support on ---------------------------------------------------------------------------------

    @Test
    @DisplayName("with group support on only links and always-groups grant")
    void groupSupportOnOnlyLinksAndAlwaysGroups() {
        CustomerDirectory directory = withPolicy(CustomerGroupPolicy.builder().groupSupport(true).build());
        createGroups(directory, "users", "support", "billing");
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RO);

        assertThat(directory.permissions("jdoe").groups())
                .isEqualTo(Map.of("users", Permission.RW, "support", Permission.RO));
        assertThat(directory.hasPermission("jdoe", "billing", Permission.RO)).isFalse();
    }

    @Test
    @DisplayName("the default always-group is users with RW")
    void defaultAlwaysGroupIsUsers() {
        CustomerDirectory directory = withPolicy(CustomerGroupPolicy.builder().groupSupport(true).build());
        createGroups(directory, "users", "support");
        directory.createCustomer(customer("jdoe").build());

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("users", Permission.RW));
    }

    @Test
    @DisplayName("an always-group that does not exist grants nothing")
    void unknownAlwaysGroupGrantsNothing() {
        CustomerDirectory directory = withPolicy(CustomerGroupPolicy.builder().groupSupport(true)
                .alwaysGroups(Map.of("ghosts", Permission.RW)).build());
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").build());

        assertThat(directory.permissions("jdoe").groups()).isEmpty();
        assertThat(directory.hasPermission("jdoe", "ghosts", Permission.RO)).isFalse();
    }

    @Test
    @DisplayName("an always-group that exists but is invalid grants nothing")
    void invalidAlwaysGroupGrantsNothing() {
        CustomerDirectory directory = withPolicy(CustomerGroupPolicy.builder().groupSupport(true).build());
        directory.createGroup(Group.of("users").withValidity(Validity.INVALID));
        directory.createCustomer(customer("jdoe").build());

        assertThat(directory.permissions("jdoe").groups()).isEmpty();
        assertThat(directory.hasPermission("jdoe", "users", Permission.RO)).isFalse();
    }

    @Test
    @DisplayName("always-groups set with setPolicy apply to existing customers at once and are never stored")
    void alwaysGroupsApplyAtOnceAndAreNotStored() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "users", "extra");
        directory.createCustomer(customer("jdoe").build());
        assertThat(directory.permissions("jdoe").groups()).isEmpty();

        directory.setPolicy(LINKS_ONLY.toBuilder()
                .alwaysGroups(Map.of("users", Permission.RW, "extra", Permission.RO)).build());

        assertThat(directory.permissions("jdoe").groups())
                .isEqualTo(Map.of("users", Permission.RW, "extra", Permission.RO));
        assertThat(directory.groupsOf("jdoe")).isEmpty();
        assertThat(directory.customersOf("users")).isEmpty();
    }

    @Test
    @DisplayName("RW implies RO")
    void rwImpliesRo() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RW);

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isTrue();
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();
    }

    @Test
    @DisplayName("RO does not imply RW")
    void roDoesNotImplyRw() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RO);

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isTrue();
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isFalse();
    }

    @Test
    @DisplayName("hasPermission and permissions().has agree on a group named in another case, which keeps its stored name")
    void groupNamesInAnyCaseAgree() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "Support", "billing");
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RO);
        directory.link("jdoe", "BILLING", Permission.RW);

        for (String name : new String[] {"Support", "support", "SUPPORT", " sUpPoRt "}) {
            assertThat(directory.hasPermission("jdoe", name, Permission.RO)).as(name).isTrue();
            assertThat(directory.permissions("jdoe").has(name, Permission.RO)).as(name).isTrue();
            assertThat(directory.hasPermission("jdoe", name, Permission.RW)).as(name).isFalse();
            assertThat(directory.permissions("jdoe").has(name, Permission.RW)).as(name).isFalse();
            assertThat(directory.permissions("jdoe").permission(name)).as(name).contains(Permission.RO);
        }
        assertThat(directory.hasPermission("jdoe", "Billing", Permission.RW)).isTrue();
        assertThat(directory.permissions("jdoe").has("Billing", Permission.RW)).isTrue();
        assertThat(directory.permissions("jdoe").groups())
                .isEqualTo(Map.of("Support", Permission.RO, "billing", Permission.RW));
    }

    @Test
    @DisplayName("with group support off both calls answer for a group named in another case")
    void groupSupportOffAnyCase() {
        createGroups(directory, "support");
        createCustomer("jdoe");

        assertThat(directory.hasPermission("jdoe", "Support", Permission.RO)).isTrue();
        assertThat(directory.permissions("jdoe").has("Support", Permission.RO)).isTrue();
        assertThat(directory.permissions("jdoe").has("SUPPORT", Permission.RW)).isTrue();
        assertThat(directory.permissions("jdoe").groupsWith(Permission.RW)).containsExactly("support");
    }

    @Test
    @DisplayName("an invalid group grants nothing even to a linked customer")
    void invalidGroupGrantsNothing() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        directory.createGroup(Group.of("retired").withValidity(Validity.INVALID));
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "retired", Permission.RW);

        assertThat(directory.hasPermission("jdoe", "retired", Permission.RO)).isFalse();
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
    }

    // ----- companies ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("a company linked with RW gives RW to the customers whose customerId it is")
    void companyLinkThroughCustomerId() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        directory.createCustomer(customer("jdoe").customerId("acme").build());
        directory.createCustomer(customer("jroe").customerId("other").build());

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("support", Permission.RW));
        assertThat(directory.hasPermission("jroe", "support", Permission.RO)).isFalse();
    }

    @Test
    @DisplayName("a company linked with RW gives RW to the customers that have it as additional customer ID")
    void companyLinkThroughAdditionalCustomerId() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        directory.createCustomer(customer("jroe").customerId("other").additionalCustomerIds("acme").build());

        assertThat(directory.permissions("jroe").groups()).isEqualTo(Map.of("support", Permission.RW));
    }

    @Test
    @DisplayName("an invalid company grants nothing through its links")
    void invalidCompanyGrantsNothing() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        Company acme = directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        directory.updateCompany(acme.toBuilder().validity(Validity.INVALID).build());
        directory.createCustomer(customer("jdoe").customerId("acme").build());

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("companyInheritance(false) turns company links off")
    void companyInheritanceOff() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY.toBuilder().companyInheritance(false).build());
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        directory.createCustomer(customer("jdoe").customerId("acme").build());

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("company always-groups apply through a valid company, not through an unknown or an invalid one")
    void companyAlwaysGroups() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY.toBuilder()
                .companyAlwaysGroups(Map.of("support", Permission.RO)).build());
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.createCompany(Company.builder("closed").name("Closed Ltd.").validity(Validity.INVALID).build());
        directory.createCustomer(customer("jdoe").customerId("acme").build());
        directory.createCustomer(customer("jroe").customerId("unknownco").build());
        directory.createCustomer(customer("jfoe").customerId("closed").build());

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("support", Permission.RO));
        assertThat(directory.permissions("jroe").groups()).isEmpty();
        assertThat(directory.permissions("jfoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("when several rules grant, the strongest permission wins")
    void strongestWins() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY.toBuilder()
                .alwaysGroups(Map.of("support", Permission.RO)).build());
        createGroups(directory, "support", "billing");
        directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RO);
        directory.linkCompany("acme", "billing", Permission.RW);
        directory.createCustomer(customer("jdoe").customerId("acme").build());
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);

        assertThat(directory.permissions("jdoe").groups())
                .isEqualTo(Map.of("support", Permission.RW, "billing", Permission.RW));
    }

    // ----- explain ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("explain names GROUP_SUPPORT_OFF when group support is off, and agrees with permissions()")
    void explainGroupSupportOff() {
        createGroups(directory, "support");
        createCustomer("jdoe");

        PermissionExplanation explanation = assertExplained(directory, "jdoe", "support", Rule.GROUP_SUPPORT_OFF);

        assertThat(explanation.effective()).contains(Permission.RW);
    }

    @Test
    @DisplayName("explain lists the customer link, the company link and the always-group with what each granted")
    void explainLinksAndAlwaysGroup() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY.toBuilder()
                .alwaysGroups(Map.of("support", Permission.RO)).build());
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        directory.createCustomer(customer("jdoe").customerId("acme").build());
        directory.link("jdoe", "support", Permission.RO);

        PermissionExplanation explanation = assertExplained(directory, "jdoe", "support",
                Rule.ALWAYS_GROUP, Rule.CUSTOMER_LINK, Rule.COMPANY_LINK);

        assertThat(explanation.effective()).contains(Permission.RW);
        assertThat(step(explanation, Rule.ALWAYS_GROUP)).get().extracting(Step::granted)
                .isEqualTo(Optional.of(Permission.RO));
        assertThat(step(explanation, Rule.CUSTOMER_LINK)).get().extracting(Step::granted)
                .isEqualTo(Optional.of(Permission.RO));
        assertThat(step(explanation, Rule.COMPANY_LINK)).get().extracting(Step::granted)
                .isEqualTo(Optional.of(Permission.RW));
    }

    @Test
    @DisplayName("explain names COMPANY_ALWAYS_GROUP for a company always-group")
    void explainCompanyAlwaysGroup() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY.toBuilder()
                .companyAlwaysGroups(Map.of("support", Permission.RO)).build());
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.createCustomer(customer("jdoe").customerId("acme").build());

        PermissionExplanation explanation =
                assertExplained(directory, "jdoe", "support", Rule.COMPANY_ALWAYS_GROUP);

        assertThat(explanation.effective()).contains(Permission.RO);
    }

    @Test
    @DisplayName("explain names CUSTOMER_INVALID for an invalid customer and grants nothing")
    void explainCustomerInvalid() {
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").validity(Validity.INVALID).build());

        PermissionExplanation explanation = assertExplained(directory, "jdoe", "support", Rule.CUSTOMER_INVALID);

        assertThat(explanation.effective()).isEmpty();
    }

    @Test
    @DisplayName("explain names GROUP_INVALID for an invalid group and grants nothing")
    void explainGroupInvalid() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        directory.createGroup(Group.of("retired").withValidity(Validity.INVALID));
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "retired", Permission.RW);

        PermissionExplanation explanation = assertExplained(directory, "jdoe", "retired", Rule.GROUP_INVALID);

        assertThat(explanation.effective()).isEmpty();
    }

    @Test
    @DisplayName("explain names COMPANY_INVALID when an invalid company's link would grant, and grants nothing")
    void explainCompanyInvalid() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        Company acme = directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        directory.updateCompany(acme.toBuilder().validity(Validity.INVALID).build());
        directory.createCustomer(customer("jdoe").customerId("acme").build());

        PermissionExplanation explanation = assertExplained(directory, "jdoe", "support", Rule.COMPANY_INVALID);

        assertThat(explanation.effective()).isEmpty();
    }

    // ----- accessible customer IDs --------------------------------------------------------------------------

    @Test
    @DisplayName("accessible customer IDs are the customer's own and additional ones")
    void accessibleOwnAndAdditional() {
        directory.createCustomer(customer("jdoe").customerId("acme").additionalCustomerIds("beta", "gamma").build());

        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactlyInAnyOrder("acme", "beta", "gamma");
        assertThat(directory.permissions("jdoe").customerIds()).containsExactlyInAnyOrder("acme", "beta", "gamma");
    }

    @Test
    @DisplayName("the customer IDs of invalid companies are not accessible; IDs without a company record are")
    void invalidCompaniesAreNotAccessible() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        directory.createCompany(Company.builder("acme").name("Acme").validity(Validity.INVALID).build());
        directory.createCompany(Company.builder("beta").name("Beta").validity(Validity.INVALID_TEMPORARILY).build());
        directory.createCompany(company("gamma"));
        directory.createCustomer(customer("jdoe").customerId("acme").additionalCustomerIds("beta", "gamma", "delta")
                .build());

        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactlyInAnyOrder("gamma", "delta");
    }

    @Test
    @DisplayName("an other-customer-IDs membership adds the valid companies linked to that group, and only those")
    void accessibleThroughOtherCustomerIdsContext() {
        assumeOtherContextOfCustomers();
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "partners", "elsewhere");
        directory.createCompany(company("acme"));
        directory.createCompany(company("partner1"));
        directory.createCompany(Company.builder("partner2").name("Gone Ltd.").validity(Validity.INVALID).build());
        directory.createCompany(company("bystander"));
        directory.linkCompany("partner1", "partners", Permission.RO);
        directory.linkCompany("partner2", "partners", Permission.RO);
        directory.linkCompany("bystander", "elsewhere", Permission.RO);
        directory.createCustomer(customer("jdoe").customerId("acme").additionalCustomerIds("beta").build());

        directory.putMembership(Membership.customer("jdoe", "partners", Permission.RO)
                .inContext(PermissionContext.OTHER_CUSTOMER_IDS));

        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactlyInAnyOrder("acme", "beta", "partner1");
        assertThat(directory.permissions("jdoe").customerIds()).containsExactlyInAnyOrder("acme", "beta", "partner1");
    }

    @Test
    @DisplayName("an other-customer-IDs membership grants no permission on the group and is not a stored own link")
    void otherCustomerIdsContextGrantsNoGroupPermission() {
        assumeOtherContextOfCustomers();
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "partners");
        directory.createCustomer(customer("jdoe").build());

        directory.putMembership(Membership.customer("jdoe", "partners", Permission.RW)
                .inContext(PermissionContext.OTHER_CUSTOMER_IDS));

        assertThat(directory.hasPermission("jdoe", "partners", Permission.RO)).isFalse();
        assertThat(directory.groupsOf("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("an own-context link does not open the tickets of the companies linked to the group")
    void ownContextLinkAddsNoCustomerIds() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "partners");
        directory.createCompany(company("partner1"));
        directory.linkCompany("partner1", "partners", Permission.RO);
        directory.createCustomer(customer("jdoe").customerId("acme").build());

        directory.link("jdoe", "partners", Permission.RW);

        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactly("acme");
    }

    @Test
    @DisplayName("removeMembership removes an other-customer-IDs membership and its customer IDs")
    void removeMembership() {
        assumeOtherContextOfCustomers();
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "partners");
        directory.createCompany(company("partner1"));
        directory.linkCompany("partner1", "partners", Permission.RO);
        directory.createCustomer(customer("jdoe").customerId("acme").build());
        Membership other = Membership.customer("jdoe", "partners", Permission.RO)
                .inContext(PermissionContext.OTHER_CUSTOMER_IDS);
        directory.putMembership(other);
        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactlyInAnyOrder("acme", "partner1");

        assertThat(directory.removeMembership(other)).isTrue();

        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactly("acme");
        assertThat(directory.removeMembership(other)).isFalse();
    }

    // ----- cached permissions follow changes made through the directory -------------------------------------

    @Test
    @DisplayName("cached permissions are refreshed after link")
    void refreshedAfterLink() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").build());
        assertThat(directory.permissions("jdoe").groups()).isEmpty();

        directory.link("jdoe", "support", Permission.RW);

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("support", Permission.RW));
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();
    }

    @Test
    @DisplayName("cached permissions are refreshed after unlink")
    void refreshedAfterUnlink() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RW);
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();

        directory.unlink("jdoe", "support");

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("cached permissions are refreshed after setGroupsOf")
    void refreshedAfterSetGroupsOf() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support", "billing");
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RW);
        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("support", Permission.RW));

        directory.setGroupsOf("jdoe", Map.of("billing", Permission.RO));

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("billing", Permission.RO));
    }

    @Test
    @DisplayName("cached permissions are refreshed after linkCompany")
    void refreshedAfterLinkCompany() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.createCustomer(customer("jdoe").customerId("acme").build());
        assertThat(directory.permissions("jdoe").groups()).isEmpty();

        directory.linkCompany("acme", "support", Permission.RW);

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("support", Permission.RW));
    }

    @Test
    @DisplayName("cached permissions are refreshed after setPolicy")
    void refreshedAfterSetPolicy() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCustomer(customer("jdoe").build());
        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();

        directory.setPolicy(CustomerGroupPolicy.defaults());

        assertThat(directory.policy()).isEqualTo(CustomerGroupPolicy.defaults());
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();
    }

    @Test
    @DisplayName("cached permissions are refreshed after a group is made invalid")
    void refreshedAfterGroupUpdate() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        Group support = directory.createGroup(Group.of("support"));
        directory.createCustomer(customer("jdoe").build());
        directory.link("jdoe", "support", Permission.RW);
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();

        directory.updateGroup(support.withValidity(Validity.INVALID));

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("cached permissions are refreshed after the customer is invalidated")
    void refreshedAfterCustomerInvalidated() {
        createGroups(directory, "support");
        createCustomer("jdoe");
        assertThat(directory.hasPermission("jdoe", "support", Permission.RW)).isTrue();

        directory.invalidateCustomer("jdoe");

        assertThat(directory.hasPermission("jdoe", "support", Permission.RO)).isFalse();
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("cached permissions are refreshed after the customer's company changes")
    void refreshedAfterCustomerUpdate() {
        CustomerDirectory directory = withPolicy(LINKS_ONLY);
        createGroups(directory, "support");
        directory.createCompany(company("acme"));
        directory.linkCompany("acme", "support", Permission.RW);
        Customer jdoe = directory.createCustomer(customer("jdoe").customerId("other").build());
        assertThat(directory.permissions("jdoe").groups()).isEmpty();
        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactly("other");

        directory.updateCustomer(jdoe.toBuilder().customerId("acme").build());

        assertThat(directory.permissions("jdoe").groups()).isEqualTo(Map.of("support", Permission.RW));
        assertThat(directory.accessibleCustomerIds("jdoe")).containsExactly("acme");
    }
}
