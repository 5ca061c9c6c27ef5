package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-back-end password settings ({@code rehash}, {@code crypt-type}, {@code bcrypt-cost}) from a properties
 * map, as an operator writes them, on the JDBC back-end over H2: what lands in the {@code password_hash} column.
 */
@DisplayName("jdbc: rehash and crypt-type from the configuration")
class JdbcPasswordStorageTest {
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final String WRONG = "Wr0ng-Horse-Battery";

    private final String url = JdbcH2ContractTest.freshUrl();

    private CustomerDirectory open(String... settings) {
        Map<String, String> p = new HashMap<>();
        p.put("clientele.backend.znuny.type", "jdbc");
        p.put("clientele.backend.znuny.url", url);
        p.put("clientele.password.iterations", "1000");
        for (int i = 0; i < settings.length; i += 2) {
            p.put("clientele.backend.znuny." + settings[i], settings[i + 1]);
        }
        // through a properties file, as an application configures it (back-ends see no core internals)
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("clientele-storage", ".properties");
            file.toFile().deleteOnExit();
            StringBuilder text = new StringBuilder();
            p.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
            java.nio.file.Files.writeString(file, text);
            return CustomerDirectory.open(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Customer jdoe() {
        return Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme").firstName("Pat")
                .lastName("Example").build();
    }

    private String column() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement(
                        "SELECT password_hash FROM clientele_credentials WHERE login_key = 'jdoe'");
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private void storeInColumn(String hash) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement(
                        "UPDATE clientele_credentials SET password_hash = ? WHERE login_key = 'jdoe'")) {
            s.setString(1, hash);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("keep-crypt-type sha2: a new password is hex SHA-256; an MD5-crypt one becomes sha2 at login")
    void keepSha2() throws Exception {
        try (CustomerDirectory d = open("rehash", "keep-crypt-type", "crypt-type", "sha2")) {
            d.createCustomer(jdoe(), PASSWORD.toCharArray());
            assertThat(column()).isEqualTo(sha256(PASSWORD));

            storeInColumn("$1$Zn7uY2aq$PyCtctY2HxWfvoT5NzaPR/"); // openssl passwd -1 -salt Zn7uY2aq
            d.invalidateCaches();
            assertThat(d.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);

            assertThat(column()).isEqualTo(sha256(PASSWORD));
            assertThat(d.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        }
    }

    @Test
    @DisplayName("keep-crypt-type bcrypt with bcrypt-cost: setPassword writes BCRYPT:cost:salt:hash")
    void keepBcrypt() throws Exception {
        try (CustomerDirectory d = open("rehash", "keep-crypt-type", "crypt-type", "bcrypt", "bcrypt-cost", "10")) {
            d.createCustomer(jdoe());
            d.setPassword("jdoe", PASSWORD.toCharArray());

            assertThat(column()).matches("BCRYPT:10:[A-Za-z0-9]{16}:[./A-Za-z0-9]{31}");
            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
        }
    }

    @Test
    @DisplayName("no settings: a Znuny DES crypt hash logs in and becomes PBKDF2")
    void defaultRehashesToPbkdf2() throws Exception {
        try (CustomerDirectory d = open()) {
            d.createCustomer(jdoe(), PASSWORD.toCharArray());
            storeInColumn("k9ylu7281VOvk"); // glibc crypt(3), salt "k9"

            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(column()).startsWith("$pbkdf2-sha256$i=1000,");
        }
    }

    @Test
    @DisplayName("rehash = off with crypt-type = plain: clear text logs in and stays as it is")
    void offPlain() throws Exception {
        try (CustomerDirectory d = open("rehash", "off", "crypt-type", "plain")) {
            d.createCustomer(jdoe(), PASSWORD.toCharArray());
            assertThat(column()).isEqualTo(PASSWORD);

            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(d.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            assertThat(column()).isEqualTo(PASSWORD);
        }
    }

    @Test
    @DisplayName("bad values are refused under their full keys, and the jdbc back-end does not call them unknown")
    void badValues() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> open("rehash", "always", "crypt-type", "rot13"))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder(
                        "clientele.backend.znuny.rehash", "clientele.backend.znuny.crypt-type"));
    }
}
