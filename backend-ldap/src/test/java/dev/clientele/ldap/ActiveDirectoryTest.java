package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.Validity;
import dev.clientele.ldap.testing.ActiveDirectoryInChain;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.PasswordVerifier.Verification;
import dev.clientele.spi.SearchTerm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The active-directory preset against Active Directory-shaped entries on the in-memory server (no schema), whose
 * in-chain matching rule is answered by {@link ActiveDirectoryInChain} as Active Directory would: Alice is in
 * Team-A, which is in Support; Bob is in Other; Dave is disabled (userAccountControl 514).
 */
@DisplayName("Active Directory: sAMAccountName, userAccountControl, memberOf and nested groups")
class ActiveDirectoryTest {
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final ActiveDirectoryInChain IN_CHAIN = new ActiveDirectoryInChain();
    private static InMemoryTestDirectory server;

    private String users;
    private String groups;

    @BeforeAll
    static void start() {
        server = InMemoryTestDirectory.start(0, InMemoryTestDirectory.noSchema()
                .andThen(InMemoryTestDirectory.intercept(IN_CHAIN)));
        IN_CHAIN.serve(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void seed() {
        IN_CHAIN.inChainFilters().clear();
        String root = server.newSubtree("ad");
        users = "OU=Users," + root;
        groups = "OU=Groups," + root;
        server.add("dn: " + users, "objectClass: organizationalUnit", "ou: Users");
        server.add("dn: " + groups, "objectClass: organizationalUnit", "ou: Groups");
        user("Alice Archer", "alice", 512, "CN=Team-A," + groups);
        user("Bob Baker", "bob", 512, "CN=Other," + groups);
        user("Dave Doe", "dave", 514, "CN=Team-A," + groups);
        server.add("dn: CN=Support," + groups, "objectClass: top", "objectClass: group", "cn: Support",
                "sAMAccountName: support", "member: CN=Team-A," + groups);
        server.add("dn: CN=Team-A," + groups, "objectClass: top", "objectClass: group", "cn: Team-A",
                "sAMAccountName: team-a", "member: CN=Alice Archer," + users, "member: CN=Dave Doe," + users,
                "memberOf: CN=Support," + groups);
        server.add("dn: CN=Other," + groups, "objectClass: top", "objectClass: group", "cn: Other",
                "sAMAccountName: other", "member: CN=Bob Baker," + users);
    }

    private void user(String cn, String login, int uac, String memberOf) {
        server.add("dn: CN=" + cn + "," + users, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: user", "objectCategory: person", "cn: " + cn,
                "sAMAccountName: " + login, "userPrincipalName: " + login + "@corp.example",
                "givenName: " + cn.split(" ")[0], "sn: " + cn.split(" ")[1], "mail: " + login + "@corp.example",
                "company: ACME", "userAccountControl: " + uac, "memberOf: " + memberOf, "userPassword: " + PASSWORD);
    }

    private LdapBackend backend(Map<String, String> extra) {
        Map<String, String> s = server.settings(users.substring(users.indexOf(',') + 1));
        s.put("preset", "active-directory");
        s.put("group-base-dn", groups);
        s.putAll(extra);
        return LdapBackend.create("ad", s);
    }

    @Test
    @DisplayName("customers come from user objects by sAMAccountName; groups are not customers; disabled is INVALID")
    void mapping() {
        try (LdapBackend b = backend(Map.of())) {
            CustomerStore store = b.customers().orElseThrow();

            Customer alice = store.findByLogin("ALICE").orElseThrow();
            assertThat(alice.login()).isEqualTo("alice");
            assertThat(alice.customerId()).isEqualTo("ACME");
            assertThat(alice.email()).isEqualTo("alice@corp.example");
            assertThat(alice.validity()).isEqualTo(Validity.VALID);
            assertThat(store.findByLogin("dave")).get().extracting(Customer::validity).isEqualTo(Validity.INVALID);
            assertThat(store.findByLogin("team-a")).isEmpty();
            assertThat(store.search(new CustomerSearch(List.of(SearchTerm.parse("*")), Set.of(CustomerField.LOGIN),
                    true, 10))).extracting(Customer::login).containsExactly("alice", "bob");
            assertThat(store.count()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("login-attribute userPrincipalName logs in with the UPN")
    void userPrincipalName() {
        try (LdapBackend b = backend(Map.of("login-attribute", "userPrincipalName"))) {
            assertThat(b.passwordVerifier().orElseThrow().verify("Alice@Corp.Example", PASSWORD.toCharArray()))
                    .isEqualTo(Verification.VALID);
        }
    }

    @Test
    @DisplayName("memberOf without nesting: the user's own memberOf values, no in-chain search")
    void directMemberOf() {
        try (LdapBackend b = backend(Map.of("group-map", "CN=Team-A," + groups + " => acme:rw; CN=Support,"
                + groups + " => support:ro"))) {
            assertThat(b.memberships().orElseThrow().linksOf("alice", List.of()))
                    .containsExactly(Membership.customer("alice", "acme", Permission.RW));
            assertThat(b.memberships().orElseThrow().linksOf("bob", List.of())).isEmpty();
            assertThat(IN_CHAIN.inChainFilters()).isEmpty();
        }
    }

    @Test
    @DisplayName("nested groups: one in-chain search on member finds Team-A and, through it, Support")
    void nestedGroupsOfAUser() {
        try (LdapBackend b = backend(Map.of("nested-groups", "true", "group-map", "CN=Team-A," + groups
                + " => acme:rw; CN=Support," + groups + " => support:ro"))) {
            assertThat(b.memberships().orElseThrow().linksOf("alice", List.of())).containsExactlyInAnyOrder(
                    Membership.customer("alice", "acme", Permission.RW),
                    Membership.customer("alice", "support", Permission.RO));
            assertThat(b.memberships().orElseThrow().linksOf("bob", List.of())).isEmpty();

            assertThat(IN_CHAIN.inChainFilters()).first().isEqualTo("(&(objectClass=group)(member:"
                    + ActiveDirectoryInChain.IN_CHAIN + ":=CN=Alice Archer," + users + "))");
        }
    }

    @Test
    @DisplayName("nested groups: the members of Support are found with one in-chain search on memberOf")
    void nestedMembersOfAGroup() {
        try (LdapBackend b = backend(Map.of("nested-groups", "true", "group-map", "CN=Support," + groups
                + " => support:ro"))) {
            assertThat(b.memberships().orElseThrow().linksTo("support")).extracting(Membership::subject)
                    .containsExactlyInAnyOrder("alice", "dave");

            assertThat(IN_CHAIN.inChainFilters()).singleElement().asString()
                    .contains("(memberOf:" + ActiveDirectoryInChain.IN_CHAIN + ":=CN=Support," + groups + ")")
                    .contains("(objectCategory=person)");
        }
    }

    @Test
    @DisplayName("a required group reached through nesting lets Alice in and keeps Bob out")
    void requiredNestedGroup() {
        try (LdapBackend b = backend(Map.of("nested-groups", "true", "required-group-dn", "CN=Support," + groups))) {
            PasswordVerifier v = b.passwordVerifier().orElseThrow();

            assertThat(v.verify("alice", PASSWORD.toCharArray())).isEqualTo(Verification.VALID);
            assertThat(v.verify("bob", PASSWORD.toCharArray())).isEqualTo(Verification.INVALID);
            assertThat(IN_CHAIN.inChainFilters()).contains("(memberOf:" + ActiveDirectoryInChain.IN_CHAIN
                    + ":=CN=Support," + groups + ")");
        }
    }

    @Test
    @DisplayName("writable: new user objects, invalidation as the disabled flag, passwords in unicodePwd")
    void writes() throws Exception {
        // Active Directory sets objectCategory on new objects; the in-memory server does not, so match by class
        try (LdapBackend b = backend(Map.of("writable", "true", "always-filter", "(objectClass=user)"))) {
            CustomerStore store = b.customers().orElseThrow();
            Customer erin = Customer.builder("erin").email("erin@corp.example").customerId("ACME").firstName("Erin")
                    .lastName("Eve").country("Germany").build();

            store.insert(erin, true);
            String dn = "cn=erin," + users.substring(users.indexOf(',') + 1);
            Entry stored = server.server().getEntry(dn);
            assertThat(stored.getObjectClassValues()).contains("user");
            assertThat(stored.getAttributeValue("sAMAccountName")).isEqualTo("erin");
            assertThat(stored.getAttributeValue("co")).isEqualTo("Germany");
            assertThat(stored.getAttributeValueAsInteger("userAccountControl")).isEqualTo(512);

            store.update(store.findByLogin("erin").orElseThrow().toBuilder().validity(Validity.INVALID).build(), 0,
                    true);
            assertThat(server.server().getEntry(dn).getAttributeValueAsInteger("userAccountControl")).isEqualTo(514);
            assertThat(store.findByLogin("erin")).get().extracting(Customer::validity).isEqualTo(Validity.INVALID);

            b.passwordVerifier().orElseThrow().setPassword("erin", "N3w-Pass".toCharArray());
            assertThat(server.server().getEntry(dn).getAttribute("unicodePwd").getValueByteArray())
                    .isEqualTo("\"N3w-Pass\"".getBytes(StandardCharsets.UTF_16LE));
        }
    }
}
