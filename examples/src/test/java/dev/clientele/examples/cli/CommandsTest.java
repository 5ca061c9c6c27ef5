package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The clientele commands, in process over one in-memory back-end")
class CommandsTest {
    private InProcess cli;

    @BeforeEach
    void seed() {
        cli = new InProcess();
        ok(cli.run("group", "add", "support", "--comment", "First-level support"));
        ok(cli.run("group", "add", "billing"));
        ok(cli.run("company", "add", "acme", "--name", "Acme Inc.", "--city", "Berlin"));
        ok(cli.runWithInput("Corr3ct-Horse\n", "customer", "add", "jdoe", "--email", "jdoe@acme.example",
                "--customer-id", "acme", "--first-name", "John", "--last-name", "Doe", "--password-stdin"));
    }

    private static InProcess.Result ok(InProcess.Result r) {
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
        return r;
    }

    @Test
    @DisplayName("customer add, show, search and update")
    void customers() {
        assertThat(ok(cli.run("customer", "show", "JDOE")).out()).contains("login:", "jdoe", "email:",
                "jdoe@acme.example", "groups (stored links): (none)");
        assertThat(ok(cli.run("customer", "search", "doe")).out()).contains("LOGIN", "jdoe", "John Doe", "1 customer.");
        ok(cli.run("customer", "update", "jdoe", "--city", "Springfield", "--attribute", "department=IT"));
        assertThat(ok(cli.run("customer", "show", "jdoe", "--json")).out())
                .contains("\"city\": \"Springfield\"", "\"department\": \"IT\"", "\"version\": 2");
        assertThat(ok(cli.run("customer", "search", "nobody")).out()).contains("no customer found.");
    }

    @Test
    @DisplayName("link, permissions, --explain and --require")
    void linksAndPermissions() {
        ok(cli.run("link", "customer", "jdoe", "support", "rw"));
        ok(cli.run("link", "company", "acme", "billing", "ro"));
        String perms = ok(cli.run("permissions", "jdoe")).out();
        assertThat(perms).contains("support", "rw", "billing", "ro", "tickets of customer IDs: acme");
        String explained = ok(cli.run("permissions", "jdoe", "billing", "--explain")).out();
        assertThat(explained).contains("jdoe on billing: ro", "company-link -> ro");
        assertThat(cli.run("permissions", "jdoe", "billing", "--require", "rw").code()).isEqualTo(Exit.REFUSED);
        assertThat(cli.run("permissions", "jdoe", "support", "--require", "rw").code()).isEqualTo(Exit.OK);
        assertThat(ok(cli.run("group", "show", "support")).out()).contains("customers: jdoe:rw");
        assertThat(ok(cli.run("company", "show", "acme")).out()).contains("customers: jdoe", "billing:ro");
        assertThat(ok(cli.run("unlink", "customer", "jdoe", "support")).out()).contains("unlinked");
        assertThat(ok(cli.run("permissions", "jdoe", "support")).out()).contains("jdoe on support: none");
    }

    @Test
    @DisplayName("login says success or the reason class; exit 4 when refused")
    void login() {
        InProcess.Result good = cli.runWithInput("Corr3ct-Horse\n", "login", "jdoe", "--password-stdin");
        assertThat(good.code()).isZero();
        assertThat(good.out()).contains("login succeeded: John Doe (jdoe)");
        InProcess.Result bad = cli.runWithInput("wrong\n", "login", "jdoe", "--password-stdin", "--json");
        assertThat(bad.code()).isEqualTo(Exit.REFUSED);
        assertThat(bad.out()).contains("\"outcome\": \"bad-credentials\"");
        InProcess.Result noTerminal = cli.run("login", "jdoe");
        assertThat(noTerminal.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(noTerminal.err()).contains("--password-stdin");
    }

    @Test
    @DisplayName("bad input: exit 1 and every bad field named on stderr")
    void userErrors() {
        InProcess.Result missing = cli.run("customer", "add", "jane", "--email", "not-an-email");
        assertThat(missing.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(missing.err()).contains("invalid customer", "email:", "customerId: is required",
                "firstName: is required", "lastName: is required");
        assertThat(missing.out()).isEmpty();

        InProcess.Result duplicate = cli.run("customer", "add", "JDOE", "--email", "other@acme.example",
                "--customer-id", "acme", "--first-name", "J", "--last-name", "D");
        assertThat(duplicate.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(duplicate.err()).contains("login", "exists already");

        InProcess.Result noGroup = cli.run("permissions", "jdoe", "nosuchgroup");
        assertThat(noGroup.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(noGroup.err()).contains("no group 'nosuchgroup'");

        InProcess.Result unknownGroup = cli.run("link", "customer", "jdoe", "nosuchgroup", "rw");
        assertThat(unknownGroup.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(unknownGroup.err()).contains("no group 'nosuchgroup'");

        InProcess.Result badPermission = cli.run("link", "customer", "jdoe", "support", "admin");
        assertThat(badPermission.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(badPermission.err()).contains("'ro' or 'rw'").contains("--help");

        InProcess.Result unknownCustomer = cli.run("customer", "show", "nobody", "--json");
        assertThat(unknownCustomer.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(unknownCustomer.err()).contains("\"error\": \"not-found\"", "no customer 'nobody'");
        assertThat(unknownCustomer.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("invalidate, then erase (which needs --yes)")
    void invalidateAndErase() {
        assertThat(ok(cli.run("customer", "invalidate", "jdoe")).out()).contains("invalidated");
        assertThat(ok(cli.run("permissions", "jdoe")).out()).contains("invalid customer");
        assertThat(cli.run("customer", "erase", "jdoe").code()).isEqualTo(Exit.USER_ERROR);
        assertThat(ok(cli.run("customer", "erase", "jdoe", "--yes")).out()).contains("erased");
        assertThat(cli.run("customer", "show", "jdoe").code()).isEqualTo(Exit.USER_ERROR);
    }

    @Test
    @DisplayName("set-password checks the policy and is used by the next login")
    void setPassword() {
        InProcess.Result weak = cli.runWithInput("x\n", "customer", "set-password", "jdoe", "--password-stdin");
        assertThat(weak.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(weak.err()).contains("password policy");
        ok(cli.runWithInput("N3w-and-long\n", "customer", "set-password", "jdoe", "--password-stdin"));
        assertThat(cli.runWithInput("N3w-and-long\n", "login", "jdoe", "--password-stdin").code()).isZero();
    }

    @Test
    @DisplayName("--help on every command, with examples")
    void help() {
        for (String[] cmd : new String[][] {{"--help"}, {"customer", "add", "--help"}, {"link", "--help"},
            {"permissions", "--help"}, {"company", "list", "--help"}, {"group", "show", "--help"}}) {
            InProcess.Result r = ok(cli.run(cmd));
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage:", "Examples:");
        }
        assertThat(cli.run("customer").code()).isEqualTo(Exit.USER_ERROR);
        assertThat(cli.run("frobnicate").code()).isEqualTo(Exit.USER_ERROR);
    }

    @Test
    @DisplayName("global options work after the sub-command too")
    void globalOptionsAnywhere() {
        assertThat(ok(cli.run("--json", "group", "list")).out()).startsWith("{");
        assertThat(ok(cli.run("group", "list", "--json")).out()).startsWith("{");
    }

    @Test
    @DisplayName("a write command on an in-memory back-end warns on stderr, in one line, that nothing persists;"
            + " reading commands and failed writes do not")
    void memoryWarning() {
        InProcess.Result write = ok(cli.run("group", "add", "vip"));
        assertThat(write.err().lines()).containsExactly("clientele: warning: nothing persists: back-end 'local' keeps"
                + " its data in memory, so this command's changes are gone now that it has ended (a fixture is only"
                + " read at start; use a jdbc or ldap back-end to keep changes)");
        assertThat(ok(cli.run("group", "list")).err()).isEmpty();
        assertThat(ok(cli.run("customer", "show", "jdoe")).err()).isEmpty();
        InProcess.Result failed = cli.run("group", "add", "vip");
        assertThat(failed.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(failed.err()).doesNotContain("nothing persists");
        InProcess.Result json = ok(cli.run("link", "customer", "jdoe", "support", "rw", "--json"));
        assertThat(json.err().lines()).singleElement().asString()
                .startsWith("{").contains("\"warning\": \"nothing-persists\"", "\"backends\": [ \"local\" ]");
    }
}
