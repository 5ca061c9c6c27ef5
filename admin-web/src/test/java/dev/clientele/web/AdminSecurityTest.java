package dev.clientele.web;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;

@DisplayName("Admin console security, in a real browser")
class AdminSecurityTest extends BrowserTest {

    @BeforeAll
    void seed() {
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                .firstName("John").lastName("Doe").build());
        directory.createCustomer(Customer.builder("xss").email("xss@acme.example").customerId("acme")
                .firstName("Eve").lastName("<script>alert(1)</script>").build());
    }

    @Test
    @DisplayName("every admin page needs an admin login; logout ends the session")
    void loginRequiredAndLogout() {
        browser.manage().deleteAllCookies();
        open("/admin/customers");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        screenshot("admin-login");
        loginAsAdmin();
        open("/admin/customers");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/customers");
        go("logout");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        open("/admin/customers");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
    }

    @Test
    @DisplayName("a wrong password, an unknown admin and a customer account all get the same generic refusal")
    void genericRefusal() {
        directory.setPassword("jdoe", "Customer-Pass1".toCharArray());
        for (String[] attempt : new String[][] {{ADMIN, "wrong-password"}, {"nobody", "whatever-1"},
                {"jdoe", "Customer-Pass1"}}) {
            browser.manage().deleteAllCookies();
            open("/admin/login");
            type("name", attempt[0]);
            type("password", attempt[1]);
            go("submit");
            assertThat(id("error").getText()).isEqualTo(dev.clientele.web.internal.TestAccess.adminFailed());
            assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        }
    }

    @Test
    @DisplayName("reached by https through a TLS proxy (an https public URL), every session cookie is Secure, the"
            + " login's new one too; over plain HTTP it is not")
    void secureCookieBehindTls() {
        try (Console tls = Console.builder(directory).admins(admins()).port(0)
                .publicUrl(URI.create("https://helpdesk.acme.example")).start()) {
            HttpResponse<String> customerPage = http(HttpRequest.newBuilder(URI.create(tls.url() + "/customer/login")));
            assertThat(customerPage.headers().allValues("Set-Cookie"))
                    .singleElement(as(InstanceOfAssertFactories.STRING)).startsWith("clientele-customer=").contains("; HttpOnly; SameSite=Strict; Secure");
            HttpResponse<String> loginPage = http(HttpRequest.newBuilder(URI.create(tls.url() + "/admin/login")));
            String cookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertThat(loginPage.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v)
                    .contains("; Secure"));
            HttpResponse<String> login = http(HttpRequest.newBuilder(URI.create(tls.url() + "/admin/login"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(form("name=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf="
                            + csrfOf(loginPage.body()))));
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("clientele-admin=").doesNotStartWith(cookie + ";").contains("; Secure"));
        }
        assertThat(http(request("/admin/login")).headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(v -> assertThat(v).contains("HttpOnly").doesNotContain("Secure"));
    }

    @Test
    @DisplayName("the session cookie is HttpOnly and SameSite=Strict, and a new one is issued at login")
    void cookieFlags() {
        browser.manage().deleteAllCookies();
        open("/admin/login");
        String before = browser.manage().getCookieNamed("clientele-admin").getValue();
        loginAsAdmin();
        Cookie c = browser.manage().getCookieNamed("clientele-admin");
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getSameSite()).isEqualTo("Strict");
        assertThat(c.getPath()).isEqualTo("/admin");
        assertThat(c.getValue()).isNotEqualTo(before);
    }

    @Test
    @DisplayName("an idle session expires")
    void sessionExpires() {
        loginAsAdmin();
        clock.advance(Duration.ofMinutes(31));
        open("/admin/customers");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
    }

    @Test
    @DisplayName("every page carries a Content-Security-Policy without inline script, and nosniff")
    void securityHeaders() {
        loginAsAdmin();
        HttpResponse<String> r = http(request("/admin/customers").header("Cookie", adminCookie()).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline").doesNotContain("script-src");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.body()).doesNotContain("<script");
    }

    @Test
    @DisplayName("CSRF: a post without the token is refused and changes nothing")
    void csrf() {
        loginAsAdmin();
        HttpResponse<String> r = http(request("/admin/customer/invalidate?login=jdoe")
                .header("Cookie", adminCookie()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("security token is missing or out of date");
        HttpResponse<String> wrong = http(request("/admin/customer/invalidate?login=jdoe")
                .header("Cookie", adminCookie()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf=forged")));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(directory.getCustomer("jdoe").isValid()).isTrue();
    }

    @Test
    @DisplayName("XSS: a customer named <script>alert(1)</script> shows as text and runs nothing")
    void xssInert() {
        loginAsAdmin();
        open("/admin/customers?q=xss");
        assertThat(id("results").getText()).contains("<script>alert(1)</script>");
        open("/admin/customer?login=xss");
        assertThat(id("lastName").getAttribute("value")).isEqualTo("<script>alert(1)</script>");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        boolean alert;
        try {
            browser.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).isFalse();
    }

    @Test
    @DisplayName("bad input gets a 4xx page naming the problem: unknown login, malformed version, oversized field")
    void badInput() {
        loginAsAdmin();
        open("/admin/customer?login=nosuchlogin");
        assertThat(id("error").getText()).contains("nosuchlogin");
        HttpResponse<String> notFound = http(request("/admin/customer?login=nosuchlogin")
                .header("Cookie", adminCookie()).GET());
        assertThat(notFound.statusCode()).isEqualTo(404);
        HttpResponse<String> missing = http(request("/admin/customer").header("Cookie", adminCookie()).GET());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("no 'login'");

        open("/admin/customer?login=jdoe");
        String csrf = browser.findElement(By.name("_csrf")).getAttribute("value");
        long version = directory.getCustomer("jdoe").version();
        HttpResponse<String> malformed = http(request("/admin/customer?login=jdoe").header("Cookie", adminCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf=" + csrf + "&version=abc&email=changed%40acme.example")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("version");
        HttpResponse<String> oversized = http(request("/admin/customer?login=jdoe").header("Cookie", adminCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf=" + csrf + "&version=" + version + "&email=x%40acme.example&firstName="
                        + "a".repeat(5_000))));
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.body()).contains("firstName");
        assertThat(directory.getCustomer("jdoe").email()).isEqualTo("jdoe@acme.example");
        assertThat(directory.getCustomer("jdoe").version()).isEqualTo(version);
        HttpResponse<String> garbled = http(request("/admin/customer?login=jdoe").header("Cookie", adminCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf=" + csrf + "&version=" + version + "&email=%zz%")));
        assertThat(garbled.statusCode()).isBetween(400, 499);
        assertThat(directory.getCustomer("jdoe").version()).isEqualTo(version);
        HttpResponse<String> noPage = http(request("/admin/nothing-here").header("Cookie", adminCookie()).GET());
        assertThat(noPage.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("brute force on the admin login is stopped by the lock-out: after 5 failures the right password fails too")
    void adminLockout() {
        for (int i = 0; i < 5; i++) {
            browser.manage().deleteAllCookies();
            open("/admin/login");
            type("name", "admin");
            type("password", "wrong-" + i);
            go("submit");
        }
        browser.manage().deleteAllCookies();
        open("/admin/login");
        type("name", ADMIN);
        type("password", ADMIN_PASSWORD);
        go("submit");
        assertThat(present("error")).isTrue();
        clock.advance(Duration.ofMinutes(16));
        loginAsAdmin();
    }
}
