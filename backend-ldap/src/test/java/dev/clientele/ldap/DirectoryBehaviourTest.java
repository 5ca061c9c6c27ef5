package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.ClienteleException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.Validity;
import dev.clientele.ldap.testing.TestDirectory;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.PasswordVerifier;
import dev.clientele.spi.PasswordVerifier.Verification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the contract does not cover: a read-only directory of existing entries, logins and search terms made of
 * filter syntax, login by bind, duplicate logins, filters from settings. Run on each kind of server by a subclass.
 */
abstract class DirectoryBehaviourTest {
    static final String PASSWORD = "Corr3ct-Horse-Battery";
    /** Logins made of filter and DN syntax, and non-ASCII letters. */
    static final List<String> ODD_LOGINS = List.of("a*b", "x(y)z", "back\\slash", "k=v", "jürgen", "semi;colon",
            "plus+comma,", "#hash");

    protected abstract TestDirectory server();

    protected String base;
    protected LdapBackend ldap;
    protected CustomerStore store;
    protected CustomerDirectory directory;

    @BeforeEach
    void seed() {
        base = server().newSubtree("people");
        person("alice", "Alice", "Archer", "+49 30 111");
        person("bob", "Bob", "Baker", null);
        person("ab", "Ab", "Ab", null);
        for (String login : ODD_LOGINS) {
            person(login, "Odd", "Login " + login, null);
        }
        ldap = LdapBackend.create("corp", server().settings(base));
        store = ldap.customers().orElseThrow();
        directory = CustomerDirectory.builder().backend(ldap).backend(MemoryBackend.create("local"))
                .customers("corp").state("local").groups("local").companies("local").memberships("local")
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .lockout(LockoutPolicy.of(3, Duration.ofMinutes(15), Duration.ofMinutes(10))).build();
    }

    @AfterEach
    void close() {
        directory.close();
        ldap.close();
    }

    /** An inetOrgPerson entry with a password, written as a directory admin would. */
    protected void person(String login, String first, String last, String phone) {
        String dn = "uid=" + com.unboundid.ldap.sdk.Filter.encodeValue(login) + "," + base;
        try {
            com.unboundid.ldap.sdk.Entry e = new com.unboundid.ldap.sdk.Entry(
                    new com.unboundid.ldap.sdk.DN(new com.unboundid.ldap.sdk.RDN("uid", login),
                            new com.unboundid.ldap.sdk.DN(base)));
            e.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
            e.addAttribute("uid", login);
            e.addAttribute("cn", first + " " + last);
            e.addAttribute("givenName", first);
            e.addAttribute("sn", last);
            e.addAttribute("mail", login.replaceAll("[^a-z]", "") + "." + last.length() + "@acme.example");
            e.addAttribute("o", "acme");
            e.addAttribute("userPassword", PASSWORD);
            if (phone != null) {
                e.addAttribute("telephoneNumber", phone);
            }
            server().add(e);
        } catch (com.unboundid.ldap.sdk.LDAPException ex) {
            throw new IllegalStateException(dn, ex);
        }
    }

    private static List<String> logins(List<Customer> customers) {
        return customers.stream().map(Customer::login).collect(Collectors.toList());
    }

    // ----- reading existing entries ------------------------------------------------------------------------

    @Test
    @DisplayName("entries written by others are read with the inetorgperson mapping")
    void readsExistingEntries() {
        Customer alice = directory.getCustomer("ALICE");

        assertThat(alice.login()).isEqualTo("alice");
        assertThat(alice.firstName()).isEqualTo("Alice");
        assertThat(alice.lastName()).isEqualTo("Archer");
        assertThat(alice.customerId()).isEqualTo("acme");
        assertThat(alice.phone()).isEqualTo("+49 30 111");
        assertThat(alice.validity()).isEqualTo(Validity.VALID);
        assertThat(alice.created()).isNotNull();
        assertThat(store.count()).isEqualTo(3 + ODD_LOGINS.size());
    }

    @Test
    @DisplayName("a read-only back-end refuses every write and setting a password")
    void readOnly() {
        assertThat(store.readOnly()).isTrue();
        assertThat(ldap.passwordVerifier().orElseThrow().readOnly()).isTrue();
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> directory.setPassword("alice", "An0ther-Strong-Phrase".toCharArray()));
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> directory.invalidateCustomer("alice"));
        assertThat(directory.getCustomer("alice").isValid()).isTrue();
    }

    // ----- injection ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"*", "a*", "*)(uid=*", "alice)(|(uid=*", "*)(|(objectClass=*", "alice\0", "\0",
            "a\\2a", "(uid=alice)", "alice)", "ALICE*", "=", "ü*"})
    @DisplayName("a login made of filter syntax finds nothing and logs nobody in")
    void loginInjection(String login) {
        assertThat(store.findByLogin(login)).isEmpty();
        assertThat(directory.findCustomer(login)).isEmpty();
        assertThat(directory.authenticate(login, PASSWORD.toCharArray()).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(ldap.passwordVerifier().orElseThrow().verify(login, PASSWORD.toCharArray()))
                .isEqualTo(Verification.UNKNOWN_LOGIN);
    }

    @Test
    @DisplayName("logins with *, (, ), \\, =, ;, +, #, non-ASCII letters are found literally, in any case")
    void oddLoginsFoundLiterally() {
        for (String login : ODD_LOGINS) {
            assertThat(directory.findCustomer(login)).as(login).get().extracting(Customer::login).isEqualTo(login);
            assertThat(directory.findCustomer(login.toUpperCase(java.util.Locale.ROOT))).as(login).isPresent();
            assertThat(directory.authenticate(login, PASSWORD.toCharArray()).outcome()).as(login)
                    .isEqualTo(Outcome.SUCCESS);
        }
        assertThat(directory.findCustomer("a*")).isEmpty();
        assertThat(directory.findCustomer("x(y)")).isEmpty();
    }

    @Test
    @DisplayName("search terms with filter characters match literally and only what they should")
    void searchInjection() {
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("x(y)z").build()).customers())).containsExactly("x(y)z");
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("*)(uid=*").build()).customers())).isEmpty();
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("*)*").build()).customers())).containsExactly("x(y)z");
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("back\\").build()).customers())).containsExactly("back\\slash");
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("*=*").build()).customers())).containsExactly("k=v");
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("JÜR").build()).customers())).containsExactly("jürgen");
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("alice\0").build()).customers())).isEmpty();
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LOGIN)
                .term("#").build()).customers())).containsExactly("#hash");
        assertThat(logins(directory.search(CustomerQuery.builder().fields(CustomerField.LAST_NAME)
                .term("*,").build()).customers())).containsExactly("plus+comma,");
    }

    @Test
    @DisplayName("a search whose first match by the server's rule is refused by Clientele's still fills its limit")
    void searchFillsItsLimitPastAnEntryClienteleRefuses() {
        // aaron's second mail matches bob* for the directory; his email (the first value) does not for Clientele
        server().add("dn: uid=aaron," + base, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: aaron", "cn: Aaron Abel",
                "sn: Abel", "mail: aaron.4@acme.example", "mail: bob.aaron@acme.example");
        person("bobby", "Bobby", "Bowman", null);

        List<Customer> found = store.search(new dev.clientele.spi.CustomerSearch(
                List.of(dev.clientele.spi.SearchTerm.parse("bob*")), java.util.Set.of(CustomerField.EMAIL), false,
                2));

        assertThat(logins(found)).containsExactly("bob", "bobby");
    }

    // ----- login by bind -----------------------------------------------------------------------------------

    @Test
    @DisplayName("login by bind: right password SUCCESS, wrong one BAD_CREDENTIALS, unknown login BAD_CREDENTIALS")
    void loginByBind() {
        assertThat(directory.authenticate("alice", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(directory.authenticate("Alice", PASSWORD.toCharArray()).customer()).get()
                .extracting(Customer::login).isEqualTo("alice");
        assertThat(directory.authenticate("alice", "Wr0ng-Horse-Battery".toCharArray()).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(directory.authenticate("nobody", PASSWORD.toCharArray()).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("an empty password never binds (it would be an unauthenticated bind)")
    void emptyPasswordNeverBinds() {
        PasswordVerifier verifier = ldap.passwordVerifier().orElseThrow();

        assertThat(verifier.verify("alice", new char[0])).isEqualTo(Verification.INVALID);
        assertThat(verifier.verify("alice", null)).isEqualTo(Verification.INVALID);
        assertThat(directory.authenticate("alice", new char[0]).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("lock-out of directory customers is kept in the local state store: 3 failures lock the account")
    void lockoutKeptLocally() {
        for (int i = 0; i < 3; i++) {
            assertThat(directory.authenticate("bob", "Wr0ng-Horse-Battery".toCharArray()).outcome())
                    .isEqualTo(Outcome.BAD_CREDENTIALS);
        }

        // Locked: the caller is told bad credentials (a lock-out must not reveal that the login exists).
        assertThat(directory.authenticate("bob", PASSWORD.toCharArray()).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(directory.backends().get("local").state().orElseThrow().loginState("bob").lockedUntil())
                .isPresent();
        assertThat(directory.authenticate("alice", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("users' binds do not change the identity of the search connections")
    void bindsDoNotChangeSearchIdentity() {
        for (int i = 0; i < 20; i++) {
            assertThat(directory.authenticate(i % 2 == 0 ? "alice" : "bob", PASSWORD.toCharArray()).outcome())
                    .isEqualTo(Outcome.SUCCESS);
            // telephoneNumber is readable by the service account only (on OpenLDAP, by an access rule)
            assertThat(store.findByLogin("alice")).get().extracting(Customer::phone).isEqualTo("+49 30 111");
        }
    }

    // ----- directory data problems and filters -------------------------------------------------------------

    @Test
    @DisplayName("a login held by two entries is an error naming the login and the count, not 'first wins'")
    void duplicateLogin() {
        server().add("dn: ou=more," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: more");
        String saved = base;
        base = "ou=more," + saved;
        person("Alice", "Other", "Alice", null);
        base = saved;

        assertThatExceptionOfType(ClienteleException.class).isThrownBy(() -> store.findByLogin("alice"))
                .withMessageContaining("login 'alice'").withMessageContaining("2 directory entries");
        assertThat(ldap.passwordVerifier().orElseThrow()).satisfies(v -> assertThatExceptionOfType(
                ClienteleException.class).isThrownBy(() -> v.verify("alice", PASSWORD.toCharArray())));
    }

    @Test
    @DisplayName("always-filter hides entries; valid-filter makes the entries it does not match INVALID")
    void alwaysAndValidFilters() {
        Map<String, String> s = server().settings(base);
        s.put("always-filter", "(!(uid=bob))");
        s.put("valid-filter", "(telephoneNumber=*)");
        try (LdapBackend filtered = LdapBackend.create("filtered", s);
                CustomerDirectory d = CustomerDirectory.builder().backend(filtered)
                        .backend(MemoryBackend.create("local")).customers("filtered").state("local").build()) {
            CustomerStore st = filtered.customers().orElseThrow();

            assertThat(st.findByLogin("bob")).isEmpty();
            assertThat(st.findByLogin("alice")).get().extracting(Customer::validity).isEqualTo(Validity.VALID);
            assertThat(st.findByLogin("ab")).get().extracting(Customer::validity).isEqualTo(Validity.INVALID);
            assertThat(logins(d.search(CustomerQuery.builder().text("a*").fields(CustomerField.LOGIN).build())
                    .customers())).containsExactly("alice");
            assertThat(logins(d.search(CustomerQuery.builder().text("a*").fields(CustomerField.LOGIN)
                    .includeInvalid().build()).customers())).containsExactly("a*b", "ab", "alice");
            assertThat(d.authenticate("ab", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.ACCOUNT_INVALID);
        }
    }

    @Test
    @DisplayName("a fixed customer-id is every customer's, and findByCustomerId finds them all by it")
    void fixedCustomerId() {
        Map<String, String> s = server().settings(base);
        s.put("customer-id", "ACME-CORP");
        try (LdapBackend fixed = LdapBackend.create("fixed", s)) {
            CustomerStore st = fixed.customers().orElseThrow();

            assertThat(st.findByLogin("alice")).get().extracting(Customer::customerId).isEqualTo("ACME-CORP");
            assertThat(st.findByCustomerId("acme-corp", 2)).extracting(Customer::login).containsExactly("#hash", "a*b");
            assertThat(st.findByCustomerId("acme", 10)).isEmpty();
        }
    }
}
