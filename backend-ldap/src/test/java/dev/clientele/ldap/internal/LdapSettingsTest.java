package dev.clientele.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.ldap.sdk.DN;
import dev.clientele.ConfigurationException;
import dev.clientele.CustomerField;
import dev.clientele.Permission;
import dev.clientele.spi.BackendSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("LDAP settings")
class LdapSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("url", "ldap://127.0.0.1:389");
        m.put("base-dn", "ou=people,dc=example,dc=com");
        return m;
    }

    private static LdapSettings read(Map<String, String> values) {
        return LdapSettings.read(BackendSettings.of("corp", "ldap", values));
    }

    @Test
    @DisplayName("defaults: failover, inetorgperson, read-only, page size 500, pool 10, timeouts 5 s and 10 s")
    void defaults() {
        LdapSettings s = read(minimal());

        assertThat(s.servers().serverSet()).isEqualTo(ServerSettings.ServerSetKind.FAILOVER);
        assertThat(s.mapping().preset()).isEqualTo(Preset.INETORGPERSON);
        assertThat(s.mapping().loginAttribute()).isEqualTo("uid");
        assertThat(s.writable()).isFalse();
        assertThat(s.search().pageSize()).isEqualTo(500);
        assertThat(s.pool().size()).isEqualTo(10);
        assertThat(s.servers().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.servers().responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.pool().maxConnectionAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.mapping().fieldAttributes()).containsEntry(CustomerField.EMAIL, "mail")
                .containsEntry(CustomerField.FIRST_NAME, "givenName").containsEntry(CustomerField.CUSTOMER_ID, "o")
                .doesNotContainKey(CustomerField.COUNTRY);
        assertThat(s.groups().map()).isEmpty();
    }

    @Test
    @DisplayName("the active-directory preset maps sAMAccountName, company, streetAddress and co")
    void activeDirectoryPreset() {
        Map<String, String> m = minimal();
        m.put("preset", "active-directory");

        LdapSettings s = read(m);

        assertThat(s.mapping().loginAttribute()).isEqualTo("sAMAccountName");
        assertThat(s.groups().type()).isEqualTo(GroupType.MEMBER_OF);
        assertThat(s.mapping().fieldAttributes()).containsEntry(CustomerField.CUSTOMER_ID, "company")
                .containsEntry(CustomerField.COUNTRY, "co");
    }

    @Test
    @DisplayName("map.<field>, login-attribute, customer-id and attribute.<name> override the preset; none unmaps")
    void overrides() {
        Map<String, String> m = minimal();
        m.put("login-attribute", "userPrincipalName");
        m.put("map.first-name", "cn");
        m.put("map.phone", "none");
        m.put("customer-id", "ACME");
        m.put("attribute.department", "departmentNumber");
        m.put("map.additional-customer-ids", "ou");

        LdapSettings s = read(m);

        assertThat(s.mapping().loginAttribute()).isEqualTo("userPrincipalName");
        assertThat(s.mapping().fieldAttributes()).containsEntry(CustomerField.FIRST_NAME, "cn")
                .doesNotContainKey(CustomerField.PHONE).doesNotContainKey(CustomerField.CUSTOMER_ID);
        assertThat(s.mapping().fixedCustomerId()).contains("ACME");
        assertThat(s.mapping().extraAttributes()).containsEntry("department", "departmentNumber");
        assertThat(s.mapping().additionalIdsAttribute()).contains("ou");
    }

    @Test
    @DisplayName("the group map reads 'DN => group:perm' items separated by ';'")
    void groupMap() throws Exception {
        Map<String, String> m = minimal();
        m.put("group-map", "cn=acme-support,ou=groups,dc=example,dc=com => acme:rw; "
                + "CN=Acme-Readers,OU=Groups,DC=example,DC=com => acme-archive:ro");

        LdapSettings s = read(m);

        assertThat(s.groups().map()).containsEntry(new DN("cn=acme-support,ou=groups,dc=example,dc=com"),
                List.of(new GroupSettings.Grant("acme", Permission.RW)));
        assertThat(s.groups().map().get(new DN("cn=acme-readers,ou=groups,dc=example,dc=com")))
                .containsExactly(new GroupSettings.Grant("acme-archive", Permission.RO));
    }

    @Test
    @DisplayName("every problem is reported at once, each with its full key")
    void everyProblemAtOnce() {
        Map<String, String> m = new HashMap<>();
        m.put("url", "http://example.com");
        m.put("server-set", "random");
        m.put("preset", "novell");
        m.put("page-size", "0");
        m.put("map.shoe-size", "shoeSize");
        m.put("map.email", "e mail");
        m.put("always-filter", "(uid=*");
        m.put("group-map", "cn=x,dc=example,dc=com => acme");
        m.put("nested-groups", "true");
        m.put("bind-dn", "cn=admin,dc=example,dc=com");
        m.put("colour", "blue");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> read(m))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                        .contains("clientele.backend.corp.url", "clientele.backend.corp.base-dn",
                                "clientele.backend.corp.server-set", "clientele.backend.corp.preset",
                                "clientele.backend.corp.page-size", "clientele.backend.corp.map.shoe-size",
                                "clientele.backend.corp.map.email", "clientele.backend.corp.always-filter",
                                "clientele.backend.corp.group-map", "clientele.backend.corp.nested-groups",
                                "clientele.backend.corp.bind-password", "clientele.backend.corp.colour"));
    }

    @Test
    @DisplayName("secrets never appear in messages: a bad value of bind-password or trust-store-password is masked")
    void secretsMasked() {
        Map<String, String> m = minimal();
        m.put("bind-password", "Sup3r-Secret-Value");
        m.put("trust-store-password", "An0ther-Secret");
        m.put("trust-store", "/no/such/file.p12");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> read(m))
                .satisfies(e -> assertThat(e.getMessage()).contains("bind-dn", "trust-store")
                        .doesNotContain("Sup3r-Secret-Value", "An0ther-Secret"));
        Map<String, String> ok = minimal();
        ok.put("bind-dn", "cn=admin,dc=example,dc=com");
        ok.put("bind-password", "Sup3r-Secret-Value");
        assertThat(read(ok).toString()).doesNotContain("Sup3r-Secret-Value");
        assertThat(BackendSettings.of("corp", "ldap", ok).toString()).doesNotContain("Sup3r-Secret-Value");
    }

    @Test
    @DisplayName("a valid-filter Clientele cannot evaluate (extensible match) is refused")
    void validFilterMustBeEvaluable() {
        Map<String, String> m = minimal();
        m.put("valid-filter", "(!(userAccountControl:1.2.840.113556.1.4.803:=2))");

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> read(m))
                .withMessageContaining("clientele.backend.corp.valid-filter");
    }

    @Test
    @DisplayName("ldaps:// with start-tls, mixed schemes and a DN in the URL are refused")
    void urlRules() {
        Map<String, String> m = minimal();
        m.put("url", "ldaps://a.example.com ldap://b.example.com");
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> read(m))
                .withMessageContaining("mixes ldap:// and ldaps://");
        m.put("url", "ldaps://a.example.com");
        m.put("start-tls", "true");
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> read(m))
                .withMessageContaining("clientele.backend.corp.start-tls");
        m.remove("start-tls");
        m.put("url", "ldap://a.example.com/dc=example,dc=com");
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> read(m))
                .withMessageContaining("give the base DN in base-dn");
    }

    @Test
    @DisplayName("several URLs separated by spaces make a server list in the order given")
    void severalUrls() {
        Map<String, String> m = minimal();
        m.put("url", "ldap://ldap1.example.com  ldap://ldap2.example.com:1389");
        m.put("server-set", "round-robin");

        LdapSettings s = read(m);

        assertThat(s.servers().urls()).extracting(u -> u.getHost() + ":" + u.getPort())
                .containsExactly("ldap1.example.com:389", "ldap2.example.com:1389");
        assertThat(s.servers().serverSet()).isEqualTo(ServerSettings.ServerSetKind.ROUND_ROBIN);
    }

    @Test
    @DisplayName("no section shows a secret, and each hands out copies of its secrets")
    void sectionsHideSecrets(@TempDir Path dir) throws Exception {
        Path store = Files.createFile(dir.resolve("trust.p12"));
        Map<String, String> m = minimal();
        m.put("bind-dn", "cn=admin,dc=example,dc=com");
        m.put("bind-password", "Sup3r-Secret-Value");
        m.put("trust-store", store.toString());
        m.put("trust-store-password", "An0ther-Secret");

        LdapSettings s = read(m);

        assertThat(List.of(s.toString(), s.bind().toString(), s.tls().toString(), s.origin().toString(),
                s.describe())).allSatisfy(text -> assertThat(text)
                        .doesNotContain("Sup3r-Secret-Value", "An0ther-Secret"));
        assertThat(s.bind().toString()).contains("cn=admin,dc=example,dc=com", "<masked>");
        char[] first = s.bind().bindPassword().orElseThrow();
        java.util.Arrays.fill(first, 'x');
        assertThat(s.bind().bindPassword()).get().isEqualTo("Sup3r-Secret-Value".toCharArray());
        char[] pin = s.tls().trustStorePassword().orElseThrow();
        java.util.Arrays.fill(pin, 'x');
        assertThat(s.tls().trustStorePassword()).get().isEqualTo("An0ther-Secret".toCharArray());
    }

    @Test
    @DisplayName("the failover connection age is 5 minutes, or the maximum age when that is shorter")
    void failoverConnectionAgeDefault() {
        assertThat(read(minimal()).pool().failoverConnectionAge()).isEqualTo(Duration.ofMinutes(5));
        Map<String, String> m = minimal();
        m.put("max-connection-age", "2m");
        assertThat(read(m).pool().failoverConnectionAge()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("groups default to the base DN and the preset's group type")
    void groupDefaults() throws Exception {
        Map<String, String> m = minimal();
        m.put("preset", "active-directory");

        LdapSettings s = read(m);

        assertThat(s.groups().baseDn()).isEqualTo(new DN("ou=people,dc=example,dc=com"));
        assertThat(s.groups().type()).isEqualTo(GroupType.MEMBER_OF);
        assertThat(s.groups().nested()).isFalse();
        assertThat(s.login().requiredGroupDn()).isEmpty();
    }
}
