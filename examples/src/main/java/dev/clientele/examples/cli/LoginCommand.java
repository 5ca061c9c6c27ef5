package dev.clientele.examples.cli;

import dev.clientele.AuthenticationResult;
import dev.clientele.CustomerDirectory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele login LOGIN}: checks a password the way the helpdesk would. */
@Command(name = "login", header = "Check a customer's password: says success or the reason class.",
        description = {"The password is asked on the terminal without echo, or read from the first line of stdin"
                + " with --password-stdin. A failed login counts towards the lock-out, as in the helpdesk.",
            "Reasons: bad-credentials (unknown login, wrong password or no password: they are not told apart),"
                + " account-invalid (a locked account answers bad-credentials too: 'customer show' tells the lock). Exit code 0 on"
                + " success, 4 when refused."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele login jdoe", "  printf '%%s\\n' \"$PW\" | ./clientele login jdoe --password-stdin --json"})
final class LoginCommand extends Base {
    @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login (any case).")
    String login;
    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
    boolean stdin;

    @Override
    public Integer call() {
        char[] pw = Passwords.read(cli(), stdin, false, "Password for " + login + ": ");
        AuthenticationResult r;
        try (CustomerDirectory d = open()) {
            r = d.authenticate(login, pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("login", login);
            m.put("outcome", r.outcome());
            m.put("succeeded", r.succeeded());
            r.customer().ifPresent(c -> m.put("displayName", c.displayName()));
            cli().printJson(m);
        } else if (r.succeeded()) {
            out().println("login succeeded: " + r.customer().map(c -> c.displayName() + " (" + c.login() + ")")
                    .orElse(login) + ".");
        } else {
            out().println("login refused: " + reason(r.outcome()));
        }
        return r.succeeded() ? Exit.OK : Exit.REFUSED;
    }

    private static String reason(AuthenticationResult.Outcome o) {
        switch (o) {
            case BAD_CREDENTIALS:
                return "bad-credentials (unknown login, wrong password, or no password set).";
            case ACCOUNT_INVALID:
                return "account-invalid (the password is right but the customer is not valid).";
            case LOCKED_OUT:
                return "locked-out (too many failed logins; it unlocks after the lock-out duration).";
            default:
                return o.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
