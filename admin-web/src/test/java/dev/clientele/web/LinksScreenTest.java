package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@DisplayName("Customers <-> Groups, Companies <-> Groups, Customer <-> Companies and permissions, in a real browser")
class LinksScreenTest extends BrowserTest {

    @BeforeAll
    void seed() {
        for (String g : List.of("support", "billing", "sales")) {
            directory.createGroup(Group.of(g));
        }
        directory.createCompany(Company.builder("acme").name("Acme Inc.").city("Berlin").build());
        directory.createCompany(Company.builder("beta").name("Beta Ltd.").build());
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                .firstName("John").lastName("Doe").build());
        directory.createCustomer(Customer.builder("mmax").email("mmax@beta.example").customerId("beta")
                .firstName("Max").lastName("Muster").build());
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(Customer.builder(String.format("page%03d", i)).email("p" + i + "@many.example")
                    .customerId("many").firstName("Paged").lastName("No " + i).build());
        }
        directory.importCustomers(many);
    }

    @BeforeEach
    void login() {
        loginAsAdmin();
    }

    @Test
    @DisplayName("link a customer to a group from the customer side, see it from the group side, unlink there")
    void customerGroupsBothSides() {
        open("/admin/customer?login=jdoe");
        go("tab-groups");
        id("rw-support").click();
        id("ro-billing").click();
        screenshot("customer-groups");
        go("save-links");
        assertThat(id("notice").getText()).contains("billing: none → ro").contains("support: none → rw");
        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("support", Permission.RW, "billing", Permission.RO));

        open("/admin/group?name=support&filter=jdoe");
        assertThat(id("rw-jdoe").isSelected()).isTrue();
        assertThat(id("ro-jdoe").isSelected()).isTrue();
        screenshot("group-members");
        id("rw-jdoe").click();
        id("ro-jdoe").click();
        go("save-links");
        assertThat(id("notice").getText()).contains("jdoe: rw → none");
        assertThat(directory.groupsOf("jdoe")).isEqualTo(Map.of("billing", Permission.RO));
        open("/admin/customer/groups?login=jdoe");
        assertThat(id("rw-support").isSelected()).isFalse();
        assertThat(id("ro-billing").isSelected()).isTrue();
    }

    @Test
    @DisplayName("the group's customer list pages (50 a page) instead of loading every customer; saving a page"
            + " changes the links of its customers only")
    void groupMembersPage() {
        directory.link("page110", "sales", Permission.RO);
        open("/admin/group?name=sales");
        assertThat(rows()).hasSize(50);
        String first = rows().get(0);
        go("next-page");
        assertThat(rows()).hasSize(50).doesNotContain(first);
        id("rw-page060").click();
        go("save-links");
        assertThat(id("notice").getText()).isEqualTo("Customers of sales saved: page060: none → rw.");
        assertThat(directory.customersOf("sales")).isEqualTo(Map.of("page060", Permission.RW, "page110",
                Permission.RO));
        assertThat(browser.getCurrentUrl()).contains("after=");
        assertThat(id("rw-page060").isSelected()).isTrue();
        directory.unlink("page060", "sales");
        directory.unlink("page110", "sales");
    }

    @Test
    @DisplayName("a company link grants its customers the group: the permissions screen shows it with the explanation,"
            + " the group's companies page lists the company")
    void companyLinkGrants() {
        open("/admin/company?id=beta");
        assertThat(id("company-customers").getText()).contains("mmax");
        id("rw-sales").click();
        id("other-ro-billing").click();
        screenshot("company");
        go("save-links");
        assertThat(id("notice").getText()).contains("sales: none → rw").contains("billing (other customer IDs)");
        assertThat(directory.memberships(Membership.Kind.COMPANY, "beta")).contains(
                Membership.company("beta", "billing", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS));

        open("/admin/customer/permissions?login=mmax");
        WebElement sales = id("perm-sales");
        assertThat(sales.getText()).contains("rw").contains("COMPANY_LINK");
        screenshot("customer-permissions");
        assertThat(directory.hasPermission("mmax", "sales", Permission.RW)).isTrue();

        open("/admin/group?name=sales");
        go("group-companies");
        assertThat(id("companies").getText()).isEqualTo("beta: rw");
    }

    @Test
    @DisplayName("customer <-> companies: an additional customer ID is stored on the customer and widens what it sees")
    void customerCompanies() {
        open("/admin/customer/companies?login=jdoe");
        id("company-beta").click();
        go("save-links");
        assertThat(id("notice").getText()).contains("added [beta]");
        assertThat(directory.getCustomer("jdoe").additionalCustomerIds()).containsExactly("beta");
        assertThat(directory.accessibleCustomerIds("jdoe")).contains("acme", "beta");
        open("/admin/customer/permissions?login=jdoe");
        assertThat(id("customer-ids").getText()).contains("acme").contains("beta");
    }

    @Test
    @DisplayName("groups and companies: add, edit, validity, filter")
    void catalog() {
        open("/admin/groups");
        type("name", "escalation");
        type("comment", "second level");
        go("add-group");
        assertThat(directory.findGroup("escalation")).isPresent();
        id("validity").findElement(By.cssSelector("option[value=invalid]")).click();
        go("save-group");
        assertThat(directory.findGroup("escalation").get().isValid()).isFalse();
        open("/admin/groups?filter=esc");
        assertThat(id("groups").getText()).contains("escalation").doesNotContain("billing");
        screenshot("groups");

        open("/admin/companies");
        type("customerId", "gamma");
        go("add-company");
        assertThat(present("error-name")).isTrue();
        assertThat(directory.findCompany("gamma")).isEmpty();
        type("name", "Gamma GmbH");
        go("add-company");
        assertThat(directory.findCompany("gamma").get().name()).isEqualTo("Gamma GmbH");
        type("city", "Hamburg");
        go("save-company");
        assertThat(directory.findCompany("gamma").get().city()).isEqualTo("Hamburg");
        open("/admin/companies?q=gam");
        assertThat(id("companies").getText()).contains("gamma").doesNotContain("acme");
        screenshot("companies");
    }

    @Test
    @DisplayName("settings show the policy and the back-ends, read-only")
    void settings() {
        open("/admin/settings");
        assertThat(id("group-support").getText()).isEqualTo("on");
        assertThat(id("always-groups").getText()).isEqualTo("users:rw");
        assertThat(id("backends").getText()).contains("memory").contains("reachable");
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        screenshot("settings");
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#rows tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }
}
