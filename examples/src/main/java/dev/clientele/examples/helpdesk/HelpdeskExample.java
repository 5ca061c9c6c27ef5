package dev.clientele.examples.helpdesk;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.Permission;
import java.nio.file.Path;

/**
 * Embedding Clientele in a helpdesk: queues mapped to groups, a permission check before showing a queue or creating
 * a ticket, and a ticket history fed by the directory's events. Runs on the in-memory back-end, or on the directory
 * of a properties file given as argument.
 *
 * <pre>java -cp examples/target/clientele-examples.jar dev.clientele.examples.helpdesk.HelpdeskExample</pre>
 */
public final class HelpdeskExample {
    private HelpdeskExample() {
    }

    public static void main(String[] args) {
        TicketHistory history = new TicketHistory();
        try (CustomerDirectory directory = args.length > 0 ? CustomerDirectory.open(Path.of(args[0]))
                : CustomerDirectory.builder().backend("memory")
                        .policy(CustomerGroupPolicy.builder().groupSupport(true).build()).build()) {
            directory.addListener(history);
            seed(directory);

            Helpdesk helpdesk = new Helpdesk(directory)
                    .queue("Support", "support")
                    .queue("Billing", "billing");

            System.out.println("queues jane sees: " + helpdesk.visibleQueues("jane"));
            System.out.println("queues bob sees:  " + helpdesk.visibleQueues("bob"));
            System.out.println("jane opens " + helpdesk.createTicket("jane", "Support", "Printer on fire"));
            try {
                helpdesk.createTicket("jane", "Billing", "Wrong invoice");
            } catch (SecurityException e) {
                System.out.println("refused: " + e.getMessage());
            }
            System.out.println("bob looks at Support: " + helpdesk.showQueue("bob", "Support"));

            directory.invalidateCustomer("bob");
            System.out.println("after invalidating bob, he sees: " + helpdesk.visibleQueues("bob"));
            System.out.println("history of bob:");
            history.of("bob").forEach(line -> System.out.println("  " + line));
        }
    }

    /** Groups, a company and two customers, created only if missing (so a persistent store can be used twice). */
    static void seed(CustomerDirectory d) {
        for (String g : new String[] {"support", "billing"}) {
            if (d.findGroup(g).isEmpty()) {
                d.createGroup(Group.of(g));
            }
        }
        if (d.findCompany("acme").isEmpty()) {
            d.createCompany(Company.builder("acme").name("Acme Inc.").build());
        }
        for (String[] c : new String[][] {{"jane", "Jane", "Doe"}, {"bob", "Bob", "Builder"}}) {
            if (d.findCustomer(c[0]).isEmpty()) {
                d.createCustomer(Customer.builder(c[0]).email(c[0] + "@acme.example").customerId("acme")
                        .firstName(c[1]).lastName(c[2]).build());
            }
        }
        d.link("jane", "support", Permission.RW);      // jane may open tickets in Support
        d.link("bob", "support", Permission.RO);       // bob may only read them
        d.linkCompany("acme", "billing", Permission.RO); // everyone at acme may read Billing
    }
}
