package dev.clientele.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Secrets")
class SecretsTest {

    @Test
    @DisplayName("keys naming a password, secret, credential or token are secret, whatever their prefix")
    void secretKeys() {
        assertThat(Secrets.isSecret("clientele.backend.corp.bind-password")).isTrue();
        assertThat(Secrets.isSecret("trust-store-password")).isTrue();
        assertThat(Secrets.isSecret("api-token")).isTrue();
        assertThat(Secrets.isSecret("clientele.password.min-length")).isFalse();
        assertThat(Secrets.isSecret("url")).isFalse();
    }

    @Test
    @DisplayName("misspelt secret keys are secret too: a letter left out, added, replaced or swapped")
    void misspeltSecretKeys() {
        assertThat(List.of("clientele.backend.corp.bind-pasword", "clientele.backend.db.passwrd",
                "clientele.backend.corp.secert", "sercet", "pasword", "passwort", "trustStorePasswrd",
                "bindpasword", "credentails", "credntial", "tokn", "toekn", "api-tokn", "passphrase", "pw0rd",
                "bind-pw", "pwd-file", "api-key", "apikey"))
                .allSatisfy(k -> assertThat(Secrets.isSecret(k)).as(k).isTrue());
    }

    @Test
    @DisplayName("the keys of the directory and the settings of the back-ends that hold no secret are no secret")
    void knownPlainKeys() {
        List<String> plain = new ArrayList<>(List.of("url", "user", "bind-dn", "base-dn", "group-base-dn",
                "login-attribute", "customer-id-attribute", "pool-size", "page-size", "connect-timeout",
                "response-timeout", "start-tls", "trust-store", "trust-store-type", "trust-all", "server-set",
                "type", "rehash", "crypt-type", "bcrypt-cost", "cache-ttl", "preset", "schema-mode",
                "valid-filter", "always-filter", "nested-groups", "group-map", "size-limit", "time-limit"));
        ConfigKey.all().forEach(k -> plain.add(k.key()));
        assertThat(plain).allSatisfy(k -> assertThat(Secrets.isSecret(k)).as(k).isFalse());
    }

    @Test
    @DisplayName("the value of a secret key is masked whole")
    void secretValueMasked() {
        assertThat(Secrets.shown("bind-password", "hunter2")).isEqualTo(Secrets.MASK);
        assertThat(Secrets.shown("url", "jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Secrets.shown("bind-pasword", "hunter2")).isEqualTo(Secrets.MASK);
    }

    @Test
    @DisplayName("the value of a key its reader does not recognise is masked whole, whatever the key's name")
    void unrecognisedValueMasked() {
        assertThat(Secrets.shown("clientele.backend.nameless", "hunter2", false)).isEqualTo(Secrets.MASK);
        assertThat(Secrets.shown("url", "jdbc:h2:mem:x", true)).isEqualTo("jdbc:h2:mem:x");
        assertThat(Secrets.shown("bind-pasword", "hunter2", true)).isEqualTo(Secrets.MASK);
        assertThat(Secrets.shown("url", null, false)).isNull();
    }

    @Test
    @DisplayName("passwords written into JDBC and LDAP URLs are masked, the rest of the URL kept")
    void passwordsInUrlsMasked() {
        assertThat(Secrets.masked("jdbc:postgresql://db/x?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=<masked>&ssl=true");
        assertThat(Secrets.masked("jdbc:h2:tcp://db/x;USER=sa;PASSWORD=hunter2;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:tcp://db/x;USER=sa;PASSWORD=<masked>;MODE=PostgreSQL");
        assertThat(Secrets.masked("jdbc:sqlserver://db;user=a;pwd=hunter2")).doesNotContain("hunter2");
        assertThat(Secrets.masked("jdbc:postgresql://admin:hunter2@db:5432/x"))
                .isEqualTo("jdbc:postgresql://admin:<masked>@db:5432/x");
        assertThat(Secrets.masked("ldap://:hunter2@ldap.example")).isEqualTo("ldap://:<masked>@ldap.example");
        assertThat(Secrets.masked("jdbc:postgresql://db:5432/x?ssl=true")).isEqualTo("jdbc:postgresql://db:5432/x?ssl=true");
        assertThat(Secrets.masked(null)).isNull();
    }
}
