package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.jdbc.ZnunyDatabase;
import dev.clientele.jdbc.ZnunyFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool with only a properties file (preset znuny7 and the URL) on a Znuny-shaped PostgreSQL database holding
 * {@link ZnunyFixture}'s data: config check, search, show, permissions --explain, login, update, link and
 * set-password all work, and the rows they write still pass Znuny's rules (its foreign keys, valid_id, change_*).
 */
class ZnunyCommandsTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ClienteleCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("COLUMNS", "160"), null, () -> null).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every command of the tour works on a Znuny database and writes rows Znuny accepts")
    void tourOnZnuny() throws IOException, SQLException, java.security.NoSuchAlgorithmException {
        ZnunyDatabase znuny = ZnunyDatabase.postgres();
        ZnunyFixture.load(znuny);
        Map<String, String> settings = new java.util.TreeMap<>();
        znuny.settings().forEach((k, v) -> settings.put("clientele.backend.znuny." + k, v));
        settings.put("clientele.backend.znuny.type", "jdbc");
        settings.put("clientele.policy.group-support", "true");
        settings.put("clientele.password.iterations", "1000");
        // passwords written as Znuny writes them (its default CryptType), so Znuny's own login keeps working
        settings.put("clientele.backend.znuny.rehash", "keep-crypt-type");
        settings.put("clientele.backend.znuny.crypt-type", "sha2");
        Path config = dir.resolve("znuny.properties");
        Files.writeString(config, settings.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        String c = config.toString();

        Run check = cli("", "--config", c, "config", "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("znuny7");

        Run search = cli("", "--config", c, "customer", "search", "user001*");
        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("User0010").contains("USER0011");

        Run show = cli("", "--config", c, "customer", "show", "user0010");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("User0010").contains("comp10");

        Run explain = cli("", "--config", c, "permissions", "user0012", "g12", "--explain");
        assertThat(explain.code()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("g12");

        Run login = cli(ZnunyFixture.PASSWORD + "\n", "--config", c, "login", "user0012", "--password-stdin");
        assertThat(login.code()).as(login.out() + login.err()).isZero();

        Run update = cli("", "--config", c, "customer", "update", "user0012", "--phone", "+49 40 1");
        assertThat(update.code()).as(update.err()).isZero();

        Run link = cli("", "--config", c, "link", "customer", "user0012", "g3", "rw");
        assertThat(link.code()).as(link.err()).isZero();

        Run password = cli("N3w-Secret-pw\n", "--config", c, "customer", "set-password", "user0012",
                "--password-stdin");
        assertThat(password.code()).as(password.out() + password.err()).isZero();
        Run newLogin = cli("N3w-Secret-pw\n", "--config", c, "login", "USER0012", "--password-stdin");
        assertThat(newLogin.code()).as(newLogin.out() + newLogin.err()).isZero();

        try (Connection db = znuny.connect(); PreparedStatement ps = db.prepareStatement("SELECT phone, valid_id,"
                + " change_by, change_time > create_time, pw FROM customer_user WHERE login = 'user0012'");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(5)).as("pw in Znuny's sha2 form").isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest("N3w-Secret-pw".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(rs.getString(1)).isEqualTo("+49 40 1");
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getInt(3)).isEqualTo(1);
            assertThat(rs.getBoolean(4)).isTrue();
        }
        try (Connection db = znuny.connect(); PreparedStatement ps = db.prepareStatement("SELECT permission_key,"
                + " permission_value FROM group_customer_user WHERE user_id = 'user0012' AND group_id = ?"
                + " ORDER BY permission_key")) {
            ps.setInt(1, ZnunyFixture.groupId("g3"));
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder keys = new StringBuilder();
                while (rs.next()) {
                    keys.append(rs.getString(1)).append('=').append(rs.getInt(2)).append(' ');
                }
                assertThat(keys.toString().strip()).isEqualTo("ro=1 rw=1");
            }
        }
    }
}
