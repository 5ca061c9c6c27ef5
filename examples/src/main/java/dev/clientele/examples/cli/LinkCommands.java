package dev.clientele.examples.cli;

import dev.clientele.CustomerDirectory;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele link ...} and {@code clientele unlink ...}: Customers &lt;-&gt; Groups, Companies &lt;-&gt; Groups. */
final class LinkCommands {
    private LinkCommands() {
    }

    /** {@code customer} or {@code company}. */
    enum Kind {
        CUSTOMER, COMPANY
    }

    @Command(name = "link", header = "Link a customer or a company to a group with ro or rw (Znuny"
            + " Admin::Group::CustomerLink).",
            description = {"A link replaces the subject's earlier link to that group. A company's links apply to"
                    + " its customers (company inheritance). With --context other-customer-ids the link lets the"
                    + " customer see the tickets of every company linked to the group."},
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele link customer jdoe support rw", "  ./clientele link company acme billing ro",
                "  ./clientele link customer jdoe partners ro --context other-customer-ids"})
    static final class Link extends Base {
        @Parameters(index = "0", paramLabel = "customer|company", description = "What to link.")
        Kind kind;
        @Parameters(index = "1", paramLabel = "LOGIN|CUSTOMER_ID",
                description = "The customer's login, or the company's customer ID.")
        String subject;
        @Parameters(index = "2", paramLabel = "GROUP", description = "The group's name.")
        String group;
        @Parameters(index = "3", paramLabel = "ro|rw", description = "Read only, or read and write.")
        Permission permission;
        @Option(names = "--context", paramLabel = "CONTEXT", defaultValue = "own",
                description = "own (default) or other-customer-ids.")
        PermissionContext context;

        @Override
        public Integer call() {
            Membership m = (kind == Kind.CUSTOMER ? Membership.customer(subject, group, permission)
                    : Membership.company(subject, group, permission)).inContext(context);
            try (CustomerDirectory d = openForWriting()) {
                d.putMembership(m);
            }
            if (json()) {
                cli().printJson(view(m, "linked"));
            } else {
                out().println(kind.name().toLowerCase(Locale.ROOT) + " " + subject + " linked to group " + group
                        + " with " + permission.key()
                        + (context == PermissionContext.OWN ? "" : " (context other-customer-ids)") + ".");
            }
            return Exit.OK;
        }
    }

    @Command(name = "unlink", header = "Remove the link of a customer or a company to a group.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele unlink customer jdoe support", "  ./clientele unlink company acme billing"})
    static final class Unlink extends Base {
        @Parameters(index = "0", paramLabel = "customer|company", description = "What to unlink.")
        Kind kind;
        @Parameters(index = "1", paramLabel = "LOGIN|CUSTOMER_ID",
                description = "The customer's login, or the company's customer ID.")
        String subject;
        @Parameters(index = "2", paramLabel = "GROUP", description = "The group's name.")
        String group;
        @Option(names = "--context", paramLabel = "CONTEXT", defaultValue = "own",
                description = "own (default) or other-customer-ids.")
        PermissionContext context;

        @Override
        public Integer call() {
            Membership m = (kind == Kind.CUSTOMER ? Membership.customer(subject, group, Permission.RO)
                    : Membership.company(subject, group, Permission.RO)).inContext(context);
            boolean removed;
            try (CustomerDirectory d = openForWriting()) {
                removed = d.removeMembership(m);
            }
            if (json()) {
                Map<String, Object> v = view(m, removed ? "unlinked" : "not-linked");
                v.remove("permission");
                cli().printJson(v);
            } else {
                out().println(kind.name().toLowerCase(Locale.ROOT) + " " + subject
                        + (removed ? " unlinked from group " : " was not linked to group ") + group + ".");
            }
            return Exit.OK;
        }
    }

    static Map<String, Object> view(Membership m, String result) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("result", result);
        v.put("kind", m.kind());
        v.put(m.kind() == Membership.Kind.CUSTOMER ? "login" : "customerId", m.subject());
        v.put("group", m.group());
        v.put("permission", m.permission().key());
        v.put("context", m.context());
        return v;
    }
}
