package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every line the console and the library log during a browser session, read back from the tests' SLF4J backend
 * (slf4j-simple writing to {@code target/admin-web-tests.log}, the library at debug): no password, hash, token,
 * session id or CSRF token among them.
 */
@DisplayName("No secret in any log line of a browser session (the tests' SLF4J backend, library at debug)")
class SecretsInLogsTest extends BrowserTest {
    private static final Path LOG = Path.of("target", "admin-web-tests.log");
    private final List<URI> links = new CopyOnWriteArrayList<>();

    @Override
    ResetMailer mailer() {
        return (customer, link) -> links.add(link);
    }

    @Test
    @DisplayName("admin login (a wrong try first), add a customer with a password, set it, reset link, customer"
            + " login (a wrong try first), reset by the link: the log has the session, and none of its secrets")
    void noSecretInTheLog() throws IOException {
        LoggerFactory.getLogger(SecretsInLogsTest.class).info("session starts");
        long start = Files.size(LOG);
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, "Wrong-Admin-Pass", "First-Passw0rd",
                "Second-Passw0rd", "Wrong-Passw0rd", "Third-Passw0rd", "$pbkdf2"));

        open("/admin/login");
        type("name", ADMIN);
        type("password", "Wrong-Admin-Pass");
        go("submit");
        loginAsAdmin();
        secrets.add(browser.manage().getCookieNamed("clientele-admin").getValue());
        open("/admin/customer/new");
        secrets.add(csrfOf(browser.getPageSource()));
        for (String[] f : new String[][] {{"login", "logcheck"}, {"email", "logcheck@acme.example"},
                {"customerId", "acme"}, {"firstName", "Log"}, {"lastName", "Check"}, {"password", "First-Passw0rd"}}) {
            type(f[0], f[1]);
        }
        go("save");
        type("new-password", "Second-Passw0rd");
        go("set-password");
        go("reset-token");
        assertThat(links).hasSize(1);
        String token = links.get(0).getQuery().substring("token=".length());
        secrets.add(token);

        browser.manage().deleteAllCookies();
        open("/customer/login");
        type("name", "logcheck");
        type("password", "Wrong-Passw0rd");
        go("submit");
        browser.get(links.get(0).toString());
        type("password", "Third-Passw0rd");
        go("set");
        open("/customer/login");
        type("name", "logcheck");
        type("password", "Third-Passw0rd");
        go("submit");
        assertThat(id("login").getText()).isEqualTo("logcheck");
        secrets.add(browser.manage().getCookieNamed("clientele-customer").getValue());
        assertThat(directory.findCustomer("logcheck")).map(Customer::login).hasValue("logcheck");

        List<String> lines = linesSince(start);
        assertThat(lines).as("the session's own log lines (capture works)")
                .anyMatch(l -> l.contains("Created customer logcheck"));
        for (String secret : secrets) {
            assertThat(lines).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
        }
    }

    private static List<String> linesSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8).lines().toList();
    }
}
