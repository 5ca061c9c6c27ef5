package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.LoginStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@DisplayName("The Customers screen, in a real browser")
class CustomersScreenTest extends BrowserTest {
    final List<String> mailed = new CopyOnWriteArrayList<>();

    @Override
    ResetMailer mailer() {
        return (customer, link) -> mailed.add(customer.login() + " " + link);
    }

    @BeforeAll
    void seed() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            many.add(Customer.builder(String.format("bulk%03d", i)).email("bulk" + i + "@many.example")
                    .customerId("many").firstName("Bulk").lastName("Number " + i).build());
        }
        directory.importCustomers(many);
        directory.createCustomer(Customer.builder("jsmith").email("john.smith@acme.example").customerId("acme")
                .firstName("John").lastName("Smith").build());
        directory.createCustomer(Customer.builder("asmith").email("anna.smith@beta.example").customerId("beta")
                .firstName("Anna").lastName("Smith").build());
        directory.createCustomer(Customer.builder("jsmithers").email("js@gamma.example").customerId("gamma")
                .firstName("Jim").lastName("Smithers").build());
    }

    @BeforeEach
    void login() {
        loginAsAdmin();
    }

    @Test
    @DisplayName("search: terms AND-ed, prefix, * wildcard; results table; click a login to edit")
    void search() {
        open("/admin/customers");
        type("q", "smith j");
        go("search");
        assertThat(logins()).containsExactly("jsmith", "jsmithers");
        screenshot("customers-search");
        type("q", "*mith");
        go("search");
        assertThat(logins()).containsExactly("asmith", "jsmith");
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.linkText("asmith")).click();
        waitUntilGone(page);
        assertThat(id("email").getAttribute("value")).isEqualTo("anna.smith@beta.example");
    }

    @Test
    @DisplayName("more results than the limit: the notice says so")
    void moreResults() {
        open("/admin/customers?q=bulk");
        assertThat(logins()).hasSize(250);
        assertThat(id("more").getText()).contains("More results than shown");
        open("/admin/customers?q=bulk25");
        assertThat(present("more")).isFalse();
    }

    @Test
    @DisplayName("add with three mandatory fields missing: three red fields with messages, nothing stored; fixed: stored")
    void addCustomer() {
        open("/admin/customers");
        go("add");
        type("login", "newbie");
        type("email", "newbie@acme.example");
        type("city", "Berlin");
        go("save");
        List<WebElement> bad = browser.findElements(By.cssSelector(".field.bad"));
        assertThat(bad).extracting(e -> e.getAttribute("id"))
                .containsExactlyInAnyOrder("field-customerId", "field-firstName", "field-lastName");
        for (String f : List.of("customerId", "firstName", "lastName")) {
            assertThat(id("error-" + f).getText()).isNotBlank();
            assertThat(id(f).getCssValue("border-top-color")).isEqualTo("rgba(208, 32, 32, 1)");
        }
        assertThat(id("email").getCssValue("border-top-color")).isNotEqualTo("rgba(208, 32, 32, 1)");
        assertThat(id("city").getAttribute("value")).isEqualTo("Berlin");
        assertThat(id("login").getAttribute("value")).isEqualTo("newbie");
        screenshot("customer-add-errors");
        assertThat(directory.findCustomer("newbie")).isEmpty();

        type("customerId", "acme");
        type("firstName", "New");
        type("lastName", "Bie");
        go("save");
        assertThat(id("notice").getText()).contains("newbie added");
        Customer stored = directory.getCustomer("newbie");
        assertThat(stored.city()).isEqualTo("Berlin");
        assertThat(stored.lastName()).isEqualTo("Bie");
    }

    @Test
    @DisplayName("edit with a stale version: the conflict message and a reload link; nothing overwritten")
    void staleEdit() {
        open("/admin/customer?login=jsmith");
        screenshot("customer-edit");
        type("phone", "+49 1");
        Customer meanwhile = directory.getCustomer("jsmith");
        directory.updateCustomer(meanwhile.toBuilder().phone("+1 555").build());
        go("save");
        assertThat(id("conflict").getText()).contains("Someone else changed this customer");
        assertThat(directory.getCustomer("jsmith").phone()).isEqualTo("+1 555");
        go("reload");
        assertThat(id("phone").getAttribute("value")).isEqualTo("+1 555");
        type("phone", "+49 2");
        go("save");
        assertThat(id("notice").getText()).contains("saved");
        assertThat(directory.getCustomer("jsmith").phone()).isEqualTo("+49 2");
    }

    @Test
    @DisplayName("set password: each broken policy rule is listed; a good one is stored")
    void setPassword() {
        open("/admin/customer?login=asmith");
        type("new-password", "short");
        go("set-password");
        List<String> rules = browser.findElements(By.cssSelector("#password-errors li")).stream()
                .map(WebElement::getText).toList();
        assertThat(rules).hasSize(3);
        assertThat(directory.authenticate("asmith", "short".toCharArray()).succeeded()).isFalse();
        type("new-password", "Good-Passw0rd");
        go("set-password");
        assertThat(id("notice").getText()).contains("Password of asmith set");
        assertThat(directory.authenticate("asmith", "Good-Passw0rd".toCharArray()).succeeded()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("Good-Passw0rd").doesNotContain("$pbkdf2");
    }

    @Test
    @DisplayName("login status shown; unlock clears a lock-out; a reset link is mailed; invalidate")
    void accountActions() {
        directory.setPassword("jsmithers", "Right-Passw0rd".toCharArray());
        for (int i = 0; i < 5; i++) {
            directory.authenticate("jsmithers", ("wrong" + i).toCharArray());
        }
        LoginStatus locked = directory.loginStatus("jsmithers");
        assertThat(locked.locked()).isTrue();
        open("/admin/customer?login=jsmithers");
        assertThat(id("locked").getText()).startsWith("locked until");
        go("unlock");
        assertThat(id("locked").getText()).isEqualTo("no");
        assertThat(id("failed-logins").getText()).isEqualTo("0");
        assertThat(directory.authenticate("jsmithers", "Right-Passw0rd".toCharArray()).succeeded()).isTrue();
        open("/admin/customer?login=jsmithers");
        assertThat(id("last-login").getText()).isNotEqualTo("never");

        go("reset-token");
        assertThat(id("notice").getText()).contains("reset link was sent");
        assertThat(mailed).hasSize(1);
        String link = mailed.get(0).substring(mailed.get(0).indexOf(' ') + 1);
        assertThat(URI.create(link).getPath()).isEqualTo("/customer/reset");
        assertThat(browser.getPageSource()).doesNotContain(URI.create(link).getQuery().substring(6));

        go("invalidate");
        assertThat(directory.getCustomer("jsmithers").isValid()).isFalse();
    }

    private List<String> logins() {
        return browser.findElements(By.cssSelector("#results tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }
}
