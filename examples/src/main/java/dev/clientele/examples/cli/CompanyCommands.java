package dev.clientele.examples.cli;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.Validity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele company ...}: the Znuny {@code Admin::CustomerCompany::*} commands. */
@Command(name = "company", header = "Add, show, change, invalidate or list customer companies.",
        subcommands = {CompanyCommands.Add.class, CompanyCommands.Show.class, CompanyCommands.ListCompanies.class,
            CatalogCommands.UpdateCompany.class, CatalogCommands.InvalidateCompany.class,
            CatalogCommands.CompanyCustomers.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele company add globex --name 'Globex Corp.' --city Springfield", "  ./clientele company list"})
final class CompanyCommands implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a sub-command: add, show, update,"
                + " invalidate, customers or list");
    }

    /** The optional fields of a company as options; a field not given is left as it is (a new one: valid). */
    static final class Fields {
        @Option(names = "--street", paramLabel = "TEXT")
        String street;
        @Option(names = "--zip", paramLabel = "TEXT")
        String zip;
        @Option(names = "--city", paramLabel = "TEXT")
        String city;
        @Option(names = "--country", paramLabel = "TEXT")
        String country;
        @Option(names = "--url", paramLabel = "URL")
        String url;
        @Option(names = "--comment", paramLabel = "TEXT")
        String comment;
        @Option(names = "--validity", paramLabel = "VALIDITY", description = "valid (a new company's default),"
                + " invalid or invalid-temporarily.")
        Validity validity;

        /** True when no field option was given. */
        boolean none() {
            return Stream.of(street, zip, city, country, url, comment, validity).allMatch(Objects::isNull);
        }

        Company.Builder applyTo(Company.Builder b) {
            set(street, b::street);
            set(zip, b::zip);
            set(city, b::city);
            set(country, b::country);
            set(url, b::url);
            set(comment, b::comment);
            if (validity != null) {
                b.validity(validity);
            }
            return b;
        }

        private static void set(String value, Consumer<String> setter) {
            if (value != null) {
                setter.accept(value);
            }
        }
    }

    @Command(name = "add", header = "Create a company (Znuny Admin::CustomerCompany::Add).",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele company add initech --name 'Initech' --street '1 Road Runner Way' --city Phoenix"
                    + " --country US --url https://acme.example"})
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "CUSTOMER_ID", description = "The company's key; customers point to it.")
        String customerId;
        @Option(names = "--name", paramLabel = "NAME", required = true, description = "The company's name"
                + " (mandatory).")
        String name;
        @Mixin
        Fields fields;

        @Override
        public Integer call() {
            Company c = fields.applyTo(Company.builder(customerId).name(name)).build();
            try (CustomerDirectory d = openForWriting()) {
                Company created = d.createCompany(c);
                if (json()) {
                    cli().printJson(Views.company(created));
                } else {
                    out().println("company " + created.customerId() + " created.");
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "show", header = "Show a company, its customers and its group links.",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele company show acme"})
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "CUSTOMER_ID", description = "The company's customer ID.")
        String customerId;

        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                Company c = d.findCompany(customerId).orElseThrow(() -> new NotFoundException("company", customerId));
                List<String> customers = d.findByCustomerId(c.customerId()).stream().map(Customer::login).toList();
                Map<String, Permission> links = d.groupsOfCompany(c.customerId());
                Map<String, Object> view = Views.company(c);
                if (json()) {
                    view.put("customers", customers);
                    view.put("groups", Views.permissions(links));
                    cli().printJson(view);
                } else {
                    Views.printFields(out(), view);
                    out().println("customers: " + (customers.isEmpty() ? "(none)" : String.join(", ", customers)));
                    out().println("groups (stored links): " + Views.linkList(links));
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "list", header = "List the companies.", footerHeading = "%nExamples:%n",
            footer = {"  ./clientele company list", "  ./clientele company list --json"})
    static final class ListCompanies extends Base {
        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                List<Company> companies = d.companies();
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("companies", companies.stream().map(Views::company).toList());
                    cli().printJson(m);
                    return Exit.OK;
                }
                Table t = new Table("CUSTOMER ID", "NAME", "CITY", "COUNTRY", "VALIDITY");
                companies.forEach(c -> t.row(c.customerId(), c.name(), c.city(), c.country(),
                        c.validity().key()));
                print(t, "no company.");
                return Exit.OK;
            }
        }
    }
}
