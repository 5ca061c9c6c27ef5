package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.ErasureReport;
import dev.clientele.Permission;
import dev.clientele.SearchResult;
import dev.clientele.Validity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele customer ...}: the Znuny {@code Admin::CustomerUser::*} commands. */
@Command(name = "customer", header = "Add, show, change, search, invalidate or erase customers; set passwords, unlock.",
        subcommands = {CustomerCommands.Add.class, CustomerCommands.Show.class, CustomerCommands.Update.class,
            CustomerCommands.Search.class, CustomerCommands.Invalidate.class, CustomerCommands.Erase.class,
            AccountCommands.SetPassword.class, AccountCommands.Unlock.class,
            AccountCommands.ResetToken.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele customer add ann --email ann@acme.example --customer-id acme --first-name Ann"
                + " --last-name Doe",
            "  ./clientele customer search 'doe'",
            "  ./clientele customer show jdoe --json"})
final class CustomerCommands implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a sub-command: add, show, update, search, invalidate, erase, set-password, unlock or"
                + " reset-token");
    }

    /** The fields of a customer as options; a field not given is left as it is. */
    static final class Fields {
        @Option(names = "--email", paramLabel = "EMAIL", description = "Email address (unique; mandatory).")
        String email;
        @Option(names = "--customer-id", paramLabel = "ID", description = "The company's customer ID (mandatory).")
        String customerId;
        @Option(names = "--first-name", paramLabel = "NAME", description = "First name (mandatory).")
        String firstName;
        @Option(names = "--last-name", paramLabel = "NAME", description = "Last name (mandatory).")
        String lastName;
        @Option(names = "--title", paramLabel = "TEXT")
        String title;
        @Option(names = "--phone", paramLabel = "TEXT")
        String phone;
        @Option(names = "--fax", paramLabel = "TEXT")
        String fax;
        @Option(names = "--mobile", paramLabel = "TEXT")
        String mobile;
        @Option(names = "--street", paramLabel = "TEXT")
        String street;
        @Option(names = "--zip", paramLabel = "TEXT")
        String zip;
        @Option(names = "--city", paramLabel = "TEXT")
        String city;
        @Option(names = "--country", paramLabel = "TEXT")
        String country;
        @Option(names = "--comment", paramLabel = "TEXT")
        String comment;
        @Option(names = "--validity", paramLabel = "VALIDITY",
                description = "valid, invalid or invalid-temporarily.")
        Validity validity;
        @Option(names = "--additional-customer-ids", paramLabel = "ID", split = ",",
                description = "More companies whose tickets the customer may see (comma separated; \"\" clears).")
        List<String> additionalCustomerIds;
        @Option(names = "--attribute", paramLabel = "NAME=VALUE",
                description = "An extra attribute (repeatable; an empty value removes it).")
        Map<String, String> attributes;

        /** True when no field option was given. */
        boolean none() {
            return Stream.of(email, customerId, firstName, lastName, title, phone, fax, mobile, street, zip, city,
                    country, comment, validity, additionalCustomerIds, attributes).allMatch(Objects::isNull);
        }

        Customer.Builder applyTo(Customer.Builder b) {
            set(b, CustomerField.EMAIL, email);
            set(b, CustomerField.CUSTOMER_ID, customerId);
            set(b, CustomerField.FIRST_NAME, firstName);
            set(b, CustomerField.LAST_NAME, lastName);
            set(b, CustomerField.TITLE, title);
            set(b, CustomerField.PHONE, phone);
            set(b, CustomerField.FAX, fax);
            set(b, CustomerField.MOBILE, mobile);
            set(b, CustomerField.STREET, street);
            set(b, CustomerField.ZIP, zip);
            set(b, CustomerField.CITY, city);
            set(b, CustomerField.COUNTRY, country);
            set(b, CustomerField.COMMENT, comment);
            if (validity != null) {
                b.validity(validity);
            }
            if (additionalCustomerIds != null) {
                b.additionalCustomerIds(additionalCustomerIds);
            }
            if (attributes != null) {
                attributes.forEach(b::attribute);
            }
            return b;
        }

        private static void set(Customer.Builder b, CustomerField f, String value) {
            if (value != null) {
                b.set(f, value);
            }
        }
    }

    /** How a password is given: asked on the terminal, or read from stdin. */
    static final class PasswordSource {
        @Option(names = "--ask-password", description = "Ask for a password on the terminal (no echo, twice).")
        boolean ask;
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean stdin;
    }

    @Command(name = "add", header = "Create a customer (Znuny Admin::CustomerUser::Add).",
            description = "Mandatory: LOGIN, --email, --customer-id, --first-name, --last-name. Every bad field is"
                    + " reported at once. A password is optional; it is never taken from the command line.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele customer add ann --email ann@acme.example --customer-id acme --first-name Ann"
                    + " --last-name Doe",
                "  echo 'S3cret-pass' | ./clientele customer add bea --email bea@acme.example --customer-id acme"
                    + " --first-name Bea --last-name Roe --password-stdin",
                "  ./clientele customer add max --email max@acme.example --customer-id acme --first-name Max"
                    + " --last-name Muster --ask-password --attribute department=IT"})
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The login (unique, case-insensitive).")
        String login;
        @Mixin
        Fields fields;
        @ArgGroup(exclusive = true)
        PasswordSource password;

        @Override
        public Integer call() {
            Customer c = fields.applyTo(Customer.builder(login)).build();
            char[] pw = password == null ? null
                    : Passwords.read(cli(), password.stdin, true, "Password for " + login + ": ");
            try (CustomerDirectory d = openForWriting()) {
                Customer created = pw == null ? d.createCustomer(c) : d.createCustomer(c, pw);
                if (json()) {
                    cli().printJson(Views.customer(created));
                } else {
                    out().println("customer " + created.login() + " created" + (pw == null ? " (no password set)"
                            : " with a password") + ".");
                }
                return Exit.OK;
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }
    }

    @Command(name = "show", header = "Show a customer, with its stored group links and its login state (last login,"
            + " failed logins, lock).",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele customer show jdoe", "  ./clientele customer show jdoe --json"})
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login (any case).")
        String login;

        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                Customer c = d.getCustomer(login);
                Map<String, Permission> links = d.groupsOf(c.login());
                Map<String, Object> view = Views.customer(c);
                Map<String, Object> login = Views.loginStatus(d.loginStatus(c.login()));
                if (json()) {
                    view.put("groups", Views.permissions(links));
                    view.put("loginState", login);
                    cli().printJson(view);
                } else {
                    Views.printFields(out(), view);
                    out().println("groups (stored links): " + Views.linkList(links));
                    Views.printFields(out(), login);
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "update", header = "Change fields of a customer; fields not given stay as they are.",
            description = "An empty value (--comment \"\") clears an optional field. The update carries the version"
                    + " it read, so a concurrent change is detected instead of overwritten.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele customer update jdoe --phone '+1 555 0100' --city Springfield",
                "  ./clientele customer update jdoe --validity valid",
                "  ./clientele customer update jdoe --comment ''"})
    static final class Update extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login (any case).")
        String login;
        @Mixin
        Fields fields;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Customer current = d.getCustomer(login);
                Customer changed = fields.applyTo(current.toBuilder()).build();
                if (changed.equals(current)) {
                    if (fields.none()) {
                        throw CliException.user("nothing to change: give at least one field option (see --help)");
                    }
                    return unchanged(current);
                }
                Customer stored = d.updateCustomer(changed);
                if (json()) {
                    cli().printJson(Views.customer(stored));
                } else {
                    out().println("customer " + stored.login() + " updated (version " + stored.version() + ").");
                }
                return Exit.OK;
            }
        }

        /** The fields given are what the customer has already: nothing is written, and that is no error. */
        private Integer unchanged(Customer current) {
            if (json()) {
                cli().printJson(Views.customer(current));
            } else {
                out().println("customer " + current.login() + " has these values already; nothing changed.");
            }
            return Exit.OK;
        }
    }

    @Command(name = "search", header = "Search customers (every source, merged, ordered by login).",
            description = {"Terms are AND-ed; each matches a field as a prefix, case-insensitively; '*' is a"
                    + " wildcard ('*smi*' searches inside). No term: every customer. Valid customers only unless"
                    + " --include-invalid."},
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele customer search doe", "  ./clientele customer search 'j*' acme --limit 20",
                "  ./clientele customer search --field email '*@acme.example' --json"})
    static final class Search extends Base {
        @Parameters(paramLabel = "TERM", arity = "0..*", description = "Search terms.")
        List<String> terms;
        @Option(names = "--limit", paramLabel = "N", description = "At most N customers (default: the"
                + " configured clientele.search.limit, 250).")
        Integer limit;
        @Option(names = "--include-invalid", description = "Include invalid customers.")
        boolean includeInvalid;
        @Option(names = "--field", paramLabel = "FIELD", split = ",",
                description = "Search only these fields (login, email, customerId, firstName, ...).")
        List<String> fieldNames;

        @Override
        public Integer call() {
            CustomerQuery.Builder q = CustomerQuery.builder().includeInvalid(includeInvalid);
            if (terms != null) {
                terms.forEach(q::text);
            }
            if (limit != null) {
                q.limit(limit);
            }
            if (fieldNames != null) {
                q.fields(fieldNames.stream().map(CustomerField::parse).toList());
            }
            try (CustomerDirectory d = open()) {
                SearchResult r = d.search(q.build());
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("customers", r.customers().stream().map(Views::customer).toList());
                    m.put("moreResults", r.moreResults());
                    cli().printJson(m);
                    return Exit.OK;
                }
                Table t = new Table("LOGIN", "NAME", "EMAIL", "CUSTOMER ID", "VALIDITY");
                for (Customer c : r.customers()) {
                    t.row(c.login(), c.displayName(), c.email(), c.customerId(), c.validity().key());
                }
                print(t, "no customer found.");
                if (!t.isEmpty()) {
                    out().println(r.size() + (r.size() == 1 ? " customer" : " customers")
                            + (r.moreResults() ? " shown; more matched (raise --limit or add terms)." : "."));
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "invalidate", header = "Invalidate a customer: it keeps its data and tickets, loses every"
            + " permission and cannot log in.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele customer invalidate jdoe",
                "  ./clientele customer update jdoe --validity valid     (to undo)"})
    static final class Invalidate extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login (any case).")
        String login;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Customer c = d.invalidateCustomer(login);
                if (json()) {
                    cli().printJson(Views.customer(c));
                } else {
                    out().println("customer " + c.login() + " invalidated: it keeps its data and loses every"
                            + " permission.");
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "erase", header = "Erase a customer for good (a privacy request): record, password, links,"
            + " state.",
            description = "Prefer 'customer invalidate': tickets refer to customers. Erasing needs --yes.",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele customer erase jdoe --yes"})
    static final class Erase extends Base {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login (any case).")
        String login;
        @Option(names = "--yes", description = "Confirm the erasure.")
        boolean yes;

        @Override
        public Integer call() {
            if (!yes) {
                throw CliException.user("erasing '" + login + "' cannot be undone; add --yes to confirm"
                        + " (or use 'customer invalidate', which keeps the record)");
            }
            try (CustomerDirectory d = openForWriting()) {
                ErasureReport r = d.eraseCustomer(login);
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("login", r.login());
                    m.put("source", r.source());
                    m.put("customer", r.customer());
                    m.put("credentials", r.credentials());
                    m.put("memberships", r.memberships());
                    m.put("state", r.state());
                    cli().printJson(m);
                } else {
                    out().println("customer " + r.login() + " erased from '" + r.source() + "': record "
                            + (r.customer() ? "removed" : "not found") + ", password "
                            + (r.credentials() ? "removed" : "none") + ", " + r.memberships() + " group link(s)"
                            + " removed, login state " + (r.state() ? "removed" : "none") + ".");
                }
                return Exit.OK;
            }
        }
    }
}
