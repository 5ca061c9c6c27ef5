package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.ldap.testing.TestDirectory;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.PasswordVerifier.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Directory groups as a read-only membership source, and the required group for logins, for the three kinds of
 * groups that list their members. Run on each kind of server by a subclass.
 */
abstract class DirectoryGroupsTest {
    static final String PASSWORD = "Corr3ct-Horse-Battery";

    protected abstract TestDirectory server();

    private String people;
    private String groups;

    @BeforeEach
    void seed() {
        String root = server().newSubtree("org");
        people = "ou=people," + root;
        groups = "ou=groups," + root;
        server().add("dn: " + people, "objectClass: organizationalUnit", "ou: people");
        server().add("dn: " + groups, "objectClass: organizationalUnit", "ou: groups");
        for (String login : List.of("alice", "bob", "carol", "dave")) {
            server().add("dn: uid=" + login + "," + people, "objectClass: top", "objectClass: person",
                    "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + login,
                    "cn: " + login, "sn: " + login, "givenName: " + login, "mail: " + login + "@acme.example",
                    "o: acme", "userPassword: " + PASSWORD);
        }
        server().add("dn: cn=acme-support," + groups, "objectClass: groupOfNames", "cn: acme-support",
                "member: uid=alice," + people, "member: uid=bob," + people);
        server().add("dn: cn=acme-readers," + groups, "objectClass: groupOfNames", "cn: acme-readers",
                "member: uid=carol," + people, "member: uid=alice," + people);
        server().add("dn: cn=other," + groups, "objectClass: groupOfNames", "cn: other",
                "member: uid=dave," + people);
        server().add("dn: cn=billing," + groups, "objectClass: groupOfUniqueNames", "cn: billing",
                "uniqueMember: uid=alice," + people);
        server().add("dn: cn=portal," + groups, "objectClass: posixGroup", "cn: portal", "gidNumber: 1000",
                "memberUid: alice", "memberUid: carol");
    }

    private LdapBackend backend(String type, String groupMap, String requiredGroup) {
        Map<String, String> s = server().settings(people);
        s.put("group-base-dn", groups);
        if (type != null) {
            s.put("group-type", type);
        }
        if (groupMap != null) {
            s.put("group-map", groupMap);
        }
        if (requiredGroup != null) {
            s.put("required-group-dn", requiredGroup + "," + groups);
        }
        return LdapBackend.create("corp", s);
    }

    @Test
    @DisplayName("groupOfNames: members get the mapped groups, the strongest permission per group, unmapped ignored")
    void groupOfNames() {
        try (LdapBackend b = backend(null, "cn=acme-support," + groups + " => acme:rw; cn=acme-readers," + groups
                + " => acme:ro; cn=acme-readers," + groups + " => archive:ro", null)) {
            MembershipStore m = b.memberships().orElseThrow();

            assertThat(m.readOnly()).isTrue();
            assertThat(m.linksOf("ALICE", List.of("acme"))).containsExactlyInAnyOrder(
                    Membership.customer("alice", "acme", Permission.RW),
                    Membership.customer("alice", "archive", Permission.RO));
            assertThat(m.linksOf("carol", List.of())).containsExactlyInAnyOrder(
                    Membership.customer("carol", "acme", Permission.RO),
                    Membership.customer("carol", "archive", Permission.RO));
            assertThat(m.linksOf("dave", List.of())).isEmpty();
            assertThat(m.linksOf("nobody", List.of())).isEmpty();
            assertThat(m.linksTo("acme")).containsExactlyInAnyOrder(
                    Membership.customer("alice", "acme", Permission.RW),
                    Membership.customer("bob", "acme", Permission.RW),
                    Membership.customer("carol", "acme", Permission.RO));
        }
    }

    @Test
    @DisplayName("groupOfUniqueNames and posixGroup (memberUid) are read as well")
    void uniqueNamesAndPosix() {
        try (LdapBackend unique = backend("groupOfUniqueNames", "cn=billing," + groups + " => billing:rw", null);
                LdapBackend posix = backend("posixGroup", "cn=portal," + groups + " => portal:ro", null)) {
            assertThat(unique.memberships().orElseThrow().linksOf("alice", List.of()))
                    .containsExactly(Membership.customer("alice", "billing", Permission.RW));
            assertThat(unique.memberships().orElseThrow().linksTo("billing"))
                    .containsExactly(Membership.customer("alice", "billing", Permission.RW));
            assertThat(posix.memberships().orElseThrow().linksOf("carol", List.of()))
                    .containsExactly(Membership.customer("carol", "portal", Permission.RO));
            assertThat(posix.memberships().orElseThrow().linksTo("portal")).extracting(Membership::subject)
                    .containsExactlyInAnyOrder("alice", "carol");
        }
    }

    @Test
    @DisplayName("the membership store refuses writes; without group-map there is none")
    void readOnlyStore() {
        try (LdapBackend b = backend(null, "cn=acme-support," + groups + " => acme:rw", null);
                LdapBackend none = backend(null, null, null)) {
            MembershipStore m = b.memberships().orElseThrow();
            assertThatExceptionOfType(ReadOnlyBackendException.class)
                    .isThrownBy(() -> m.put(Membership.customer("dave", "acme", Permission.RW)));
            assertThatExceptionOfType(ReadOnlyBackendException.class)
                    .isThrownBy(() -> m.remove(Membership.customer("alice", "acme", Permission.RW)));
            assertThat(none.memberships()).isEmpty();
        }
    }

    @Test
    @DisplayName("directory groups and local links add up: permissions are the union of both sources")
    void unionWithLocalLinks() {
        try (LdapBackend corp = backend(null, "cn=acme-support," + groups + " => acme:rw; cn=acme-readers,"
                + groups + " => acme:ro", null);
                CustomerDirectory d = CustomerDirectory.builder().backend(corp).backend(MemoryBackend.create("local"))
                        .customers("corp").groups("local").companies("local").state("local")
                        .memberships("corp", "local")
                        .policy(CustomerGroupPolicy.builder().groupSupport(true).alwaysGroups(Map.of()).build())
                        .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build()) {
            d.createGroup(Group.of("acme"));
            d.createGroup(Group.of("billing"));
            d.link("dave", "billing", Permission.RW);
            d.link("carol", "billing", Permission.RO);

            assertThat(d.hasPermission("alice", "acme", Permission.RW)).isTrue();
            assertThat(d.hasPermission("carol", "acme", Permission.RO)).isTrue();
            assertThat(d.hasPermission("carol", "acme", Permission.RW)).isFalse();
            assertThat(d.hasPermission("carol", "billing", Permission.RO)).isTrue();
            assertThat(d.hasPermission("dave", "billing", Permission.RW)).isTrue();
            assertThat(d.hasPermission("dave", "acme", Permission.RO)).isFalse();
            assertThat(d.customersOf("acme")).containsEntry("alice", Permission.RW).containsEntry("bob", Permission.RW)
                    .containsEntry("carol", Permission.RO);
        }
    }

    @Test
    @DisplayName("with required-group-dn only members log in; others get INVALID even with the right password")
    void requiredGroup() {
        try (LdapBackend b = backend(null, null, "cn=acme-support");
                LdapBackend posix = backend("posixGroup", null, "cn=portal");
                CustomerDirectory d = CustomerDirectory.builder().backend(b).backend(MemoryBackend.create("local"))
                        .customers("corp").state("local")
                        .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build()) {
            assertThat(b.passwordVerifier().orElseThrow().verify("alice", PASSWORD.toCharArray()))
                    .isEqualTo(Verification.VALID);
            assertThat(b.passwordVerifier().orElseThrow().verify("carol", PASSWORD.toCharArray()))
                    .isEqualTo(Verification.INVALID);
            assertThat(d.authenticate("bob", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(d.authenticate("dave", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            assertThat(posix.passwordVerifier().orElseThrow().verify("carol", PASSWORD.toCharArray()))
                    .isEqualTo(Verification.VALID);
            assertThat(posix.passwordVerifier().orElseThrow().verify("bob", PASSWORD.toCharArray()))
                    .isEqualTo(Verification.INVALID);
        }
    }
}
