package dev.clientele.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.CustomerField;
import dev.clientele.Permission;
import dev.clientele.spi.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Configuration")
class ClienteleConfigTest {

    @Test
    @DisplayName("reads back-ends, roles, policy and options from properties")
    void readsEverything() {
        ClienteleConfig c = ClienteleConfig.from(Map.of(
                "clientele.backend.local.type", "memory",
                "clientele.backend.corp.type", "ldap",
                "clientele.backend.corp.url", "ldap://127.0.0.1:389",
                "clientele.customers", "corp, local",
                "clientele.groups", "local",
                "clientele.policy.group-support", "true",
                "clientele.policy.always-groups", "users:rw, news:ro",
                "clientele.search.fields", "login, last-name",
                "clientele.login.lockout-duration", "PT30M"));

        assertThat(c.backends()).containsOnlyKeys("corp", "local");
        assertThat(c.backends().get("corp").type()).isEqualTo("ldap");
        assertThat(c.backends().get("corp").get("url")).contains("ldap://127.0.0.1:389");
        assertThat(c.list("clientele.customers")).containsExactly("corp", "local");
        assertThat(c.policy().groupSupport()).isTrue();
        assertThat(c.policy().alwaysGroups()).containsExactly(Map.entry("users", Permission.RW),
                Map.entry("news", Permission.RO));
        assertThat(c.searchFields()).contains(java.util.EnumSet.of(CustomerField.LOGIN, CustomerField.LAST_NAME));
        assertThat(c.lockout().lockDuration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("reports every problem at once, each naming its key")
    void reportsAllProblems() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ClienteleConfig.from(Map.of(
                        "clientele.backend.local.type", "memory",
                        "clientele.customers", "local, nowhere",
                        "clientele.policy.group-support", "maybe",
                        "clientele.policy.always-groups", "users:write",
                        "clientele.search.limit", "lots",
                        "clientele.login.failure-window", "forever",
                        "clientele.polcy.group-support", "true")))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder(
                        "clientele.customers", "clientele.policy.group-support", "clientele.policy.always-groups",
                        "clientele.search.limit", "clientele.login.failure-window", "clientele.polcy.group-support"))
                .withMessageContaining("names back-end 'nowhere', which is not configured (configured: local)")
                .withMessageContaining("must be true or false, was 'maybe'")
                .withMessageContaining("did you mean clientele.policy.group-support?");
    }

    @Test
    @DisplayName("a back-end without a type is a problem naming its type key")
    void backendNeedsType() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ClienteleConfig.from(Map.of("clientele.backend.corp.url", "ldap://x")))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                        .containsExactly("clientele.backend.corp.type"));
    }

    @Test
    @DisplayName("environment variables override the file, including back-end settings; the launcher's own are no settings")
    void environmentOverrides() {
        ClienteleConfig c = ClienteleConfig.from(
                Map.of("clientele.backend.corp.type", "ldap", "clientele.policy.group-support", "false"),
                Map.of("CLIENTELE_POLICY_GROUP_SUPPORT", "true",
                        "CLIENTELE_BACKEND_CORP_BIND_PASSWORD", "s3cret",
                        "CLIENTELE_CONFIG", "/etc/clientele.properties",
                        "CLIENTELE_REBUILD", "1",
                        "CLIENTELE_JAVA_OPTS", "-Xmx1g",
                        "PATH", "/usr/bin"));
        assertThat(c.policy().groupSupport()).isTrue();
        assertThat(c.backends().get("corp").get("bind-password")).contains("s3cret");
    }

    @Test
    @DisplayName("an environment variable that names no setting is a problem")
    void unknownEnvironmentVariable() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ClienteleConfig.from(Map.of("clientele.backend.a.type", "memory"),
                        Map.of("CLIENTELE_POLICY_GROUP_SUPORT", "true")))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key)
                        .containsExactly("CLIENTELE_POLICY_GROUP_SUPORT"));
    }

    @Test
    @DisplayName("secrets are masked in toString and in back-end settings")
    void secretsMasked() {
        ClienteleConfig c = ClienteleConfig.from(Map.of("clientele.backend.corp.type", "ldap",
                "clientele.backend.corp.bind-password", "hunter2", "clientele.backend.corp.password", "hunter3"));
        assertThat(c.toString()).doesNotContain("hunter2", "hunter3").contains("<masked>");
        assertThat(c.backends().get("corp").toString()).doesNotContain("hunter2", "hunter3").contains("<masked>");
    }

    @Test
    @DisplayName("misspelt secret keys are masked in toString and back-end settings, from properties and environment")
    void misspeltSecretsMasked() {
        ClienteleConfig c = ClienteleConfig.from(Map.of("clientele.backend.corp.type", "ldap",
                "clientele.backend.corp.bind-pasword", "hunter1", "clientele.backend.corp.secert", "hunter2",
                "clientele.backend.db.type", "jdbc", "clientele.backend.db.passwrd", "hunter3",
                "clientele.backend.db.credentails", "hunter4"),
                Map.of("CLIENTELE_BACKEND_DB_PASWORD", "hunter5", "CLIENTELE_BACKEND_CORP_TOKN", "hunter6"));
        String[] secrets = {"hunter1", "hunter2", "hunter3", "hunter4", "hunter5", "hunter6"};
        assertThat(c.toString()).doesNotContain(secrets).contains("clientele.backend.corp.bind-pasword=<masked>",
                "clientele.backend.db.pasword=<masked>", "clientele.backend.corp.tokn=<masked>");
        assertThat(c.backends().get("corp").toString()).doesNotContain(secrets).contains("secert=<masked>");
        assertThat(c.backends().get("db").toString()).doesNotContain(secrets).contains("passwrd=<masked>",
                "credentails=<masked>");
    }

    @Test
    @DisplayName("the values of keys known to hold no secret are shown in toString")
    void plainValuesShown() {
        ClienteleConfig c = ClienteleConfig.from(Map.of("clientele.backend.corp.type", "ldap",
                "clientele.backend.corp.url", "ldap://ldap.example.com:389/", "clientele.backend.corp.bind-dn",
                "cn=admin,dc=example", "clientele.backend.corp.bind-password", "hunter2",
                "clientele.policy.group-support", "false", "clientele.search.limit", "42"));
        assertThat(c.toString()).doesNotContain("hunter2").contains(
                "clientele.backend.corp.url=ldap://ldap.example.com:389/",
                "clientele.backend.corp.bind-dn=cn=admin,dc=example", "clientele.policy.group-support=false",
                "clientele.search.limit=42");
        assertThat(c.backends().get("corp").toString()).contains("url=ldap://ldap.example.com:389/",
                "bind-dn=cn=admin,dc=example", "bind-password=<masked>");
    }

    @Test
    @DisplayName("values of misspelt or malformed keys appear in no problem, thrown or inspected, nor in toString")
    void misspeltSecretsNotInProblems(@TempDir Path dir) throws IOException {
        Map<String, String> properties = Map.of("clientele.backend.corp.type", "ldap",
                "clientele.backend.corp.bind-pasword", "hunter1", "clientele.backend.corp.bind_pasword", "hunter2",
                "clientele.backend.Corp.passwrd", "hunter3", "clientele.backend.nameless", "hunter4",
                "clientele.ldap.bind-pasword", "hunter5", "clientele.backend.db.secert", "hunter6",
                "clientele.search.limit", "lots");
        Map<String, String> environment = Map.of("CLIENTELE_LDAP_PASWORD", "hunter7",
                "CLIENTELE_BACKEND_CORP_BIND_PASWORD", "hunter8");
        String[] secrets = {"hunter1", "hunter2", "hunter3", "hunter4", "hunter5", "hunter6", "hunter7", "hunter8"};
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ClienteleConfig.from(properties, environment))
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(secrets).contains("clientele.ldap.bind-pasword",
                            "CLIENTELE_LDAP_PASWORD", "clientele.backend.db.type", "clientele.search.limit");
                    assertThat(e.problems()).extracting(Problem::message).allSatisfy(m ->
                            assertThat(m).doesNotContain(secrets));
                });

        Path file = dir.resolve("c.properties");
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ClienteleConfig.Inspection i = ClienteleConfig.inspect(file, environment);
        assertThat(i.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).doesNotContain(secrets));
        assertThat(i.backendsOnly().toString()).doesNotContain(secrets).contains(
                "clientele.backend.corp.bind-pasword=<masked>", "clientele.backend.nameless=<masked>",
                "clientele.backend.Corp.passwrd=<masked>", "clientele.backend.corp.type=ldap");
        assertThat(i.backendsOnly().backends().values()).allSatisfy(b -> assertThat(b.toString())
                .doesNotContain(secrets));
    }

    @Test
    @DisplayName("a password written inside a URL is masked in toString too")
    void inlinePasswordsMasked() {
        ClienteleConfig c = ClienteleConfig.from(Map.of("clientele.backend.db.type", "jdbc",
                "clientele.backend.db.url", "jdbc:postgresql://db/helpdesk?user=app&password=hunter2&ssl=true",
                "clientele.backend.corp.type", "ldap",
                "clientele.backend.corp.url", "ldap://admin:hunter3@ldap.example.com/"));
        assertThat(c.toString()).doesNotContain("hunter2", "hunter3").contains("user=app", "ssl=true", "admin:");
        assertThat(c.backends().get("db").toString()).doesNotContain("hunter2").contains("password=<masked>");
        assertThat(c.backends().get("corp").toString()).doesNotContain("hunter3").contains("admin:<masked>@");
    }

    @Test
    @DisplayName("a secret value never appears in a problem message")
    void secretNotInProblems() {
        var settings = c("clientele.backend.corp.type", "ldap", "clientele.backend.corp.bind-password", "hunter2")
                .backends().get("corp");
        var reader = settings.reader();
        reader.integer("bind-password", 0, 0, 10);
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(reader::done)
                .withMessageContaining("clientele.backend.corp.bind-password")
                .withMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("a file is read as UTF-8 properties")
    void readsFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("clientele.properties");
        Files.writeString(f, "clientele.backend.local.type = memory\nclientele.policy.always-groups = Über:ro\n",
                StandardCharsets.UTF_8);
        ClienteleConfig c = ClienteleConfig.load(f, Map.of());
        assertThat(c.policy().alwaysGroups()).containsEntry("Über", Permission.RO);
    }

    @Test
    @DisplayName("a missing file is a configuration problem naming the file")
    void missingFile(@TempDir Path dir) {
        Path f = dir.resolve("nope.properties");
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> ClienteleConfig.load(f, Map.of()))
                .withMessageContaining(f.toString());
    }

    @Test
    @DisplayName("durations accept short forms and ISO-8601")
    void durations() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> Durations.parse("soon"))
                .withMessageContaining("'soon'");
    }

    private static ClienteleConfig c(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ClienteleConfig.from(m);
    }

    @Test
    @DisplayName("inspect lists the problems without throwing and keeps the back-ends, paths resolved, for opening")
    void inspect(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "clientele.backend.local.type = jdbc\nclientele.backend.local.url = jdbc:h2:./x\n"
                + "clientele.backend.local.passwrd = secret\nclientele.policy.group-suport = true\n"
                + "clientele.search.limit = lots\n", StandardCharsets.UTF_8);
        ClienteleConfig.Inspection i = ClienteleConfig.inspect(file, Map.of("CLIENTELE_CACHE_TTL", "soon"));
        assertThat(i.problems()).extracting(Problem::key).containsExactlyInAnyOrder("clientele.policy.group-suport",
                "clientele.search.limit", "clientele.cache.ttl");
        assertThat(i.problems().get(0).message()).contains("did you mean clientele.policy.group-support?");
        assertThat(i.backendsOnly().backends()).containsOnlyKeys("local");
        assertThat(i.backendsOnly().backends().get("local").baseDirectory()).contains(dir.toAbsolutePath());
        assertThat(i.backendsOnly().backends().get("local").get("passwrd")).contains("secret");
        assertThat(i.backendsOnly().get("clientele.search.limit")).isEmpty();

        ClienteleConfig.Inspection unreadable = ClienteleConfig.inspect(dir, Map.of());
        assertThat(unreadable.problems()).singleElement().extracting(Problem::key).isEqualTo(dir.toString());
        assertThat(unreadable.backendsOnly().backends()).isEmpty();
    }
}
