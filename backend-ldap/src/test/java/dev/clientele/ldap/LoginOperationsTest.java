package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import dev.clientele.AuthenticationResult;
import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.ldap.testing.TestDirectory;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.PasswordVerifier.Verification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The LDAP operations one {@code directory.authenticate} sends, counted by the in-memory server: core locates the
 * customer with one search, and the verifier binds once as the entry it located, on a connection that never searches.
 */
@DisplayName("LDAP login operations")
class LoginOperationsTest {
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final Operations OPERATIONS = new Operations();
    private static InMemoryTestDirectory server;

    private LdapBackend ldap;
    private CustomerDirectory directory;
    private String userDn;

    /** Every search and simple bind the server received, with the connection it came on. */
    static final class Operations extends InMemoryOperationInterceptor {
        final List<Long> searches = new CopyOnWriteArrayList<>();
        final List<Long> binds = new CopyOnWriteArrayList<>();
        final List<String> bindDns = new CopyOnWriteArrayList<>();

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            searches.add(request.getConnectionID());
        }

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
            binds.add(request.getConnectionID());
            bindDns.add(request.getRequest().getBindDN());
        }

        void clear() {
            searches.clear();
            binds.clear();
            bindDns.clear();
        }
    }

    @BeforeAll
    static void start() {
        server = InMemoryTestDirectory.start(0, InMemoryTestDirectory.intercept(OPERATIONS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void open() {
        String base = server.newSubtree("people");
        userDn = "uid=jdoe," + base;
        server.add("dn: " + userDn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: jdoe", "cn: John Doe", "sn: Doe", "mail: jdoe@acme.example",
                "userPassword: " + PASSWORD);
        Map<String, String> s = server.settings(base);
        // No background health check may add a search while the operations are counted.
        s.put("health-check-interval", "1h");
        ldap = LdapBackend.create("corp", s);
        directory = CustomerDirectory.builder().backend(ldap).backend(MemoryBackend.create("local"))
                .customers("corp").state("local").groups("local").companies("local").memberships("local")
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        OPERATIONS.clear();
    }

    @AfterEach
    void close() {
        directory.close();
        ldap.close();
    }

    @Test
    @DisplayName("a login with the right password is one search and one bind, as the located entry")
    void rightPassword() {
        AuthenticationResult result = directory.authenticate("jdoe", PASSWORD.toCharArray());

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(OPERATIONS.searches).as("searches").hasSize(1);
        assertThat(OPERATIONS.binds).as("binds").hasSize(1);
        assertThat(OPERATIONS.bindDns).containsExactly(userDn);
    }

    @Test
    @DisplayName("a login with a wrong password is one search and one bind")
    void wrongPassword() {
        AuthenticationResult result = directory.authenticate("jdoe", "Wrong-Horse-Battery".toCharArray());

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(OPERATIONS.searches).as("searches").hasSize(1);
        assertThat(OPERATIONS.binds).as("binds").hasSize(1);
        assertThat(OPERATIONS.bindDns).containsExactly(userDn);
    }

    @Test
    @DisplayName("users' binds never run on a connection that searches, and a refused bind's connection is not used again")
    void bindConnectionsApart() {
        directory.authenticate("jdoe", "Wrong-Horse-Battery".toCharArray());
        long refused = OPERATIONS.binds.get(0);
        directory.authenticate("jdoe", PASSWORD.toCharArray());
        directory.authenticate("jdoe", PASSWORD.toCharArray());
        directory.findCustomer("jdoe");

        assertThat(OPERATIONS.binds).hasSize(3);
        assertThat(OPERATIONS.binds.subList(1, 3)).doesNotContain(refused);
        assertThat(OPERATIONS.searches).hasSizeGreaterThanOrEqualTo(3).doesNotContainAnyElementsOf(OPERATIONS.binds);
        assertThat(OPERATIONS.bindDns).containsOnly(userDn).doesNotContain(TestDirectory.ADMIN_DN);
    }

    @Test
    @DisplayName("a permission check with the cache off is two searches: the customer's entry (found once for the"
            + " lookup and the groups), then its directory groups")
    void permissionCheck() {
        String groups = server.newSubtree("groups");
        server.add("dn: cn=support," + groups, "objectClass: top", "objectClass: groupOfNames", "cn: support",
                "member: " + userDn);
        Map<String, String> s = server.settings(userDn.substring(userDn.indexOf(',') + 1));
        s.put("health-check-interval", "1h");
        s.put("group-base-dn", groups);
        s.put("group-type", "groupOfNames");
        s.put("group-map", "cn=support," + groups + " => support:rw");
        try (LdapBackend grouped = LdapBackend.create("grouped", s);
                CustomerDirectory d = CustomerDirectory.builder().backend(grouped)
                        .backend(MemoryBackend.create("local")).customers("grouped").groups("local")
                        .companies("local").state("local").memberships("grouped")
                        .cacheTtl(java.time.Duration.ZERO).build()) {
            d.createGroup(dev.clientele.Group.of("support"));
            OPERATIONS.clear();
            assertThat(d.hasPermission("jdoe", "support", dev.clientele.Permission.RW)).isTrue();
            assertThat(OPERATIONS.searches).as("searches: the customer, its groups").hasSize(2);
            OPERATIONS.clear();
            assertThat(d.permissions("jdoe").groups()).containsOnlyKeys("support");
            assertThat(OPERATIONS.searches).as("searches: the customer, its groups").hasSize(2);
        }
    }

    @Test
    @DisplayName("a customer the store did not hand out is verified by login: one search, then one bind")
    void customerFromElsewhere() {
        PasswordVerifier verifier = ldap.passwordVerifier().orElseThrow();

        assertThat(verifier.verify(Customer.builder("jdoe").build(), PASSWORD.toCharArray()))
                .isEqualTo(Verification.VALID);
        assertThat(OPERATIONS.searches).as("searches").hasSize(1);
        assertThat(OPERATIONS.binds).as("binds").hasSize(1);
        assertThat(verifier.verify(Customer.builder("nobody").build(), PASSWORD.toCharArray()))
                .isEqualTo(Verification.UNKNOWN_LOGIN);
    }

    @Test
    @DisplayName("with required-group-dn, a member logs in with one group search more, and a non-member is never bound")
    void requiredGroup() {
        String groups = server.newSubtree("groups");
        String group = "cn=portal," + groups;
        server.add("dn: " + group, "objectClass: top", "objectClass: groupOfNames", "cn: portal",
                "member: " + TestDirectory.ADMIN_DN);
        Map<String, String> s = server.settings(userDn.substring(userDn.indexOf(',') + 1));
        s.put("health-check-interval", "1h");
        s.put("required-group-dn", group);
        try (LdapBackend guarded = LdapBackend.create("guarded", s);
                CustomerDirectory d = CustomerDirectory.builder().backend(guarded).build()) {
            OPERATIONS.clear();
            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            assertThat(OPERATIONS.searches).as("searches: the customer, the group").hasSize(2);
            assertThat(OPERATIONS.binds).as("binds").isEmpty();

            try (com.unboundid.ldap.sdk.LDAPConnection admin = server.admin()) {
                admin.modify(group, new com.unboundid.ldap.sdk.Modification(
                        com.unboundid.ldap.sdk.ModificationType.ADD, "member", userDn));
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                throw new IllegalStateException(e);
            }
            OPERATIONS.clear();
            assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(OPERATIONS.searches).as("searches: the customer, the group").hasSize(2);
            assertThat(OPERATIONS.binds).as("binds").hasSize(1);
        }
    }
}
