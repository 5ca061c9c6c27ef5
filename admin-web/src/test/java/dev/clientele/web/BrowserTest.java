package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.Pbkdf2PasswordHasher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests: one headless Chromium (Debian's {@code chromium} + {@code chromium-driver}), one directory and
 * one console on a free loopback port per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-Secret-42";
    static final Path SCREENS = Path.of("..", "docs", "screens");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final TestClock clock = new TestClock();
    CustomerDirectory directory;
    Console console;
    WebDriver browser;

    @BeforeAll
    void startAll() {
        directory = directory();
        console = Console.builder(directory).admins(admins()).mailer(mailer()).port(0).clock(clock).start();
        assertThat(new File(CHROMIUM)).as("Debian's chromium package (.ci/run installs it)").exists();
        assertThat(new File(CHROMEDRIVER)).as("Debian's chromium-driver package (.ci/run installs it)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    /** The directory of the class: in memory, group support on (a test class may override). */
    CustomerDirectory directory() {
        return CustomerDirectory.builder().backend("memory")
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build())
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .passwordPolicy(PasswordPolicy.builder().minLength(8).mixedCase(true).needDigit(true).build())
                .build();
    }

    /** The one admin account of the tests. */
    static AdminAccounts admins() {
        return AdminAccounts.of(Map.of(ADMIN, Pbkdf2PasswordHasher.withIterations(1_000)
                .hash(ADMIN_PASSWORD.toCharArray())));
    }

    /** The value of the CSRF token's hidden field in a page's HTML. */
    static String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    /** The reset-link sender of the class. */
    ResetMailer mailer() {
        return (customer, link) -> { };
    }

    void open(String path) {
        browser.get(console.url() + path);
    }

    WebElement id(String id) {
        return browser.findElement(By.id(id));
    }

    /** Clicks a button or link that loads a page, and waits until the new page replaced the old one. */
    void go(String id) {
        WebElement page = browser.findElement(By.tagName("html"));
        id(id).click();
        waitUntilGone(page);
    }

    /** Waits until the page (its html element) was replaced by a new one. */
    void waitUntilGone(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gone(page));
    }

    /**
     * Whether an element left the document: stale, or (Chromium, while the old page is being torn down) a node
     * the inspector no longer finds in the document.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    void type(String id, String text) {
        WebElement e = id(id);
        e.clear();
        e.sendKeys(text);
    }

    /** Logs in to the admin console (logging out first if someone is logged in). */
    void loginAsAdmin() {
        browser.manage().deleteAllCookies();
        open("/admin/login");
        type("name", ADMIN);
        type("password", ADMIN_PASSWORD);
        go("submit");
        assertThat(id("user").getText()).isEqualTo(ADMIN);
    }

    /** Saves a screenshot of the page as docs/screens/NAME.png. */
    void screenshot(String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(SCREENS);
            Files.write(SCREENS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's cookie of the admin session, for requests made outside the browser. */
    String adminCookie() {
        return "clientele-admin=" + browser.manage().getCookieNamed("clientele-admin").getValue();
    }

    /** A plain HTTP request (not the browser): for headers and forged posts. */
    HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(console.url() + path)).timeout(Duration.ofSeconds(10));
    }

    static HttpRequest.BodyPublisher form(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
