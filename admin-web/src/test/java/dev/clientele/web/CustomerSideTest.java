package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.Group;
import dev.clientele.Permission;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@DisplayName("The customer's side: login, my account, my groups, forgotten password by mail (GreenMail), in a real browser")
class CustomerSideTest extends BrowserTest {
    static final String PASSWORD = "Start-Passw0rd";
    private GreenMail smtp;

    @Override
    ResetMailer mailer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return SmtpResetMailer.builder("127.0.0.1", smtp.getSmtp().getPort()).from("helpdesk@acme.example").build();
    }

    @AfterAll
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeAll
    void seed() {
        for (String g : List.of("support", "billing", "sales", "internal")) {
            directory.createGroup(Group.of(g));
        }
        directory.createCompany(Company.builder("acme").name("Acme Inc.").build());
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                .firstName("John").lastName("Doe").build(), PASSWORD.toCharArray());
        directory.createCustomer(Customer.builder("other").email("other@acme.example").customerId("zeta")
                .firstName("O").lastName("Ther").build(), PASSWORD.toCharArray());
        directory.link("jdoe", "support", Permission.RW);
        directory.linkCompany("acme", "billing", Permission.RO);
        directory.link("other", "internal", Permission.RW);
    }

    @BeforeEach
    void fresh() {
        browser.manage().deleteAllCookies();
    }

    void loginAsCustomer(String login, String password) {
        open("/customer/login");
        type("name", login);
        type("password", password);
        go("submit");
    }

    @Test
    @DisplayName("a customer logs in and sees exactly its groups and the companies whose tickets it may see")
    void myGroups() {
        open("/customer/login");
        screenshot("customer-login");
        loginAsCustomer("jdoe", PASSWORD);
        assertThat(id("login").getText()).isEqualTo("jdoe");
        screenshot("customer-account");
        open("/customer/groups");
        List<String> rows = browser.findElements(By.cssSelector("#my-groups tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).containsExactly("billing ro", "support rw");
        assertThat(id("customer-ids").getText()).isEqualTo("acme");
        screenshot("customer-groups-own");
        go("logout");
        open("/customer/groups");
        assertThat(browser.getCurrentUrl()).endsWith("/customer/login");
    }

    @Test
    @DisplayName("an admin account is not a customer, a wrong password gets the generic refusal, and brute force locks")
    void refusalsAndLockout() {
        loginAsCustomer("admin", ADMIN_PASSWORD);
        assertThat(id("error").getText()).isEqualTo(dev.clientele.web.internal.TestAccess.customerFailed());
        for (int i = 0; i < 5; i++) {
            loginAsCustomer("other", "wrong" + i);
            assertThat(id("error").getText()).isEqualTo(dev.clientele.web.internal.TestAccess.customerFailed());
        }
        loginAsCustomer("other", PASSWORD);
        assertThat(id("error").getText()).isEqualTo(dev.clientele.web.internal.TestAccess.customerFailed());
        assertThat(directory.loginStatus("other").locked()).isTrue();
        directory.unlock("other");
    }

    @Test
    @DisplayName("the customer session: HttpOnly, SameSite=Strict cookie on /customer; a post without the CSRF token is refused")
    void sessionAndCsrf() {
        loginAsCustomer("jdoe", PASSWORD);
        org.openqa.selenium.Cookie c = browser.manage().getCookieNamed("clientele-customer");
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getSameSite()).isEqualTo("Strict");
        assertThat(c.getPath()).isEqualTo("/customer");
        java.net.http.HttpResponse<String> r = http(request("/customer/password")
                .header("Cookie", "clientele-customer=" + c.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("current=" + PASSWORD + "&password=Forged-Passw0rd")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(directory.authenticate("jdoe", PASSWORD.toCharArray()).succeeded()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("$pbkdf2");
    }

    @Test
    @DisplayName("my account: the customer edits its own fields, every bad one red with its message and nothing"
            + " stored; login and customer ID are not its own")
    void myAccount() {
        directory.createCustomer(Customer.builder("selfedit").email("self@acme.example").customerId("acme")
                .firstName("Sam").lastName("Self").build(), PASSWORD.toCharArray());
        loginAsCustomer("selfedit", PASSWORD);
        assertThat(present("login")).isTrue();
        assertThat(present("customerId")).as("no customer ID input").isFalse();
        assertThat(browser.findElements(By.cssSelector("#account-form input[name=login]"))).isEmpty();
        type("firstName", " ");
        type("phone", "1".repeat(151));
        go("save-account");
        assertThat(browser.findElements(By.cssSelector("#account-form .field.bad")).stream()
                .map(e -> e.getAttribute("id")).toList()).containsExactlyInAnyOrder("field-firstName", "field-phone");
        assertThat(id("error-firstName").getText()).isNotBlank();
        assertThat(id("error-phone").getText()).contains("150");
        assertThat(id("phone").getAttribute("value")).hasSize(151);
        screenshot("customer-account-errors");
        assertThat(directory.getCustomer("selfedit").firstName()).isEqualTo("Sam");

        type("firstName", "Samuel");
        type("phone", "+1 555 0100");
        type("city", "Springfield");
        go("save-account");
        assertThat(id("notice").getText()).contains("saved");
        Customer stored = directory.getCustomer("selfedit");
        assertThat(stored.firstName()).isEqualTo("Samuel");
        assertThat(stored.phone()).isEqualTo("+1 555 0100");
        assertThat(stored.city()).isEqualTo("Springfield");
        assertThat(id("name").getText()).contains("Samuel");
    }

    @Test
    @DisplayName("my account: a change made meanwhile is reported, and a posted customer ID is refused with a 400")
    void myAccountConflictAndForeignField() {
        directory.createCustomer(Customer.builder("selfrace").email("race@acme.example").customerId("acme")
                .firstName("Rae").lastName("Race").build(), PASSWORD.toCharArray());
        loginAsCustomer("selfrace", PASSWORD);
        Customer now = directory.getCustomer("selfrace");
        directory.updateCustomer(now.toBuilder().lastName("Helpdesk-Changed").build());
        type("firstName", "Ray");
        go("save-account");
        assertThat(id("error").getText()).contains("changed meanwhile");
        assertThat(id("lastName").getAttribute("value")).isEqualTo("Helpdesk-Changed");
        assertThat(directory.getCustomer("selfrace").firstName()).isEqualTo("Rae");

        String page = browser.getPageSource();
        java.net.http.HttpResponse<String> r = http(request("/customer/account")
                .header("Cookie", "clientele-customer=" + browser.manage().getCookieNamed("clientele-customer")
                        .getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf=" + csrfOf(page) + "&version=" + directory.getCustomer("selfrace").version()
                        + "&firstName=Ray&customerId=zeta")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("customerId");
        assertThat(directory.getCustomer("selfrace").customerId()).isEqualTo("acme");
        assertThat(directory.getCustomer("selfrace").firstName()).isEqualTo("Rae");
    }

    @Test
    @DisplayName("change password: the policy's messages, the current password required")
    void changePassword() {
        directory.createCustomer(Customer.builder("pwchange").email("pw@acme.example").customerId("acme")
                .firstName("P").lastName("W").build(), PASSWORD.toCharArray());
        loginAsCustomer("pwchange", PASSWORD);
        type("current", PASSWORD);
        type("password", "weak");
        go("change-password");
        assertThat(browser.findElements(By.cssSelector("#password-errors li"))).hasSize(3);
        type("current", "not-it");
        type("password", "Better-Passw0rd");
        go("change-password");
        assertThat(id("error").getText()).contains("current password is wrong");
        type("current", PASSWORD);
        type("password", "Better-Passw0rd");
        go("change-password");
        assertThat(id("notice").getText()).contains("changed");
        assertThat(directory.authenticate("pwchange", "Better-Passw0rd".toCharArray()).succeeded()).isTrue();
    }

    @Test
    @DisplayName("forgotten password: the reset link goes through a real SMTP server, works once, and the new password logs in")
    void resetRoundTrip() throws Exception {
        open("/customer/login");
        go("forgot");
        type("name", "jdoe");
        screenshot("customer-forgot");
        go("send");
        assertThat(id("notice").getText()).contains("reset link is on its way");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("jdoe@acme.example");
        Matcher m = Pattern.compile("(http://\\S+/customer/reset\\?token=\\S+)").matcher(
                com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(m.find()).isTrue();
        URI link = URI.create(m.group(1));

        browser.get(link.toString());
        type("password", "weak");
        go("set");
        assertThat(browser.findElements(By.cssSelector("#password-errors li"))).isNotEmpty();
        type("password", "Reset-Passw0rd");
        screenshot("customer-reset");
        go("set");
        assertThat(id("notice").getText()).contains("Your password was set");
        loginAsCustomer("jdoe", "Reset-Passw0rd");
        assertThat(id("login").getText()).isEqualTo("jdoe");

        browser.manage().deleteAllCookies();
        browser.get(link.toString());
        type("password", "Again-Passw0rd");
        go("set");
        assertThat(id("error").getText()).contains("unknown, used already or expired");
        assertThat(browser.getPageSource()).doesNotContain(link.getQuery().substring(6));
        directory.setPassword("jdoe", PASSWORD.toCharArray());
    }

    @Test
    @DisplayName("forgotten password for an unknown login: the same answer, no mail")
    void unknownLogin() {
        int before = smtp.getReceivedMessages().length;
        open("/customer/forgot");
        type("name", "nobody-here");
        go("send");
        assertThat(id("notice").getText()).contains("If the account exists");
        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }
}
