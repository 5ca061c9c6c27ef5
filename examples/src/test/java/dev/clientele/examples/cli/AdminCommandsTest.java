package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerDirectory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The admin commands: login state, unlock, reset token, generated password, company and group changes,"
        + " preferences")
class AdminCommandsTest {
    private InProcess cli;

    @BeforeEach
    void seed() {
        cli = new InProcess();
        ok(cli.run("group", "add", "support"));
        ok(cli.run("company", "add", "acme", "--name", "Acme Inc."));
        ok(cli.runWithInput("Corr3ct-Horse\n", "customer", "add", "jdoe", "--email", "jdoe@acme.example",
                "--customer-id", "acme", "--first-name", "John", "--last-name", "Doe", "--password-stdin"));
    }

    private static InProcess.Result ok(InProcess.Result r) {
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
        return r;
    }

    @Test
    @DisplayName("customer show prints failed logins and the lock; customer unlock lifts it and the right password"
            + " works again")
    void showAndUnlock() {
        assertThat(ok(cli.run("customer", "show", "jdoe")).out()).contains("failedLogins: 0", "locked:       false")
                .doesNotContain("lastLogin:");
        for (int i = 0; i < 6; i++) {
            cli.runWithInput("wrong\n", "login", "jdoe", "--password-stdin");
        }
        String locked = ok(cli.run("customer", "show", "jdoe", "--json")).out();
        assertThat(locked).contains("\"locked\": true", "\"lockedUntil\": \"");
        assertThat(cli.runWithInput("Corr3ct-Horse\n", "login", "jdoe", "--password-stdin").code())
                .isEqualTo(Exit.REFUSED);

        assertThat(ok(cli.run("customer", "unlock", "JDOE")).out()).contains("customer jdoe unlocked;",
                "failed login(s) cleared");
        assertThat(ok(cli.run("customer", "unlock", "jdoe")).out()).contains("customer jdoe was not locked; 0 failed");
        assertThat(ok(cli.runWithInput("Corr3ct-Horse\n", "login", "jdoe", "--password-stdin")).out())
                .contains("login succeeded");
        assertThat(ok(cli.run("customer", "show", "jdoe")).out()).contains("lastLogin:", "locked:       false");
        assertThat(cli.run("customer", "unlock", "nobody").code()).isEqualTo(Exit.USER_ERROR);
    }

    @Test
    @DisplayName("customer reset-token prints a token once that redeems to a new password")
    void resetToken() {
        String out = ok(cli.run("customer", "reset-token", "jdoe")).out();
        Matcher m = Pattern.compile("reset token for jdoe \\(shown once\\): (\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        try (CustomerDirectory d = cli.directory()) {
            d.resetPassword(m.group(1), "Fresh-Pass-42".toCharArray());
        }
        assertThat(ok(cli.runWithInput("Fresh-Pass-42\n", "login", "jdoe", "--password-stdin")).out())
                .contains("login succeeded");
    }

    @Test
    @DisplayName("customer set-password --generate prints a password meeting the policy, once, and it logs in")
    void generatedPassword() {
        String out = ok(cli.run("customer", "set-password", "jdoe", "--generate")).out();
        Matcher m = Pattern.compile("password of jdoe set to: (\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(m.group(1)).hasSize(20);
        assertThat(ok(cli.runWithInput(m.group(1) + "\n", "login", "jdoe", "--password-stdin")).out())
                .contains("login succeeded");
        assertThat(cli.runWithInput("x\n", "customer", "set-password", "jdoe", "--generate", "--password-stdin")
                .code()).isEqualTo(Exit.USER_ERROR);
    }

    @Test
    @DisplayName("company update, invalidate, customers and show with its group links; a company needs --name")
    void companies() {
        InProcess.Result noName = cli.run("company", "add", "globex");
        assertThat(noName.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(noName.err()).contains("--name");

        ok(cli.run("link", "company", "acme", "support", "ro"));
        assertThat(ok(cli.run("company", "show", "acme")).out()).contains("groups (stored links): support:ro");
        assertThat(ok(cli.run("company", "update", "acme", "--city", "Phoenix", "--url", "https://acme.example"))
                .out()).contains("company acme updated.");
        assertThat(ok(cli.run("company", "show", "acme", "--json")).out()).contains("\"city\": \"Phoenix\"",
                "\"url\": \"https://acme.example\"");
        assertThat(cli.run("company", "update", "acme").code()).isEqualTo(Exit.USER_ERROR);
        assertThat(ok(cli.run("company", "customers", "acme")).out()).contains("jdoe", "John Doe");
        assertThat(ok(cli.run("permissions", "jdoe", "support")).out()).contains("jdoe on support: ro");

        assertThat(ok(cli.run("company", "invalidate", "acme")).out()).contains("company acme invalidated.");
        assertThat(ok(cli.run("company", "list")).out()).contains("invalid");
        assertThat(ok(cli.run("permissions", "jdoe", "support")).out()).contains("jdoe on support: none");
        assertThat(cli.run("company", "customers", "nosuch").code()).isEqualTo(Exit.USER_ERROR);
    }

    @Test
    @DisplayName("group update and invalidate: an invalid group grants nothing")
    void groups() {
        ok(cli.run("link", "customer", "jdoe", "support", "rw"));
        assertThat(ok(cli.run("group", "update", "support", "--comment", "Second level")).out())
                .contains("group support updated.");
        assertThat(ok(cli.run("group", "show", "support")).out()).contains("Second level");
        assertThat(ok(cli.run("group", "invalidate", "support")).out()).contains("group support invalidated.");
        assertThat(ok(cli.run("permissions", "jdoe", "support")).out()).contains("jdoe on support: none");
        ok(cli.run("group", "update", "support", "--validity", "valid", "--comment", ""));
        assertThat(ok(cli.run("permissions", "jdoe", "support")).out()).contains("jdoe on support: rw");
        assertThat(cli.run("group", "update", "support").code()).isEqualTo(Exit.USER_ERROR);
        assertThat(cli.run("group", "invalidate", "nosuch").code()).isEqualTo(Exit.USER_ERROR);
    }

    @Test
    @DisplayName("preferences set, get and unset")
    void preferences() {
        assertThat(ok(cli.run("preferences", "get", "jdoe")).out()).contains("customer jdoe has no preferences.");
        ok(cli.run("preferences", "set", "jdoe", "UserLanguage", "de"));
        ok(cli.run("preferences", "set", "jdoe", "UserTheme", "dark"));
        assertThat(ok(cli.run("preferences", "get", "jdoe")).out()).contains("UserLanguage", "de", "UserTheme");
        assertThat(ok(cli.run("preferences", "get", "jdoe", "UserLanguage", "--json")).out())
                .contains("\"UserLanguage\": \"de\"").doesNotContain("UserTheme");
        assertThat(ok(cli.run("preferences", "unset", "jdoe", "UserLanguage")).out()).contains("removed");
        assertThat(ok(cli.run("preferences", "unset", "jdoe", "UserLanguage")).out()).contains("nothing changed");
        assertThat(cli.run("preferences", "get", "jdoe", "UserLanguage").code()).isEqualTo(Exit.USER_ERROR);
        assertThat(cli.run("preferences", "set", "nobody", "k", "v").code()).isEqualTo(Exit.USER_ERROR);
    }
}
