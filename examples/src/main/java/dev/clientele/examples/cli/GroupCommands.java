package dev.clientele.examples.cli;

import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.Validity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele group ...}: the Znuny {@code Admin::Group::Add} command and friends, for customer groups. */
@Command(name = "group",
        header = "Add, list, show, change or invalidate customer groups (queues are assigned to groups).",
        subcommands = {GroupCommands.Add.class, GroupCommands.ListGroups.class, GroupCommands.Show.class,
            CatalogCommands.UpdateGroup.class, CatalogCommands.InvalidateGroup.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele group add vip --comment 'Queue: VIP'", "  ./clientele group list"})
final class GroupCommands implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a sub-command: add, list, show, update"
                + " or invalidate");
    }

    @Command(name = "add", header = "Create a group.", footerHeading = "%nExamples:%n",
            footer = {"  ./clientele group add vip --comment 'Queue: VIP'"})
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The group's name.")
        String name;
        @Option(names = "--comment", paramLabel = "TEXT")
        String comment;
        @Option(names = "--validity", paramLabel = "VALIDITY", defaultValue = "valid",
                description = "valid (default), invalid or invalid-temporarily.")
        Validity validity;

        @Override
        public Integer call() {
            try (CustomerDirectory d = openForWriting()) {
                Group g = d.createGroup(new Group(name, comment, validity));
                if (json()) {
                    cli().printJson(Views.group(g));
                } else {
                    out().println("group " + g.name() + " created.");
                }
                return Exit.OK;
            }
        }
    }

    @Command(name = "list", header = "List the groups, with how many customers and companies are linked.",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele group list", "  ./clientele group list --json"})
    static final class ListGroups extends Base {
        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                List<Group> groups = d.groups();
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("groups", groups.stream().map(Views::group).toList());
                    cli().printJson(m);
                    return Exit.OK;
                }
                Table t = new Table("NAME", "VALIDITY", "CUSTOMERS", "COMPANIES", "COMMENT");
                for (Group g : groups) {
                    t.row(g.name(), g.validity().key(), d.customersOf(g.name()).size(),
                            d.companiesOf(g.name()).size(), g.comment());
                }
                print(t, "no group.");
                return Exit.OK;
            }
        }
    }

    @Command(name = "show", header = "Show a group with the customers and companies linked to it.",
            footerHeading = "%nExamples:%n", footer = {"  ./clientele group show support"})
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The group's name.")
        String name;

        @Override
        public Integer call() {
            try (CustomerDirectory d = open()) {
                Group g = d.findGroup(name).orElseThrow(() -> new NotFoundException("group", name));
                Map<String, Permission> customers = d.customersOf(g.name());
                Map<String, Permission> companies = d.companiesOf(g.name());
                Map<String, Object> view = Views.group(g);
                if (json()) {
                    view.put("customers", Views.permissions(customers));
                    view.put("companies", Views.permissions(companies));
                    cli().printJson(view);
                } else {
                    Views.printFields(out(), view);
                    out().println("customers: " + Views.linkList(customers));
                    out().println("companies: " + Views.linkList(companies));
                }
                return Exit.OK;
            }
        }
    }
}
