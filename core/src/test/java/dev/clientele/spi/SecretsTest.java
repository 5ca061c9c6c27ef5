package dev.clientele.spi;

import static org.assertj.core.api.Assertions.assertThat;

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
    @DisplayName("the value of a secret key is masked whole")
    void secretValueMasked() {
        assertThat(Secrets.shown("bind-password", "hunter2")).isEqualTo(Secrets.MASK);
        assertThat(Secrets.shown("url", "jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
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
