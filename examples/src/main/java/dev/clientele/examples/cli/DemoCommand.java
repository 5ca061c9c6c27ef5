package dev.clientele.examples.cli;

import dev.clientele.AuthenticationResult;
import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerValidationException;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.Validity;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clientele demo}: seeds a small helpdesk and walks through the main features. Runs on whatever directory is
 * configured (the embedded H2 store by default). Run twice, it reuses what the first run stored: everything is
 * created only if missing, links are replaced, and the demo customers are made valid again and given the demo
 * password, so each run tells the same story.
 */
@Command(name = "demo", header = "Seed a small helpdesk and walk through the main features.",
        description = {"Creates (if missing) groups mapped to queues, two companies and three customers, links"
                + " them, then shows effective permissions and why, a search, logins, and an invalidation, with"
                + " short explanations. Runs on the configured directory (default: the embedded H2 store in"
                + " ./clientele-data/); a second run reuses what is there. Group support is switched on for the"
                + " run if the configuration leaves it off."},
        footerHeading = "%nExamples:%n", footer = {"  ./clientele demo", "  ./clientele --config memory.properties demo --yes"})
final class DemoCommand extends Base {
    static final String PASSWORD = "Demo-Passw0rd";

    @Option(names = "--quiet-events", description = "Do not print the events the directory sends.")
    boolean quietEvents;

    @Option(names = "--yes", description = "Run on a configured (not the default) directory: the demo creates and"
            + " changes the customers jane, john and hank there, and sets jane's password.")
    boolean yes;

    @Override
    public Integer call() {
        PrintStream out = out();
        if (cli().configFile() != null && !yes) {
            throw CliException.user("the demo creates and changes customers (jane, john, hank) and sets a password:"
                    + " it runs on the default store only, unless you add --yes to run it on "
                    + cli().configFile());
        }
        try (CustomerDirectory d = openForWriting()) {
            out.println("Clientele demo on " + cli().configSource());
            out.println("Everything below goes through the public API your helpdesk uses; the data stays in the"
                    + " store.");
            if (!quietEvents) {
                d.addListener(e -> out.println("    [event] " + e.type() + " " + e.login()
                        + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")")));
            }
            CustomerGroupPolicy policy = d.policy();
            if (!policy.groupSupport()) {
                d.setPolicy(policy.toBuilder().groupSupport(true).build());
                out.println("(group support is off in the configuration: on for this run. To keep it, set"
                        + " clientele.policy.group-support = true.)");
            }

            step(out, "1. Queues belong to groups; customers get ro or rw on groups");
            out.println("   queue 'Support' -> group support, 'Billing' -> billing, 'VIP' -> vip;");
            out.println("   'users' is the always-group (clientele.policy.always-groups): every customer has it.");
            group(d, "users", "Every customer (always-group)");
            group(d, "support", "Queue: Support");
            group(d, "billing", "Queue: Billing");
            group(d, "vip", "Queue: VIP");
            out.println("   groups: " + d.groups().stream().map(Group::name).toList());

            step(out, "2. Companies and their customers");
            company(d, Company.builder("acme").name("Acme Inc.").city("Berlin").country("DE").build());
            company(d, Company.builder("globex").name("Globex Corp.").city("Springfield").country("US").build());
            customer(d, Customer.builder("jane").email("jane@acme.example").customerId("acme").firstName("Jane")
                    .lastName("Doe").build());
            customer(d, Customer.builder("john").email("john@acme.example").customerId("acme").firstName("John")
                    .lastName("Smith").build());
            customer(d, Customer.builder("hank").email("hank@globex.example").customerId("globex")
                    .firstName("Hank").lastName("Scorpio").build());
            d.setPassword("jane", PASSWORD.toCharArray());
            out.println("   jane, john (acme) and hank (globex); jane has a password (demo data).");
            out.println("   Every bad field of a customer is reported at once:");
            try {
                d.createCustomer(Customer.builder("broken").email("not-an-email").build());
            } catch (CustomerValidationException e) {
                e.errors().forEach((f, m) -> out.println("     " + f + ": " + m));
            }

            step(out, "3. Links: a company's links apply to its customers");
            d.linkCompany("acme", "support", Permission.RW);
            d.linkCompany("acme", "billing", Permission.RO);
            d.link("jane", "vip", Permission.RW);
            d.link("hank", "support", Permission.RO);
            out.println("   acme -> support:rw, billing:ro;  jane -> vip:rw;  hank -> support:ro");

            step(out, "4. Effective permissions (what the helpdesk checks before showing a queue)");
            for (String login : new String[] {"jane", "john", "hank"}) {
                out.println("   " + login + ": " + Views.permissions(d.permissions(login).groups()));
            }
            out.println("   may hank answer in Support (rw)? " + d.hasPermission("hank", "support", Permission.RW));
            out.println("   why may john read Billing?");
            d.explain("john", "billing").steps().forEach(s -> out.println("     - " + s));

            step(out, "5. Search: terms are AND-ed prefixes, '*' is a wildcard");
            out.println("   'j': " + d.search("j").customers().stream().map(Customer::login).toList());
            out.println("   '*@acme.example': " + d.search("*@acme.example").customers().stream()
                    .map(Customer::login).toList());

            step(out, "6. Login: one answer for unknown logins and wrong passwords");
            out.println("   jane, right password:  " + outcome(d.authenticate("jane", PASSWORD.toCharArray())));
            out.println("   jane, wrong password:  " + outcome(d.authenticate("jane", "wrong".toCharArray())));
            out.println("   nobody:                " + outcome(d.authenticate("nobody", "wrong".toCharArray())));

            step(out, "7. Invalidate instead of delete: tickets keep their customer, the customer loses access");
            d.invalidateCustomer("john");
            out.println("   john: " + Views.permissions(d.permissions("john").groups()));

            step(out, "Try next");
            for (String next : tryNext()) {
                out.println("   " + next);
            }
            out.println("Done.");
            return Exit.OK;
        }
    }

    /**
     * What to try after the demo, each line runnable as printed in the folder the demo ran in (a test runs them).
     * The demo's password is shown: it is the demo account's, fixed in this class, and the login line needs it.
     */
    static List<String> tryNext() {
        return List.of("./clientele customer search '*'", "./clientele permissions jane vip --explain",
                "./clientele group show support", "echo '" + PASSWORD + "' | ./clientele login jane --password-stdin",
                "./clientele permissions hank support --require rw    (exit 4: hank may only read Support)",
                "./clientele export customers.csv", "./clientele config check");
    }

    private static void step(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
    }

    private static String outcome(AuthenticationResult r) {
        return r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static void group(CustomerDirectory d, String name, String comment) {
        if (d.findGroup(name).isEmpty()) {
            d.createGroup(Group.of(name).withComment(comment));
        }
    }

    private static void company(CustomerDirectory d, Company c) {
        if (d.findCompany(c.customerId()).isEmpty()) {
            d.createCompany(c);
        }
    }

    /** Creates the customer, or makes an existing one (from an earlier run) valid again. */
    private static void customer(CustomerDirectory d, Customer c) {
        d.findCustomer(c.login()).ifPresentOrElse(existing -> {
            if (existing.validity() != Validity.VALID) {
                d.updateCustomer(existing.toBuilder().validity(Validity.VALID).build());
            }
        }, () -> d.createCustomer(c));
    }
}
