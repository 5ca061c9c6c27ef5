package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult;
import dev.clientele.BackendRefusedException;
import dev.clientele.Company;
import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.Validity;
import dev.clientele.password.CryptType;
import dev.clientele.password.PasswordStorage;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.password.RehashPolicy;
import dev.clientele.spi.CustomerBackend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Clientele on a Znuny 7 database holding {@link ZnunyFixture}'s data: what it reads matches what Znuny wrote, what
 * it writes is what Znuny would have written, and the effective groups equal Znuny's {@code GroupMemberList}
 * ({@link ZnunyGroupOracle}). One database per class, loaded once; each test that writes uses its own customers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ZnunyCompatibilityTests {
    private ZnunyDatabase db;
    private CustomerBackend backend;
    private CustomerDirectory directory;

    /** A fresh, empty Znuny database. */
    protected abstract ZnunyDatabase freshDatabase();

    @BeforeAll
    void load() {
        db = freshDatabase();
        ZnunyFixture.load(db);
        backend = db.backend("znuny");
        directory = directory(backend);
    }

    private static CustomerDirectory directory(CustomerBackend backend) {
        return CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1000))
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build()).build();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    // ----- reading ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("every customer reads back, with Znuny's validities, mixed-case logins found by any case")
    void readsEveryCustomer() {
        // other tests of the class may have added customers: compare with the table itself
        long rows = count("SELECT COUNT(*) FROM customer_user");
        assertThat(rows).isGreaterThanOrEqualTo(ZnunyFixture.CUSTOMERS);
        assertThat(backend.customers().orElseThrow().count()).isEqualTo(rows);
        try (var all = directory.customers(true)) {
            assertThat(all.count()).isEqualTo(rows);
        }
        try (var validOnes = directory.customers(false)) {
            assertThat(validOnes.count()).isEqualTo(count("SELECT COUNT(*) FROM customer_user WHERE valid_id = 1"));
        }
        Customer c = directory.getCustomer("user0001");
        assertThat(c.login()).isEqualTo("User0001");
        assertThat(c.customerId()).isEqualTo("comp1");
        assertThat(c.firstName()).isEqualTo("First1");
        assertThat(c.validity()).isEqualTo(Validity.VALID);
        assertThat(directory.getCustomer("USER0017").validity()).isEqualTo(Validity.INVALID);
        assertThat(directory.getCustomer("user0019").validity()).isEqualTo(Validity.INVALID_TEMPORARILY);
        assertThat(c.created()).isEqualTo(ZnunyFixture.START.plusMinutes(1).toInstant(java.time.ZoneOffset.UTC));
        assertThat(c.changed()).isEqualTo(ZnunyFixture.START.plusMinutes(1).plusDays(3)
                .toInstant(java.time.ZoneOffset.UTC));
        assertThat(directory.getCustomer("user0004").additionalCustomerIds()).containsExactlyInAnyOrder("comp5",
                "comp6");
        assertThat(directory.findByEmail("USER0002@ZNUNY.EXAMPLE")).extracting(Customer::login)
                .containsExactly("USER0002");
        assertThat(directory.search("user000*").customers()).extracting(Customer::login)
                .contains("User0001", "USER0002").doesNotContain("user0000"); // 0 is invalid
    }

    @Test
    @DisplayName("login-case-sensitive: only the login as stored is found")
    void caseSensitiveLogin() {
        try (CustomerDirectory exact = directory(db.backend("exact", Map.of("login-case-sensitive", "true")))) {
            assertThat(exact.findCustomer("User0001")).isPresent();
            assertThat(exact.findCustomer("user0001")).isEmpty();
        }
    }

    @Test
    @DisplayName("companies and groups read with their validity")
    void companiesAndGroups() {
        assertThat((long) directory.companies().size()).isEqualTo(count("SELECT COUNT(*) FROM customer_company"));
        assertThat(directory.findCompany("COMP9").orElseThrow().validity()).isEqualTo(Validity.INVALID);
        assertThat(directory.findCompany("comp8").orElseThrow().validity()).isEqualTo(Validity.INVALID_TEMPORARILY);
        assertThat(directory.findCompany("comp3").orElseThrow().name()).isEqualTo("Company 3");
        assertThat((long) directory.groups().size()).isEqualTo(count("SELECT COUNT(*) FROM permission_groups"));
        assertThat(directory.findGroup("gx").orElseThrow().validity()).isEqualTo(Validity.INVALID);
    }

    @Test
    @DisplayName("links: rw granted is RW, ro granted is RO, other keys alone are no link; company contexts")
    void links() {
        assertThat(directory.memberships(Membership.Kind.CUSTOMER, "user0000"))
                .containsExactlyInAnyOrder(Membership.customer("user0000", "g0", Permission.RW),
                        Membership.customer("user0000", "gx", Permission.RW));
        assertThat(directory.memberships(Membership.Kind.CUSTOMER, "user0001"))
                .containsExactly(Membership.customer("User0001", "g1", Permission.RO));
        assertThat(directory.memberships(Membership.Kind.CUSTOMER, "user0002")).isEmpty();
        assertThat(directory.memberships(Membership.Kind.COMPANY, "comp13")).containsExactlyInAnyOrder(
                Membership.company("comp13", "g18", Permission.RO),
                Membership.company("comp13", "g0", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS));
    }

    @Test
    @DisplayName("Znuny's preferences and login state are Clientele's: UserLastLogin, UserLoginFailed")
    void preferencesAndLoginState() {
        assertThat(directory.preferences("user0003")).containsEntry("UserLanguage", "en");
        // the count as Znuny keeps it; core counts it towards a lock-out only within its window
        assertThat(backend.state().orElseThrow().loginState("user0003").failedLogins()).isEqualTo(2);
        assertThat(directory.loginStatus("user0004").lastLogin()).contains(java.time.Instant.ofEpochSecond(
                1_700_000_004L));
        assertThat(directory.preferences("user0004")).doesNotContainKey("UserLastLogin");
    }

    // ----- logging in ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("every hash type core reads logs in; a wrong password fails; the login is in UserLastLogin")
    void everyHashTypeLogsIn() throws SQLException {
        for (int type = 0; type < ZnunyFixture.HASH_TYPES.length - 1; type++) {
            int n = 700 + type;
            while (ZnunyFixture.validId(n) != 1) {
                n += ZnunyFixture.HASH_TYPES.length;
            }
            String login = ZnunyFixture.login(n);
            assertThat(directory.authenticate(login, "wrong-Pass1".toCharArray()).succeeded())
                    .as("wrong password of %s (%s)", login, ZnunyFixture.HASH_TYPES[n % 7]).isFalse();
            AuthenticationResult ok = directory.authenticate(login.toLowerCase(java.util.Locale.ROOT),
                    ZnunyFixture.PASSWORD.toCharArray());
            assertThat(ok.succeeded()).as("%s (%s)", login, ZnunyFixture.HASH_TYPES[n % 7]).isTrue();
            assertThat(pref(login, "UserLastLogin")).isNotNull();
            assertThat(pref(login, "UserLoginFailed")).isEqualTo("0");
        }
        assertThat(directory.authenticate(ZnunyFixture.login(706), ZnunyFixture.PASSWORD.toCharArray())
                .succeeded()).as("no password set").isFalse();
    }

    // ----- writing ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a created customer is a valid Znuny row: valid_id, create_/change_ by the configured user, pw")
    void createWritesAZnunyRow() throws SQLException {
        directory.createCompany(Company.builder("newco").name("New Co").build());
        directory.createCustomer(Customer.builder("New.Customer").email("new@newco.example").customerId("newco")
                .firstName("New").lastName("Customer").additionalCustomerIds("comp1").build(),
                "Corr3ct-Horse".toCharArray());
        Map<String, Object> row = row("SELECT valid_id, create_by, change_by, pw, create_time, change_time FROM"
                + " customer_user WHERE login = ?", "New.Customer");
        assertThat(row.get("valid_id")).isEqualTo(1);
        assertThat(row.get("create_by")).isEqualTo(1);
        assertThat(row.get("change_by")).isEqualTo(1);
        assertThat((String) row.get("pw")).startsWith("$pbkdf2-sha256$");
        assertThat(row.get("create_time")).isNotNull().isEqualTo(row.get("change_time"));
        assertThat(row("SELECT customer_id FROM customer_user_customer WHERE user_id = ?", "New.Customer")
                .get("customer_id")).isEqualTo("comp1");
        assertThat(directory.authenticate("new.customer", "Corr3ct-Horse".toCharArray()).succeeded()).isTrue();
    }

    @Test
    @DisplayName("update sets change_time and change_by; invalidate writes valid_id 2; a Znuny edit makes a read stale")
    void updateAndOptimisticLocking() throws SQLException {
        Customer before = directory.getCustomer("user0030");
        Customer after = directory.updateCustomer(before.toBuilder().city("Hamburg").build());
        assertThat(row("SELECT city, change_by FROM customer_user WHERE login = ?", "user0030"))
                .containsEntry("city", "Hamburg").containsEntry("change_by", 1);
        assertThat(directory.getCustomer("user0030").version()).isEqualTo(after.version());
        assertThatExceptionOfType(ConcurrentUpdateException.class)
                .isThrownBy(() -> directory.updateCustomer(before.toBuilder().city("Munich").build()));

        // Znuny edits the row behind Clientele's back: the version read before is stale
        Customer read = directory.getCustomer("user0030");
        update("UPDATE customer_user SET city = 'Bremen', change_time = change_time + INTERVAL '1' HOUR"
                + " WHERE login = 'user0030'");
        assertThatExceptionOfType(ConcurrentUpdateException.class)
                .isThrownBy(() -> directory.updateCustomer(read.toBuilder().city("Kiel").build()));
        assertThat(directory.getCustomer("user0030").city()).isEqualTo("Bremen");

        directory.invalidateCustomer("user0030");
        assertThat(row("SELECT valid_id FROM customer_user WHERE login = ?", "user0030")).containsEntry("valid_id", 2);
    }

    @Test
    @DisplayName("writing a link sets ro and rw and leaves move_into, create, note and owner untouched")
    void linkKeepsOtherKeys() throws SQLException {
        directory.link("user0005", "g5", Permission.RW);
        assertThat(keys("USER0005", "g5")).containsEntry("ro", 1).containsEntry("rw", 1).containsEntry("note", 1);
        directory.link("user0005", "g5", Permission.RO);
        assertThat(keys("USER0005", "g5")).containsEntry("ro", 1).containsEntry("rw", 0).containsEntry("note", 1)
                .containsEntry("owner", 1);
        assertThat(directory.groupsOf("user0005")).containsEntry("g5", Permission.RO);
        assertThat(directory.unlink("user0005", "g5")).isTrue();
        assertThat(keys("USER0005", "g5")).containsOnlyKeys("note", "owner");
        assertThatExceptionOfType(BackendRefusedException.class).isThrownBy(() -> directory.putMembership(
                Membership.customer("user0005", "g5", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS)));
    }

    @Test
    @DisplayName("set-password writes the pw column and leaves change_time alone; preferences are rows")
    void passwordAndPreferences() throws SQLException {
        Object changed = row("SELECT change_time FROM customer_user WHERE login = ?", "user0009").get("change_time");
        directory.setPassword("user0009", "N3w-Password".toCharArray());
        assertThat(row("SELECT pw, change_time FROM customer_user WHERE login = ?", "user0009"))
                .containsEntry("change_time", changed);
        assertThat(directory.authenticate("user0009", "N3w-Password".toCharArray()).succeeded()).isTrue();
        directory.setPreference("user0009", "UserTheme", "dark");
        assertThat(pref("user0009", "UserTheme")).isEqualTo("dark");
        directory.createGroup(Group.of("newgroup"));
        assertThat(row("SELECT valid_id, create_by FROM permission_groups WHERE name = ?", "newgroup"))
                .containsEntry("valid_id", 1).containsEntry("create_by", 1);
    }

    @Test
    @DisplayName("keep-crypt-type: set-password writes the pw format of every Znuny CryptType, and it logs in")
    void setPasswordWritesEveryCryptType() throws SQLException {
        Map<CryptType, String> formats = new LinkedHashMap<>();
        formats.put(CryptType.SHA2, "[0-9a-f]{64}");
        formats.put(CryptType.SHA1, "[0-9a-f]{40}");
        formats.put(CryptType.SHA512, "[0-9a-f]{128}");
        formats.put(CryptType.MD5, "\\$1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");
        formats.put(CryptType.APR1, "\\$apr1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");
        formats.put(CryptType.CRYPT, "[./0-9A-Za-z]{13}");
        formats.put(CryptType.BCRYPT, "BCRYPT:9:[A-Za-z0-9]{16}:[./A-Za-z0-9]{31}");
        formats.put(CryptType.PLAIN, "N3w-Password");
        assertThat(formats).as("every type").hasSize(CryptType.values().length);
        int n = 40;
        for (Map.Entry<CryptType, String> f : formats.entrySet()) {
            while (ZnunyFixture.validId(n) != 1) {
                n++;
            }
            String login = ZnunyFixture.login(n++);
            try (CustomerDirectory d = CustomerDirectory.builder().backend(db.backend("keep")).cacheTtl(Duration.ZERO)
                    .passwordStorage("keep", PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, f.getKey())
                            .withBcryptCost(PasswordStorage.MIN_BCRYPT_COST)).build()) {
                d.setPassword(login, "N3w-Password".toCharArray());
                assertThat((String) row("SELECT pw FROM customer_user WHERE login = ?", login).get("pw"))
                        .as("pw of %s as %s", login, f.getKey()).matches(f.getValue());
                assertThat(d.authenticate(login, "wrong-Pass1".toCharArray()).succeeded()).as("wrong, %s", f.getKey())
                        .isFalse();
                assertThat(d.authenticate(login, "N3w-Password".toCharArray()).succeeded()).as("right, %s",
                        f.getKey()).isTrue();
                assertThat((String) row("SELECT pw FROM customer_user WHERE login = ?", login).get("pw"))
                        .as("kept at login, %s", f.getKey()).matches(f.getValue());
            }
        }
    }

    // ----- the policy -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("every customer's effective groups equal Znuny's GroupMemberList (always-group users included)")
    void effectiveGroupsEqualGroupMemberList() throws SQLException {
        List<String> differ = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (int n = 1000; n < 1600; n++) {
                String login = ZnunyFixture.login(n);
                Map<String, Permission> znuny = ZnunyGroupOracle.groupsOf(c, login, Set.of("users"));
                Map<String, Permission> ours = new TreeMap<>(directory.permissions(login).groups());
                if (!znuny.equals(ours)) {
                    differ.add(login + ": Znuny " + znuny + ", Clientele " + ours);
                }
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    @DisplayName("invalid companies grant nothing and are not among the accessible customer IDs")
    void invalidCompaniesNotAccessible() {
        // user0008: customer ID comp8 (invalid-temporarily), additional comp9 (invalid) and comp10
        Customer c = directory.getCustomer("user0008");
        assertThat(c.additionalCustomerIds()).containsExactlyInAnyOrder("comp9", "comp10");
        assertThat(directory.accessibleCustomerIds("user0008")).containsExactly("comp10");
        assertThat(directory.permissions("user0008").groups()).doesNotContainKeys("g13", "g14").containsKey("g15");
    }

    // ----- helpers --------------------------------------------------------------------------------------------------

    private Map<String, Object> row(String sql, String key) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> out = new LinkedHashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        out.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                                v instanceof Number ? Integer.valueOf(((Number) v).intValue()) : v);
                    }
                }
                return out;
            }
        }
    }

    private long count(String sql) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String pref(String login, String key) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT preferences_value FROM"
                + " customer_preferences WHERE user_id = ? AND preferences_key = ?")) {
            ps.setString(1, login);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Map<String, Integer> keys(String login, String group) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT permission_key,"
                + " permission_value FROM group_customer_user WHERE user_id = ? AND group_id = ?")) {
            ps.setString(1, login);
            ps.setInt(2, ZnunyFixture.groupId(group));
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Integer> out = new TreeMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
                return out;
            }
        }
    }

    private void update(String sql) {
        db.execute(sql);
    }
}
