package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.web.AdminAccounts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clientele serve} from the shaded jar, on the default embedded H2 store, reached over HTTP. */
@DisplayName("clientele serve (the jar)")
class ServeIT {
    private static final Pattern URL = Pattern.compile("admin console on (http://127\\.0\\.0\\.1:\\d+)/admin/");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    @DisplayName("prints its 127.0.0.1 URL; an admin from admin set-password logs in and sees the Customers screen")
    void serve() throws Exception {
        new Jar(dir, Map.of()).run("demo").ok();
        AdminAccounts.of(Map.of("alice", Pbkdf2PasswordHasher.withIterations(1_000).hash(
                "Alice-Password-1".toCharArray()))).save(dir.resolve("clientele-data/admins.properties"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Jar.jar().toString(), "serve", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLIENTELE_"));
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String base = null;
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null && base == null; line = out.readLine()) {
                seen.append(line).append('\n');
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertThat(base).as("the URL line; the output was:%n%s", seen).isNotNull();

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Matcher csrf = CSRF.matcher(form.body());
            assertThat(csrf.find()).isTrue();
            String body = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                    + "&name=alice&password=Alice-Password-1";
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(303);
            String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> customers = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/admin/customers?q=*")).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(customers.statusCode()).isEqualTo(200);
            assertThat(customers.body()).contains("id=\"results\"").contains("customer(s) shown");
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
