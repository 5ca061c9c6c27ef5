package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.web.AdminAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("clientele admin set-password")
class AdminCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("stores a PHC hash of the admin in the accounts file, never the password; a second run changes it")
    void setPassword() throws Exception {
        Path file = dir.resolve("admins.properties");
        InProcess tool = new InProcess();
        InProcess.Result r = tool.runWithInput("Admin-Password-1\n", "admin", "set-password", "alice",
                "--password-stdin", "--admins", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("admin 'alice' added");
        String text = Files.readString(file);
        assertThat(text).contains("admin.alice.password-hash = $pbkdf2").doesNotContain("Admin-Password-1");
        assertThat(AdminAccounts.load(file).verify("alice", "Admin-Password-1".toCharArray())).isTrue();

        InProcess.Result again = tool.runWithInput("Other-Password-2\n", "admin", "set-password", "alice",
                "--password-stdin", "--admins", file.toString());
        assertThat(again.out()).contains("password changed");
        AdminAccounts accounts = AdminAccounts.load(file);
        assertThat(accounts.verify("alice", "Admin-Password-1".toCharArray())).isFalse();
        assertThat(accounts.verify("alice", "Other-Password-2".toCharArray())).isTrue();
    }

    @Test
    @DisplayName("a short password is refused with a message naming it, and nothing is written")
    void shortPassword() {
        Path file = dir.resolve("admins.properties");
        InProcess.Result r = new InProcess().runWithInput("short\n", "admin", "set-password", "alice",
                "--password-stdin", "--admins", file.toString());
        assertThat(r.code()).isEqualTo(Exit.USER_ERROR);
        assertThat(r.err()).contains("password").contains("12");
        assertThat(file).doesNotExist();
    }
}
