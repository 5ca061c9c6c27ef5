package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.config.ClienteleConfig;
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
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clientele copy --from znuny.properties --to target.properties}: a Znuny 7 database holding
 * {@link ZnunyFixture}'s 3,000 customers (H2 in PostgreSQL mode, through the mapped mode's preset) into the own
 * schema on H2 — counts of every kind equal, timestamps, preferences, links with context and hashes kept, every
 * customer logs in with the old password, and a second run copies nothing and changes nothing.
 */
class ZnunyCopyTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ClienteleCli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("COLUMNS", "120"),
                null, () -> null).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The JSON output without white space, for comparing its parts. */
    private static String compact(Run run) {
        return run.out().replaceAll("\\s", "");
    }

    private static Path properties(Path file, Map<String, String> values) throws IOException {
        Files.writeString(file, values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    @Test
    @DisplayName("copies every kind losslessly, verifies the counts, and a second run is safe")
    void copiesAZnunyDatabase() throws IOException, SQLException {
        ZnunyDatabase znuny = ZnunyDatabase.h2();
        ZnunyFixture.load(znuny);
        Map<String, String> source = new java.util.LinkedHashMap<>();
        znuny.settings().forEach((k, v) -> source.put("clientele.backend.znuny." + k, v));
        source.put("clientele.backend.znuny.type", "jdbc");
        source.put("clientele.policy.group-support", "true");
        Path from = properties(dir.resolve("znuny.properties"), source);
        Path to = properties(dir.resolve("target.properties"), Map.of(
                "clientele.backend.local.type", "jdbc",
                "clientele.backend.local.url", "jdbc:h2:mem:target" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "clientele.policy.group-support", "true",
                "clientele.password.iterations", "1000"));

        Run first = cli("copy", "--from", from.toString(), "--to", to.toString(), "--json");

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(compact(first)).contains("\"verified\":true").contains("\"problems\":[]")
                .contains("\"customersWithTargetTimestamps\":0");
        assertThat(compact(first)).contains("\"customers\":{\"source\":" + ZnunyFixture.CUSTOMERS + ",\"copied\":"
                + ZnunyFixture.CUSTOMERS + ",\"alreadyThere\":0,\"refused\":0,\"verified\":" + ZnunyFixture.CUSTOMERS);
        assertThat(compact(first)).contains("\"companies\":{\"source\":" + ZnunyFixture.COMPANIES + ",\"copied\":"
                + ZnunyFixture.COMPANIES);
        assertThat(compact(first)).contains("\"preferences\":{\"source\":" + ZnunyFixture.CUSTOMERS);
        assertThat(compact(first)).contains("\"groups\":{\"source\":23,\"copied\":23");

        try (CustomerDirectory src = CustomerDirectory.builder().config(ClienteleConfig.load(from, Map.of())).build();
                CustomerDirectory dst = CustomerDirectory.builder().config(ClienteleConfig.load(to, Map.of()))
                        .build();
                Connection c = znuny.connect()) {
            assertThat(dst.groups()).isEqualTo(src.groups());
            assertThat(dst.companies()).isEqualTo(src.companies());
            Customer copied = dst.getCustomer("user0001");
            assertThat(copied.created()).isEqualTo(ZnunyFixture.START.plusMinutes(1).toInstant(ZoneOffset.UTC));
            assertThat(copied.changed()).isEqualTo(ZnunyFixture.START.plusMinutes(1).plusDays(3)
                    .toInstant(ZoneOffset.UTC));
            assertThat(dst.getCustomer("user0004").additionalCustomerIds()).containsExactlyInAnyOrder("comp5",
                    "comp6");
            assertThat(dst.preferences("user0003")).isEqualTo(src.preferences("user0003"))
                    .containsEntry("UserLanguage", "en");
            assertThat(dst.memberships(Membership.Kind.COMPANY, "comp13")).containsExactlyInAnyOrder(
                    Membership.company("comp13", "g18", Permission.RO),
                    Membership.company("comp13", "g0", Permission.RO)
                            .inContext(PermissionContext.OTHER_CUSTOMER_IDS));
            int loggedIn = 0;
            for (int n = 0; n < ZnunyFixture.CUSTOMERS; n++) {
                String login = ZnunyFixture.login(n);
                if (n % 37 == 0) {
                    assertThat(dst.permissions(login)).as(login).isEqualTo(src.permissions(login));
                }
                if (ZnunyFixture.validId(n) == 1 && ZnunyFixture.hash(n) != null) {
                    loggedIn++;
                    assertThat(hash(c, login)).as("the Znuny hash is still Znuny's").isEqualTo(ZnunyFixture.hash(n));
                    assertThat(dst.authenticate(login, ZnunyFixture.PASSWORD.toCharArray()).succeeded())
                            .as("%s (%s) logs in on the copy", login, ZnunyFixture.HASH_TYPES[n % 7]).isTrue();
                }
            }
            assertThat(loggedIn).as("every valid customer with a password logged in on the copy")
                    .isGreaterThan(ZnunyFixture.CUSTOMERS / 3);
        }

        Run second = cli("copy", "--from", from.toString(), "--to", to.toString(), "--json");

        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(compact(second)).contains("\"customers\":{\"source\":" + ZnunyFixture.CUSTOMERS
                + ",\"copied\":0,\"alreadyThere\":" + ZnunyFixture.CUSTOMERS).contains("\"verified\":true");
    }

    private static String hash(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pw FROM customer_user WHERE login = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
