package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.NotFoundException;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.EffectivePermissions;
import dev.clientele.Permission;
import dev.clientele.PermissionExplanation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clientele permissions LOGIN [GROUP] [--explain]}: effective permissions, by the configured policy. */
@Command(name = "permissions", header = "Show a customer's effective permissions, or explain one group.",
        description = {"Effective permissions come from the policy (clientele.policy.*): always-groups, company"
                + " always-groups, the customer's own links and its companies' links; RW implies RO. With GROUP,"
                + " --explain lists every rule that applied. --require makes the exit code answer the question"
                + " (4 when the permission is not held)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele permissions jdoe", "  ./clientele permissions jdoe support --explain",
            "  ./clientele permissions jdoe support --require rw && echo 'may answer tickets'"})
final class PermissionsCommand extends Base {
    @Parameters(index = "0", paramLabel = "LOGIN", description = "The customer's login (any case).")
    String login;
    @Parameters(index = "1", paramLabel = "GROUP", arity = "0..1", description = "One group only.")
    String group;
    @Option(names = "--explain", description = "With GROUP: which rules granted (or blocked) what.")
    boolean explain;
    @Option(names = "--require", paramLabel = "ro|rw", description = "With GROUP: exit 4 unless this is held.")
    Permission require;

    @Override
    public Integer call() {
        if (group == null && (explain || require != null)) {
            throw CliException.user("--explain and --require need a GROUP: ./clientele permissions " + login + " GROUP");
        }
        try (CustomerDirectory d = open()) {
            Customer c = d.getCustomer(login);
            CustomerGroupPolicy policy = d.policy();
            if (group == null) {
                EffectivePermissions p = d.permissions(c.login());
                if (json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("login", c.login());
                    m.put("valid", c.isValid());
                    m.put("groupSupport", policy.groupSupport());
                    m.put("groups", Views.permissions(p.groups()));
                    m.put("customerIds", p.customerIds());
                    cli().printJson(m);
                    return Exit.OK;
                }
                out().println("effective permissions of " + c.login() + (c.isValid() ? ""
                        : " (invalid customer: none)") + ":");
                Table t = new Table("GROUP", "PERMISSION");
                p.groups().forEach((g, perm) -> t.row(g, perm.key()));
                print(t, "  (no group)");
                out().println("tickets of customer IDs: " + (p.customerIds().isEmpty() ? "(none)"
                        : String.join(", ", p.customerIds())));
                if (!policy.groupSupport()) {
                    out().println("note: group support is off (clientele.policy.group-support = false): every valid"
                            + " customer has rw on every valid group.");
                }
                return Exit.OK;
            }
            if (d.findGroup(group).isEmpty()) {
                throw new NotFoundException("group", group);
            }
            Optional<Permission> held;
            PermissionExplanation why = null;
            if (explain) {
                why = d.explain(c.login(), group);
                held = why.effective();
            } else {
                held = d.permissions(c.login()).permission(group);
            }
            boolean ok = require == null || held.map(h -> h.implies(require)).orElse(false);
            if (json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("login", c.login());
                m.put("group", group);
                m.put("permission", held.map(Permission::key).orElse(null));
                if (require != null) {
                    m.put("required", require.key());
                    m.put("granted", ok);
                }
                if (why != null) {
                    List<Map<String, Object>> steps = new ArrayList<>();
                    for (PermissionExplanation.Step s : why.steps()) {
                        Map<String, Object> step = new LinkedHashMap<>();
                        step.put("rule", s.rule());
                        step.put("granted", s.granted().map(Permission::key).orElse(null));
                        step.put("detail", s.detail());
                        steps.add(step);
                    }
                    m.put("steps", steps);
                }
                cli().printJson(m);
            } else {
                out().println(c.login() + " on " + group + ": " + held.map(Permission::key).orElse("none")
                        + (require == null ? "" : ok ? " (" + require.key() + " granted)"
                        : " (" + require.key() + " NOT granted)"));
                if (why != null) {
                    for (PermissionExplanation.Step s : why.steps()) {
                        out().println("  - " + s.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                                + s.granted().map(g -> " -> " + g.key()).orElse("") + ": " + s.detail());
                    }
                    if (why.steps().isEmpty()) {
                        out().println("  - no rule grants anything on this group");
                    }
                }
            }
            return ok ? Exit.OK : Exit.REFUSED;
        }
    }
}
