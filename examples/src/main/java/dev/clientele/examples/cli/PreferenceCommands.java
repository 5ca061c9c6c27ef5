package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clientele preferences get|set|unset}: a customer's preferences (Znuny's customer_preferences). */
@Command(name = "preferences", header = "Show, set or remove a customer's preferences (key = value pairs).",
        subcommands = {PreferenceCommands.Get.class, PreferenceCommands.Set.class, PreferenceCommands.Unset.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele preferences get jdoe", "  ./clientele preferences set jdoe UserLanguage de",
            "  ./clientele preferences unset jdoe UserLanguage"})
final class PreferenceCommands implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a sub-command: get, set or unset");
    }

    @Command(name = "get", header = "Show a customer's preferences, or one of them.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele preferences get jdoe", "  ./clientele preferences get jdoe --json",
                "  ./clientele preferences get jdoe UserLanguage     (exit 1 if it has none)"})
    static final class Get extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login.")
        String login;
        @Parameters(index = "1", paramLabel = "KEY", arity = "0..1", description = "Only this preference.")
        String key;

        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                Customer c = d.getCustomer(login);
                Map<String, String> all = new TreeMap<>(d.preferences(c.login()));
                if (key != null) {
                    String value = all.get(key);
                    if (value == null) {
                        throw CliException.user("customer " + c.login() + " has no preference '" + key + "'");
                    }
                    all = Map.of(key, value);
                }
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("login", c.login());
                    m.put("preferences", all);
                    cli().printJson(m);
                } else if (all.isEmpty()) {
                    out().println("customer " + c.login() + " has no preferences.");
                } else {
                    Table t = new Table("KEY", "VALUE");
                    all.forEach(t::row);
                    print(t, "");
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "set", header = "Set one preference of a customer.", footerHeading = "%nExamples:%n",
            footer = {"  ./clientele preferences set jdoe UserLanguage de"})
    static final class Set extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login.")
        String login;
        @Parameters(index = "1", paramLabel = "KEY", description = "The preference's key.")
        String key;
        @Parameters(index = "2", paramLabel = "VALUE", description = "Its value.")
        String value;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Customer c = d.getCustomer(login);
                d.setPreference(c.login(), key, value);
                if (json()) {
                    cli().printJson(Map.of("login", c.login(), "key", key, "value", value));
                } else {
                    out().println("preference " + key + " of " + c.login() + " set.");
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "unset", header = "Remove one preference of a customer.", footerHeading = "%nExamples:%n",
            footer = {"  ./clientele preferences unset jdoe UserLanguage"})
    static final class Unset extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login.")
        String login;
        @Parameters(index = "1", paramLabel = "KEY", description = "The preference's key.")
        String key;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Customer c = d.getCustomer(login);
                boolean removed = d.removePreference(c.login(), key);
                if (json()) {
                    cli().printJson(Map.of("login", c.login(), "key", key, "removed", removed));
                } else {
                    out().println(removed ? "preference " + key + " of " + c.login() + " removed."
                            : "customer " + c.login() + " had no preference '" + key + "'; nothing changed.");
                }
                return Exit.OK;
            }
        }
    }
}
