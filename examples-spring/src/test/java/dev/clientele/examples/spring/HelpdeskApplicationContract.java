package dev.clientele.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Permission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example application over HTTP, as a browser or a script would use it: log in with HTTP Basic, open a guarded
 * queue, read health and metrics. Each database runs it with a few lines ({@link H2HelpdeskTest},
 * {@link PostgresHelpdeskTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clientele.password.iterations=1000", "clientele.policy.group-support=true",
                "server.address=127.0.0.1"})
abstract class HelpdeskApplicationContract {
    static {
        // The build's -Dclientele.target (a folder for parallel builds) reaches the tests as a system property;
        // it is no Clientele setting, and the starter would rightly refuse it.
        System.clearProperty("clientele.target");
    }

    static final String PASSWORD = "Corr3ct-Horse-Battery";

    @LocalServerPort
    int port;

    @Autowired
    CustomerDirectory directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void seed() {
        if (directory.findGroup("support").isPresent()) {
            return;
        }
        directory.createGroup(Group.of("support"));
        directory.createGroup(Group.of("ops"));
        customer("jdoe");
        customer("jane");
        customer("olga");
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jane", "support", Permission.RO);
        directory.link("olga", "ops", Permission.RO);
    }

    private void customer(String login) {
        directory.createCustomer(Customer.builder(login).email(login + "@acme.example").customerId("acme")
                .firstName(login).lastName("Acme").build(), PASSWORD.toCharArray());
    }

    HttpResponse<String> get(String path, String login, String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (login != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a customer logs in over HTTP and sees its login and group authorities")
    void logsIn() throws Exception {
        HttpResponse<String> me = get("/me", "jdoe", PASSWORD);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"login\":\"jdoe\"").contains("\"customerId\":\"acme\"")
                .contains("GROUP_support_RW").contains("GROUP_support_RO");
    }

    @Test
    @DisplayName("a wrong password and an unknown login are both 401")
    void wrongPassword() throws Exception {
        assertThat(get("/me", "jane", "not-the-password").statusCode()).isEqualTo(401);
        assertThat(get("/me", "nobody", "not-the-password").statusCode()).isEqualTo(401);
        assertThat(get("/me", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("@PreAuthorize hasPermission('support', 'rw'): RW opens the queue, RO gets 403")
    void preAuthorizeBothWays() throws Exception {
        HttpResponse<String> writer = get("/queues/support", "jdoe", PASSWORD);
        assertThat(writer.statusCode()).isEqualTo(200);
        assertThat(writer.body()).contains("support queue");
        assertThat(get("/queues/support", "jane", PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("/actuator/health shows the Clientele back-end; its details (counts) only to ops")
    void health() throws Exception {
        HttpResponse<String> anyone = get("/actuator/health", null, null);
        assertThat(anyone.statusCode()).isEqualTo(200);
        assertThat(anyone.body()).contains("\"clientele\"").contains("\"local\":{\"status\":\"UP\"")
                .doesNotContain("counts");
        HttpResponse<String> ops = get("/actuator/health/clientele", "olga", PASSWORD);
        assertThat(ops.body()).contains("\"type\":\"jdbc\"").contains("\"counts\"").contains("connections of the host");
    }

    @Test
    @DisplayName("/actuator/metrics lists the Clientele meters and the pool's (to ops), with login outcomes by reason")
    void metrics() throws Exception {
        get("/me", "jdoe", PASSWORD);
        get("/me", "jane", "not-the-password");
        HttpResponse<String> names = get("/actuator/metrics", "olga", PASSWORD);
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(names.body()).contains("clientele.logins", "clientele.lookups", "clientele.permission.checks",
                "clientele.cache.hit.ratio", "clientele.searches");
        assertThat(names.body()).as("Boot's gauges of the application's Hikari pool, which Clientele uses")
                .contains("hikaricp.connections.active");
        HttpResponse<String> failures = get("/actuator/metrics/clientele.logins?tag=outcome:bad-credentials", "olga",
                PASSWORD);
        assertThat(failures.body()).contains("\"COUNT\"");
        assertThat(get("/actuator/metrics", "jdoe", PASSWORD).statusCode()).isEqualTo(403);
    }
}
