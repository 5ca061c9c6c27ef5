package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.Validity;
import dev.clientele.password.Pbkdf2PasswordHasher;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture files: the format, every kind of error with its line, and nothing written on an error found early. */
class FixturesTest {

    private final MemoryBackend backend = MemoryBackend.create("test");
    private final CustomerDirectory directory = CustomerDirectory.builder().backend(backend)
            .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();

    @AfterEach
    void close() {
        directory.close();
    }

    private FixtureException failing(String text) {
        return org.junit.jupiter.api.Assertions.assertThrows(FixtureException.class,
                () -> Fixtures.load(directory, new StringReader(text), "test.fixture"));
    }

    private void assertNothingWritten() {
        assertThat(backend.customers().orElseThrow().count()).isZero();
        assertThat(backend.groups().orElseThrow().list()).isEmpty();
        assertThat(backend.companies().orElseThrow().list()).isEmpty();
        assertThat(backend.memberships().orElseThrow().linksTo("support")).isEmpty();
    }

    @Test
    @DisplayName("a fixture loads groups, companies, customers, links and passwords through the directory, reporting"
            + " the counts")
    void loadsEveryKindOfBlockThroughTheDirectory() {
        FixtureReport report = Fixtures.loadResource(directory, "fixtures/customers.fixture");

        assertThat(report).isEqualTo(new FixtureReport(3, 1, 2, 4));
        assertThat(directory.groups()).extracting(Group::name).containsExactly("archive", "billing", "support");
        assertThat(directory.findGroup("archive").orElseThrow().validity()).isEqualTo(Validity.INVALID);
        assertThat(directory.findGroup("support").orElseThrow().comment()).isEqualTo("First-level support queue");

        Company acme = directory.findCompany("acme").orElseThrow();
        assertThat(acme.name()).isEqualTo("ACME Inc.");
        assertThat(acme.url()).isEqualTo("https://acme.example");
        assertThat(directory.companiesOf("support")).containsExactly(entry("acme", Permission.RW));
        assertThat(directory.companiesOf("billing")).containsExactly(entry("acme", Permission.RO));

        Customer jdoe = directory.getCustomer("jdoe");
        assertThat(jdoe.email()).isEqualTo("jdoe@acme.example");
        assertThat(jdoe.title()).isEqualTo("Dr.");
        assertThat(jdoe.phone()).isEqualTo("+1 555 0100");
        assertThat(jdoe.additionalCustomerIds()).containsExactly("acme-eu", "acme-us");
        assertThat(jdoe.attributes()).containsExactly(entry("department", "Engineering"));
        assertThat(jdoe.version()).isEqualTo(1);
        assertThat(directory.groupsOf("jdoe")).containsOnly(entry("support", Permission.RW),
                entry("billing", Permission.RO));
        assertThat(directory.authenticate("jdoe", "Corr3ct-Horse-Battery".toCharArray()).succeeded()).isTrue();
        assertThat(backend.credentials().orElseThrow().passwordHash("jdoe").orElseThrow())
                .doesNotContain("Corr3ct"); // hashed by core

        Customer old = directory.getCustomer("old.timer");
        assertThat(old.firstName()).isEqualTo("Old");
        assertThat(old.lastName()).isEqualTo("Timer");
        assertThat(old.validity()).isEqualTo(Validity.INVALID);
        assertThat(backend.credentials().orElseThrow().passwordHash("old.timer")).isEmpty();
    }

    @Test
    @DisplayName("a fixture file loads from a path as UTF-8, skipping a byte order mark")
    void loadsAFileFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.fixture");
        Files.writeString(file, "\uFEFFgroup support\n\ngroup sales\ncomment: Sälés\n", StandardCharsets.UTF_8);

        assertThat(Fixtures.load(directory, file)).isEqualTo(new FixtureReport(2, 0, 0, 0));
        assertThat(directory.findGroup("sales").orElseThrow().comment()).isEqualTo("Sälés");
    }

    @Test
    @DisplayName("a missing file or class-path resource is a FixtureException naming it")
    void aMissingFileOrResourceIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.fixture");
        assertThatExceptionOfType(FixtureException.class).isThrownBy(() -> Fixtures.load(directory, missing))
                .withMessage(missing + ": file not found")
                .satisfies(e -> assertThat(e.line()).isZero());
        assertThatExceptionOfType(FixtureException.class)
                .isThrownBy(() -> Fixtures.loadResource(directory, "/fixtures/none.fixture"))
                .withMessage("/fixtures/none.fixture: not found on the class path");
    }

    @Test
    @DisplayName("a parse error names the file, line and key, and nothing is written")
    void aParseErrorNamesFileLineAndKeyAndNothingIsWritten() {
        assertThatExceptionOfType(FixtureException.class)
                .isThrownBy(() -> Fixtures.loadResource(directory, "fixtures/broken.fixture"))
                .withMessageStartingWith("fixtures/broken.fixture:5: key 'emial': is not a key of a customer block")
                .satisfies(e -> {
                    assertThat(e.source()).isEqualTo("fixtures/broken.fixture");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.key()).isEqualTo("emial");
                });
        assertNothingWritten();
    }

    @Test
    @DisplayName("an unknown block kind is reported once at its header line, and nothing is written")
    void anUnknownBlockKind() {
        FixtureException e = failing("group support\n\ncustmer jdoe\nemail: x@y.example\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isNull();
        assertThat(e.problems()).hasSize(1); // the lines of the broken block are not reported again
        assertThat(e.getMessage()).startsWith("test.fixture:3: expected a block header");
        assertNothingWritten();
    }

    @Test
    @DisplayName("a block header without its login is reported at its line")
    void aHeaderWithoutItsKey() {
        FixtureException e = failing("# comment\ncustomer\nemail: x@y.example\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("'customer' needs its login on the same line");
    }

    @Test
    @DisplayName("key-value lines without a block header before them are reported at their line")
    void keyValueLinesWithoutAHeader() {
        FixtureException e = failing("group support\n\nemail: x@y.example\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("must follow a block header");
    }

    @Test
    @DisplayName("a line that is not 'key: value' is reported, quoting it")
    void aLineThatIsNoKeyValue() {
        FixtureException e = failing("group support\ncomment First level\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("expected 'key: value', found 'comment First level'");
    }

    @Test
    @DisplayName("a key given twice in a block, even spelled differently, is reported at the second line, naming the"
            + " first")
    void aKeyGivenTwiceEvenSpelledDifferently() {
        FixtureException e = failing("customer jdoe\nfirstName: John\nfirst-name: Johnny\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("first-name");
        assertThat(e.getMessage()).contains("first at line 2");
    }

    @Test
    @DisplayName("login is not a key of a customer block; the message lists the keys")
    void loginIsNotAKeyOfACustomerBlock() {
        FixtureException e = failing("customer jdoe\nlogin: jdoe\n");
        assertThat(e.key()).isEqualTo("login");
        assertThat(e.getMessage()).contains("keys are: email, customerId");
    }

    @Test
    @DisplayName("a validity other than valid, invalid or invalid-temporarily is reported at its line and key")
    void aBadValidity() {
        FixtureException e = failing("group support\ncomment: x\nvalidity: sometimes\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("validity");
        assertThat(e.getMessage()).contains("must be valid, invalid or invalid-temporarily, was 'sometimes'");
    }

    @Test
    @DisplayName("a bad permission, a link without permission and a group listed twice are each reported on the groups"
            + " line")
    void badGroupLinks() {
        FixtureException e = failing("group support\n\ncompany acme\nname: ACME\ngroups: support:rx, sales,"
                + " support:ro, support:rw\n");
        assertThat(e.problems()).extracting(FixtureException.Problem::line).containsOnly(5);
        assertThat(e.problems()).extracting(FixtureException.Problem::key).containsOnly("groups");
        assertThat(e.problems()).extracting(FixtureException.Problem::message).containsExactly(
                "'support:rx': permission must be 'ro' or 'rw', not 'rx'",
                "'sales' must be 'group:rw' or 'group:ro'",
                "group 'support' is listed twice");
    }

    @Test
    @DisplayName("a block defined twice, in any case, is reported at the second, naming the first line")
    void aBlockDefinedTwice() {
        FixtureException e = failing("group support\n\ngroup Support\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("group 'Support' is defined twice (first at line 1)");
    }

    @Test
    @DisplayName("every problem of a fixture is reported at once, in line order, and nothing is written")
    void everyProblemIsReportedAtOnceInLineOrder() {
        FixtureException e = failing("group support\nvalidity: never\ncolour: red\n\ncustomer jdoe\nemial: x\n\n"
                + "widget w\n");
        assertThat(e.problems()).extracting(FixtureException.Problem::line).containsExactly(2, 3, 6, 8);
        assertThat(e.getMessage()).startsWith("4 problems in fixture test.fixture:")
                .contains("\n  - test.fixture:2: key 'validity': ")
                .contains("\n  - test.fixture:8: expected a block header");
        assertNothingWritten();
    }

    @Test
    @DisplayName("a link to a group neither in the fixture nor in the directory is found before anything is written")
    void aLinkToAGroupThatExistsNowhereIsFoundBeforeWriting() {
        FixtureException e = failing("group support\n\ncustomer jdoe\nemail: jdoe@acme.example\ncustomerId: acme\n"
                + "firstName: John\nlastName: Doe\ngroups: support:rw, sales:ro\n");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.key()).isEqualTo("groups");
        assertThat(e.getMessage()).contains("group 'sales' is neither defined in the fixture nor in the directory");
        assertNothingWritten();
    }

    @Test
    @DisplayName("a link to a group that exists only in the directory is accepted, in any case")
    void aLinkToAGroupOfTheDirectoryIsFine() {
        directory.createGroup(Group.of("sales"));
        Fixtures.load(directory, new StringReader("customer jdoe\nemail: jdoe@acme.example\ncustomerId: acme\n"
                + "firstName: John\nlastName: Doe\ngroups: SALES:ro\n"), "test.fixture");
        assertThat(directory.groupsOf("jdoe")).containsOnly(entry("sales", Permission.RO));
    }

    @Test
    @DisplayName("groups and customers that exist already in the directory are reported before anything is written")
    void whatExistsAlreadyInTheDirectoryIsFoundBeforeWriting() {
        directory.createGroup(Group.of("support"));
        directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                .firstName("John").lastName("Doe").build());

        FixtureException e = failing("group billing\n\ngroup SUPPORT\n\ncustomer JDoe\nemail: j@acme.example\n");
        assertThat(e.problems()).extracting(FixtureException.Problem::line).containsExactly(3, 5);
        assertThat(e.getMessage()).contains("group 'SUPPORT' exists already in the directory")
                .contains("customer 'JDoe' exists already in the directory");
        assertThat(directory.findGroup("billing")).isEmpty();
    }

    @Test
    @DisplayName("a customer that core's validation rejects is reported at the bad key's line, or at the header for a"
            + " missing field")
    void aRejectionByCoreValidationPointsAtTheKeysLine() {
        FixtureException e = failing("group support\n\ncustomer jdoe\ncustomerId: acme\nemail: not-an-email\n"
                + "firstName: John\n");
        // email is bad (line 5); lastName is missing: reported at the block's header (line 3)
        assertThat(e.problems()).extracting(FixtureException.Problem::line).containsExactly(3, 5);
        assertThat(e.problems()).extracting(FixtureException.Problem::key).containsExactly(null, "email");
        assertThat(e.getMessage()).contains("customer 'jdoe' rejected: lastName is required")
                .contains("test.fixture:5: key 'email': customer 'jdoe' rejected: email is not a valid email address");
        assertThat(e.getCause()).isInstanceOf(dev.clientele.CustomerValidationException.class);
        // groups come first and stay: loading stops at the rejected block
        assertThat(directory.findGroup("support")).isPresent();
        assertThat(directory.findCustomer("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("a password the policy refuses is reported at the password line and never shown")
    void aWeakPasswordPointsAtThePasswordLineAndIsNeverShown() {
        FixtureException e = failing("customer jdoe\nemail: jdoe@acme.example\ncustomerId: acme\nfirstName: John\n"
                + "lastName: Doe\npassword: abc\n");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.key()).isEqualTo("password");
        assertThat(e.getMessage()).doesNotContain("abc");
    }
}
