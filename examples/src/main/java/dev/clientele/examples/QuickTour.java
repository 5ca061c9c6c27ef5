package dev.clientele.examples;

import dev.clientele.AuthenticationResult;
import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerValidationException;
import dev.clientele.Group;
import dev.clientele.Permission;
import java.io.PrintStream;
import java.util.Map;

/**
 * A short tour of Clientele on the in-memory back-end: companies, customers and groups, links between them,
 * effective permissions with their explanation, and logins. Run it with
 * {@code java -cp examples/target/clientele-examples.jar dev.clientele.examples.QuickTour} (the jar's main class is
 * the {@code clientele} tool).
 */
public final class QuickTour {
    private QuickTour() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the tour, printing to {@code out}. */
    public static void run(PrintStream out) {
        CustomerGroupPolicy policy = CustomerGroupPolicy.builder()
                .groupSupport(true)                       // OTRS CustomerGroupSupport
                .alwaysGroups(Map.of("users", Permission.RW)) // OTRS CustomerGroupAlwaysGroups
                .build();
        try (CustomerDirectory directory = CustomerDirectory.builder()
                .backend("memory")                        // found with ServiceLoader
                .policy(policy)
                .listener(e -> out.println("  [event] " + e))
                .build()) {

            out.println("== Groups (queues are assigned to groups)");
            for (String g : new String[] {"users", "support", "billing", "vip"}) {
                directory.createGroup(Group.of(g));
            }
            out.println("  " + directory.groups().stream().map(Group::name).toList());

            out.println("== A company, linked to the billing group");
            directory.createCompany(Company.builder("acme").name("Acme Inc.").city("Berlin").build());
            directory.linkCompany("acme", "billing", Permission.RO);

            out.println("== Customers");
            Customer jane = directory.createCustomer(Customer.builder("jane")
                    .email("jane@acme.example").customerId("acme").firstName("Jane").lastName("Doe").build(),
                    "correct horse battery".toCharArray());
            directory.createCustomer(Customer.builder("john")
                    .email("john@acme.example").customerId("acme").firstName("John").lastName("Smith").build(),
                    "another good secret".toCharArray());
            out.println("  created " + jane.displayName() + " (version " + jane.version() + ")");

            out.println("== A customer with mistakes: every bad field is reported at once");
            try {
                directory.createCustomer(Customer.builder("broken").email("not-an-email").build());
            } catch (CustomerValidationException e) {
                e.errors().forEach((field, message) -> out.println("  " + field + ": " + message));
            }

            out.println("== Customers <-> Groups");
            directory.link("jane", "support", Permission.RW);
            out.println("  stored links of jane: " + directory.groupsOf("jane"));
            out.println("  customers of support: " + directory.customersOf("support"));

            out.println("== Effective permissions (always-groups, own links, company links)");
            out.println("  jane: " + directory.permissions("jane").groups());
            out.println("  john: " + directory.permissions("john").groups());
            out.println("  may john write in support? " + directory.hasPermission("john", "support", Permission.RW));
            out.println("  why may jane read billing? " + directory.explain("jane", "billing"));

            out.println("== Search");
            out.println("  'j*': " + directory.search("j*").customers());
            out.println("  'doe': " + directory.search("doe").customers());

            out.println("== Login");
            AuthenticationResult ok = directory.authenticate("jane", "correct horse battery".toCharArray());
            AuthenticationResult bad = directory.authenticate("jane", "wrong".toCharArray());
            AuthenticationResult unknown = directory.authenticate("nobody", "wrong".toCharArray());
            out.println("  right password: " + ok.outcome());
            out.println("  wrong password: " + bad.outcome());
            out.println("  unknown login:  " + unknown.outcome());

            out.println("== Invalidate: tickets keep their customer, the customer loses every permission");
            directory.invalidateCustomer("john");
            out.println("  john: " + directory.permissions("john").groups());
            out.println("Done.");
        }
    }
}
