package dev.clientele.examples.cli;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.Validity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele company update|invalidate|customers} and {@code clientele group update|invalidate}. */
final class CatalogCommands {
    private CatalogCommands() {
    }

    @Command(name = "update", header = "Change fields of a company; fields not given stay as they are.",
            description = "An empty value (--url \"\") clears an optional field.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele company update acme --city Phoenix --url https://acme.example",
                "  ./clientele company update acme --validity valid"})
    static final class UpdateCompany extends Written {
        @Parameters(index = "0", paramLabel = "CUSTOMER_ID", description = "The company's customer ID.")
        String customerId;
        @Option(names = "--name", paramLabel = "NAME", description = "The company's name.")
        String name;
        @Mixin
        CompanyCommands.Fields fields;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Company current = company(d, customerId);
                Company.Builder b = fields.applyTo(current.toBuilder());
                if (name != null) {
                    b.name(name);
                }
                Company changed = b.build();
                if (changed.equals(current)) {
                    if (name == null && fields.none()) {
                        throw CliException.user("nothing to change: give at least one field option (see --help)");
                    }
                    return printed(current, "has these values already; nothing changed");
                }
                return printed(d.updateCompany(changed), "updated");
            }
        }
    }

    @Command(name = "invalidate", header = "Invalidate a company: its group links grant nothing until it is valid"
            + " again.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele company invalidate acme",
                "  ./clientele company update acme --validity valid     (to undo)"})
    static final class InvalidateCompany extends Written {
        @Parameters(index = "0", paramLabel = "CUSTOMER_ID", description = "The company's customer ID.")
        String customerId;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Company c = company(d, customerId);
                return printed(d.updateCompany(c.toBuilder().validity(Validity.INVALID).build()), "invalidated");
            }
        }
    }

    @Command(name = "customers", header = "List the customers of a company (those whose customer ID is its own).",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele company customers acme", "  ./clientele company customers acme --json"})
    static final class CompanyCustomers extends Base {
        @Parameters(index = "0", paramLabel = "CUSTOMER_ID", description = "The company's customer ID.")
        String customerId;

        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                Company c = company(d, customerId);
                List<Customer> customers = d.findByCustomerId(c.customerId());
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("customerId", c.customerId());
                    m.put("customers", customers.stream().map(Views::customer).toList());
                    cli().printJson(m);
                    return Exit.OK;
                }
                Table t = new Table("LOGIN", "NAME", "EMAIL", "VALIDITY");
                customers.forEach(x -> t.row(x.login(), x.displayName(), x.email(), x.validity().key()));
                print(t, "company " + c.customerId() + " has no customer.");
                return Exit.OK;
            }
        }
    }

    @Command(name = "update", header = "Change the comment or the validity of a group.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele group update support --comment 'Second-level support'",
                "  ./clientele group update support --validity valid"})
    static final class UpdateGroup extends Written {
        @Parameters(index = "0", paramLabel = "NAME", description = "The group's name.")
        String name;
        @Option(names = "--comment", paramLabel = "TEXT", description = "A comment (\"\" clears it).")
        String comment;
        @Option(names = "--validity", paramLabel = "VALIDITY", description = "valid, invalid or invalid-temporarily.")
        Validity validity;

        @Override
        public Integer call() {
            if (comment == null && validity == null) {
                throw CliException.user("nothing to change: give --comment or --validity (see --help)");
            }
            try (CustomerDirectory d = openForWriting()) {
                Group g = group(d, name);
                if (comment != null) {
                    g = g.withComment(comment.isBlank() ? null : comment);
                }
                if (validity != null) {
                    g = g.withValidity(validity);
                }
                return printed(d.updateGroup(g), "updated");
            }
        }
    }

    @Command(name = "invalidate", header = "Invalidate a group: its links stay but grant nothing until it is valid"
            + " again.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele group invalidate support",
                "  ./clientele group update support --validity valid     (to undo)"})
    static final class InvalidateGroup extends Written {
        @Parameters(index = "0", paramLabel = "NAME", description = "The group's name.")
        String name;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                return printed(d.updateGroup(group(d, name).withValidity(Validity.INVALID)), "invalidated");
            }
        }
    }

    /** A command that prints the company or group it wrote. */
    abstract static class Written extends Base {
        Integer printed(Company c, String what) {
            if (json()) {
                cli().printJson(Views.company(c));
            } else {
                out().println("company " + c.customerId() + " " + what + ".");
            }
            return Exit.OK;
        }

        Integer printed(Group g, String what) {
            if (json()) {
                cli().printJson(Views.group(g));
            } else {
                out().println("group " + g.name() + " " + what + ".");
            }
            return Exit.OK;
        }
    }

    private static Company company(CustomerDirectory d, String customerId) {
        return d.findCompany(customerId).orElseThrow(() -> new NotFoundException("company", customerId));
    }

    private static Group group(CustomerDirectory d, String name) {
        return d.findGroup(name).orElseThrow(() -> new NotFoundException("group", name));
    }
}
