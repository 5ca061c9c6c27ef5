package dev.clientele.examples.cli;

import dev.clientele.web.AdminAccounts;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele admin ...}: the accounts of the admin console (never customer accounts). */
@Command(name = "admin", header = "Manage the admin accounts of the web console (clientele serve).",
        description = {"Admin accounts live in their own file (default " + AdminCommands.DEFAULT_FILE + ", or"
                + " $CLIENTELE_ADMINS, or --admins FILE): a PHC password hash (PBKDF2) per name. They are not"
                + " customer accounts and cannot log in on the customer side."},
        subcommands = {AdminCommands.SetPassword.class})
final class AdminCommands implements Callable<Integer> {
    /** Where the admin accounts are kept by default: next to the default store. */
    static final String DEFAULT_FILE = "clientele-data/admins.properties";

    @Override
    public Integer call() {
        throw CliException.user("say what to do: clientele admin set-password NAME");
    }

    /** The admin accounts file: --admins, else $CLIENTELE_ADMINS, else the default. */
    static Path file(ClienteleCli cli, Path option) {
        if (option != null) {
            return option;
        }
        String env = cli.env.get("CLIENTELE_ADMINS");
        return env == null || env.isBlank() ? Path.of(DEFAULT_FILE) : Path.of(env.strip());
    }

    /** {@code clientele admin set-password NAME}. */
    @Command(name = "set-password", header = "Set (or add) an admin's password for the web console.",
            description = {"The password (at least 12 characters) is asked twice on the terminal, or read from"
                    + " the first line of stdin with --password-stdin; only its PBKDF2 hash is stored."},
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele admin set-password alice",
                "  printf '%%s\\n' \"$PW\" | ./clientele admin set-password alice --password-stdin"})
    static final class SetPassword extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The admin's name.")
        String name;
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean stdin;
        @Option(names = "--admins", paramLabel = "FILE", description = "The admin accounts file (default "
                + DEFAULT_FILE + ", or $CLIENTELE_ADMINS).")
        Path admins;

        @Override
        public Integer call() {
            Path file = file(cli(), admins);
            AdminAccounts before = AdminAccounts.load(file);
            char[] pw = Passwords.read(cli(), stdin, true, "New password for admin " + name + ": ");
            try {
                before.withPassword(name, pw).save(file);
            } finally {
                Arrays.fill(pw, '\0');
            }
            boolean added = !before.names().contains(name);
            if (json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("admin", name);
                m.put("added", added);
                m.put("file", file.toString());
                cli().printJson(m);
            } else {
                out().println("admin '" + name + "' " + (added ? "added" : "password changed") + " in " + file
                        + ".");
            }
            return Exit.OK;
        }
    }
}
