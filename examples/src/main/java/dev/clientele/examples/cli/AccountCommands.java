package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.LoginStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele customer set-password|unlock|reset-token}: a customer's password and login state. */
final class AccountCommands {
    private AccountCommands() {
    }

    /** Where a new password comes from: the terminal (default), stdin, or generated. */
    static final class NewPassword {
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean stdin;
        @Option(names = "--generate", description = "Generate a random password that meets the password policy"
                + " and print it once.")
        boolean generate;
    }

    @Command(name = "set-password", header = "Set a customer's password (Znuny Admin::CustomerUser::SetPassword).",
            description = "Asked twice on the terminal without echo, read from the first line of stdin with"
                    + " --password-stdin, or generated with --generate (printed once; hand it over safely)."
                    + " Checked against the password policy; every outstanding reset token stops working.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele customer set-password jdoe",
                "  printf '%%s\\n' \"$NEW_PASSWORD\" | ./clientele customer set-password jdoe --password-stdin",
                "  ./clientele customer set-password jdoe --generate"})
    static final class SetPassword extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login.")
        String login;
        @ArgGroup(exclusive = true)
        NewPassword source;

        @Override
        public Integer call() {
            boolean generate = source != null && source.generate;
            try (CustomerDirectory d = openForWriting()) {
                Customer c = d.getCustomer(login);
                char[] pw = generate ? d.passwordPolicy().generate()
                        : Passwords.read(cli(), source != null && source.stdin, true,
                                "New password for " + c.login() + ": ");
                try {
                    d.setPassword(c.login(), pw);
                    if (json()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("login", c.login());
                        m.put("passwordChanged", true);
                        if (generate) {
                            m.put("password", new String(pw));
                        }
                        cli().printJson(m);
                    } else if (generate) {
                        out().println("password of " + c.login() + " set to: " + new String(pw));
                        out().println("(shown once; it is not stored in clear anywhere)");
                    } else {
                        out().println("password of " + c.login() + " changed.");
                    }
                } finally {
                    Arrays.fill(pw, '\0');
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "unlock", header = "Lift a customer's lock-out and reset its failed logins.",
            description = "A customer is locked out after too many wrong passwords"
                    + " (clientele.login.max-failures); the lock also ends by itself when its time is up. 'customer show' tells whether a customer is locked.",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele customer unlock jdoe"})
    static final class Unlock extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login.")
        String login;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Customer c = d.getCustomer(login);
                LoginStatus before = d.loginStatus(c.login());
                d.unlock(c.login());
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("login", c.login());
                    m.put("wasLocked", before.locked());
                    m.put("failedLoginsCleared", before.failedLogins());
                    cli().printJson(m);
                } else {
                    out().println("customer " + c.login() + (before.locked() ? " unlocked" : " was not locked")
                            + "; " + before.failedLogins() + " failed login(s) cleared.");
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "reset-token", header = "Issue a single-use password reset token for a customer.",
            description = "The token is printed once: send it to the customer (for example in a link); redeeming"
                    + " it sets a new password and ends every other token. It expires after"
                    + " clientele.reset-token.lifetime.",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele customer reset-token jdoe"})
    static final class ResetToken extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login.")
        String login;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Customer c = d.getCustomer(login);
                String token = d.createPasswordResetToken(c.login());
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("login", c.login());
                    m.put("token", token);
                    cli().printJson(m);
                } else {
                    out().println("reset token for " + c.login() + " (shown once): " + token);
                }
                return Exit.OK;
            }
        }
    }
}
