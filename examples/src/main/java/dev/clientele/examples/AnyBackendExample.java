package dev.clientele.examples;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Permission;
import java.nio.file.Path;

/**
 * The same code on every back-end: which one (memory, JDBC/H2, LDAP) is a matter of the properties file only.
 *
 * <pre>
 * java -cp examples/target/clientele-examples.jar dev.clientele.examples.AnyBackendExample examples/config/memory.properties
 * java -cp examples/target/clientele-examples.jar dev.clientele.examples.AnyBackendExample examples/config/h2.properties
 * java -cp examples/target/clientele-examples.jar dev.clientele.examples.LocalLdapServer &amp;   # then:
 * java -cp examples/target/clientele-examples.jar dev.clientele.examples.AnyBackendExample examples/config/ldap.properties
 * </pre>
 */
public final class AnyBackendExample {
    static final String PASSWORD = "Corr3ct-Horse-Battery";

    private AnyBackendExample() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: AnyBackendExample CONFIG.properties   (see examples/config/)");
            System.exit(1);
        }
        try (CustomerDirectory directory = CustomerDirectory.open(Path.of(args[0]))) {
            directory.backends().values().forEach(b -> System.out.println("back-end: " + b.describe()));

            if (directory.findGroup("support").isEmpty()) {
                directory.createGroup(Group.of("support"));
            }
            // From a directory server, jdoe exists already; elsewhere it is created (once).
            Customer jdoe = directory.findCustomer("jdoe").orElseGet(() -> directory.createCustomer(
                    Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme").firstName("John")
                            .lastName("Doe").build(), PASSWORD.toCharArray()));
            System.out.println("customer: " + jdoe.displayName() + " <" + jdoe.email() + ">, company "
                    + jdoe.customerId());

            directory.link("jdoe", "support", Permission.RW);
            System.out.println("may jdoe answer in support? " + directory.hasPermission("jdoe", "support", Permission.RW));
            System.out.println("search 'doe': " + directory.search("doe").customers().stream().map(Customer::login)
                    .toList());
            System.out.println("login: " + directory.authenticate("jdoe", PASSWORD.toCharArray()).outcome());
        }
    }
}
