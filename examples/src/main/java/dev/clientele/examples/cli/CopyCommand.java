package dev.clientele.examples.cli;

import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;
import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.LoginStatus;
import dev.clientele.Membership;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.config.ClienteleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clientele copy [--from SOURCE.properties] --to OTHER.properties}: everything the public API can read, into
 * another directory — also from a Znuny/OTRS database (a {@code jdbc} back-end with {@code preset = znuny7}).
 */
@Command(name = "copy", header = "Copy groups, companies, customers and their links into another directory.",
        description = {"Reads the configured directory (or the one configured by --from) and writes into the one"
                + " configured by --to (for example from a Znuny database or the embedded H2 store to PostgreSQL,"
                + " or from one schema to another), then verifies that everything copied reads back the same. What"
                + " exists already in the target is kept and checked, so running it again is safe.",
            "Customers keep their created and changed timestamps, additional customer IDs and preferences."
                + " Passwords of the customers it copies go along as they are stored (their hashes, Znuny's legacy"
                + " ones too; nobody sees them), so customers log in as before. Links in the other-customer-ids"
                + " context go along, and so does the login state of the customers it copies (last login, failed"
                + " logins, lock-out: a locked account stays locked).",
            "CLIENTELE_* environment variables apply to the source only; the target is read from its file alone.",
            "Progress of the customers goes to stderr: a bar on a terminal, a line every 10,000 otherwise.",
            "Exit code 0 when everything was copied and verified, 4 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele copy --to postgres.properties",
            "  ./clientele copy --from znuny.properties --to clientele.properties",
            "  ./clientele --config old.properties copy --to new.properties --json"})
final class CopyCommand extends Base {
    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Configuration of the target.")
    Path to;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Configuration of the source (default: the tool's configuration, --config).")
    Path from;

    /** Counts of one kind. */
    static final class Count {
        int source;
        int copied;
        int existing;
        int refused;
        int verified;

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source);
            m.put("copied", copied);
            m.put("alreadyThere", existing);
            m.put("refused", refused);
            m.put("verified", verified);
            return m;
        }
    }

    /** The login states copied so far; counted as they are copied (each reads back by the same API). */
    private Count loginStates;
    /** True once the source said it keeps no login state: nothing to copy for any customer. */
    private boolean stateless;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(to)) {
            throw new CliException(Exit.CONFIG_ERROR, "the target configuration " + to + " does not exist", List.of());
        }
        if (from != null && !Files.isRegularFile(from)) {
            throw new CliException(Exit.CONFIG_ERROR, "the source configuration " + from + " does not exist",
                    List.of());
        }
        ClienteleConfig targetConfig = ClienteleConfig.load(to, Map.of());
        Count groups = new Count();
        Count preferences = new Count();
        long[] timesOwn = {0};
        Count companies = new Count();
        Count customers = new Count();
        Count links = new Count();
        Count passwords = new Count();
        loginStates = new Count();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        try (CustomerDirectory src = from == null ? open()
                    : CustomerDirectory.builder().config(ClienteleConfig.load(from, cli().env)).build();
                CustomerDirectory dst = cli().writesTo(
                        CustomerDirectory.builder().config(targetConfig).build())) {
            // 1. groups and companies: create what is missing
            List<Group> srcGroups = src.groups();
            for (Group g : srcGroups) {
                groups.source++;
                if (dst.findGroup(g.name()).isPresent()) {
                    groups.existing++;
                } else {
                    tryCopy(groups, problems, "group " + g.name(), () -> dst.createGroup(g));
                }
            }
            List<Company> srcCompanies = src.companies();
            for (Company c : srcCompanies) {
                companies.source++;
                if (dst.findCompany(c.customerId()).isPresent()) {
                    companies.existing++;
                } else {
                    tryCopy(companies, problems, "company " + c.customerId(), () -> dst.createCompany(c));
                }
            }
            // 2. customers: through the bulk import, streamed from the source a page at a time
            ImportResult r;
            Progress progress = new Progress(cli().err, json() ? Progress.Mode.NONE : cli().console() != null
                    ? Progress.Mode.BAR : Progress.Mode.LINES, 0, json());
            try (Stream<Customer> all = src.customers(true)) {
                Iterator<Customer> rows = all.peek(c -> progress.update(++customers.source, 0))
                        .map(c -> c.toBuilder().version(0).build()).iterator();
                r = dst.importCustomers(() -> rows, ImportOptions.defaults().withKeepTimestamps(true));
            }
            progress.done(customers.source, 0);
            customers.copied = r.added();
            for (ImportResult.Refused x : r.refused()) {
                boolean exists = "exists already".equals(x.errors().get("login"));
                if (exists) {
                    customers.existing++;
                } else {
                    customers.refused++;
                    problems.add("customer " + x.login() + " refused: " + x.errors());
                }
            }
            // 3. passwords of the customers copied now (those already there keep theirs): a second walk
            java.util.Set<String> notCopied = new java.util.HashSet<>();
            r.refused().forEach(x -> notCopied.add(dev.clientele.spi.Keys.of(x.login())));
            try (Stream<Customer> all = src.customers(true)) {
                for (Iterator<Customer> it = all.iterator(); it.hasNext(); ) {
                    Customer c = it.next();
                    copyOtherLinks(src, dst, Membership.Kind.CUSTOMER, c.login(), links, problems);
                    copyPreferences(src, dst, c.login(), preferences, problems);
                    if (notCopied.contains(dev.clientele.spi.Keys.of(c.login()))) {
                        continue;
                    }
                    copyLoginState(src, dst, c.login(), loginStates, problems);
                    try {
                        if (src.copyPasswordTo(c.login(), dst)) {
                            passwords.source++;
                            passwords.copied++;
                            passwords.verified++;
                        }
                    } catch (ClienteleException e) {
                        passwords.source++;
                        passwords.refused++;
                        problems.add("password of " + c.login() + " not copied: " + e.getMessage());
                    }
                }
            }
            // 4. links of customers and companies to groups (own context; the customers' other-customer-ids
            // links went along in step 3, the companies' go here)
            for (Company c : srcCompanies) {
                copyOtherLinks(src, dst, Membership.Kind.COMPANY, c.customerId(), links, problems);
            }
            for (Group g : srcGroups) {
                copyLinks(g.name(), src.customersOf(g.name()), dst.customersOf(g.name()), true, dst, links, problems);
                copyLinks(g.name(), src.companiesOf(g.name()), dst.companiesOf(g.name()), false, dst, links,
                        problems);
            }
            // 5. verification: everything of the source reads back the same from the target
            for (Group g : srcGroups) {
                verify(groups, problems, "group " + g.name(), dst.findGroup(g.name()).orElse(null), g);
            }
            for (Company c : srcCompanies) {
                verify(companies, problems, "company " + c.customerId(), dst.findCompany(c.customerId()).orElse(null),
                        c);
            }
            try (Stream<Customer> all = src.customers(true)) {
                for (Iterator<Customer> it = all.iterator(); it.hasNext(); ) {
                    Customer c = it.next();
                    Customer t = dst.findCustomer(c.login()).orElse(null);
                    Map<String, Object> expected = comparable(c);
                    Map<String, Object> found = t == null ? null : comparable(t);
                    if (found != null && !found.equals(expected)
                            && withoutTimes(found).equals(withoutTimes(expected))) {
                        // a target that keeps timestamps of its own (a directory's createTimestamp) or none
                        timesOwn[0]++;
                        found = expected;
                    }
                    verify(customers, problems, "customer " + c.login(), found, expected);
                }
            }
            for (Group g : srcGroups) {
                Map<String, Permission> dc = dst.customersOf(g.name());
                src.customersOf(g.name()).forEach((l, p) -> verify(links, problems, "link of customer " + l + " to "
                        + g.name(), dc.get(l), p));
                Map<String, Permission> dco = dst.companiesOf(g.name());
                src.companiesOf(g.name()).forEach((c, p) -> verify(links, problems, "link of company " + c + " to "
                        + g.name(), dco.get(c), p));
            }
        }
        double secs = (System.nanoTime() - started) / 1e9;
        boolean ok = problems.isEmpty();
        String note = "password hashes and login state (last login, failed logins, lock-out) of the copied customers"
                + " were copied as stored; customers that check their password elsewhere (an LDAP bind) have no hash"
                + " to copy" + (stateless ? "; the source keeps no login state" : "") + ".";
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", to.toString());
            m.put("groups", groups.view());
            m.put("companies", companies.view());
            m.put("customers", customers.view());
            m.put("links", links.view());
            m.put("preferences", preferences.view());
            m.put("customersWithTargetTimestamps", timesOwn[0]);
            m.put("problems", problems);
            m.put("verified", ok);
            m.put("passwords", passwords.view());
            m.put("loginStates", loginStates.view());
            m.put("note", note);
            cli().printJson(m);
        } else {
            out().printf(java.util.Locale.ROOT, "copy to %s (%.1f s):%n", to, secs);
            Table t = new Table("KIND", "IN SOURCE", "COPIED", "ALREADY THERE", "REFUSED", "VERIFIED");
            row(t, "groups", groups);
            row(t, "companies", companies);
            row(t, "customers", customers);
            row(t, "links", links);
            row(t, "preferences", preferences);
            row(t, "passwords", passwords);
            row(t, "login states", loginStates);
            t.print(out(), cli().columns());
            if (!ok) {
                out().println("problems:");
                problems.stream().limit(100).forEach(p -> out().println("  " + p));
                if (problems.size() > 100) {
                    out().println("  ... and " + (problems.size() - 100) + " more (--json lists them all)");
                }
            }
            if (timesOwn[0] > 0) {
                out().println("note: " + timesOwn[0] + " customers have the target's own created/changed timestamps"
                        + " (it does not keep the source's)");
            }
            out().println("verification: " + (ok ? "everything copied reads back the same." : "FAILED (see above)."));
            out().println("note: " + note);
        }
        return ok ? Exit.OK : Exit.REFUSED;
    }

    private static void row(Table t, String kind, Count c) {
        t.row(kind, c.source, c.copied, c.existing, c.refused, c.verified);
    }

    private static void tryCopy(Count count, List<String> problems, String what, Runnable write) {
        try {
            write.run();
            count.copied++;
        } catch (DuplicateKeyException e) {
            count.existing++;
        } catch (ClienteleException e) {
            count.refused++;
            problems.add(what + " refused: " + e.getMessage());
        }
    }

    private static void copyLinks(String group, Map<String, Permission> from, Map<String, Permission> already,
            boolean customers, CustomerDirectory dst, Count count, List<String> problems) {
        from.forEach((subject, p) -> {
            count.source++;
            if (p == already.get(subject)) {
                count.existing++;
                return;
            }
            tryCopy(count, problems, (customers ? "link of customer " : "link of company ") + subject + " to " + group,
                    () -> {
                        if (customers) {
                            dst.link(subject, group, p);
                        } else {
                            dst.linkCompany(subject, group, p);
                        }
                    });
        });
    }

    /**
     * Copies the links of one customer or company in the other-customer-ids context, and checks each reads back from
     * the target. A subject the target does not have (refused above) is skipped: its refusal is reported already.
     */
    private static void copyOtherLinks(CustomerDirectory src, CustomerDirectory dst, Membership.Kind kind,
            String subject, Count count, List<String> problems) {
        List<Membership> other = src.memberships(kind, subject).stream()
                .filter(m -> m.context() == PermissionContext.OTHER_CUSTOMER_IDS).toList();
        if (other.isEmpty()) {
            return;
        }
        List<Membership> there;
        try {
            there = dst.memberships(kind, subject);
        } catch (NotFoundException e) {
            return;
        }
        for (Membership m : other) {
            count.source++;
            String what = "other-customer-ids link of " + (kind == Membership.Kind.CUSTOMER ? "customer " : "company ")
                    + subject + " to " + m.group();
            if (there.contains(m)) {
                count.existing++;
                count.verified++;
                continue;
            }
            tryCopy(count, problems, what, () -> dst.putMembership(m));
            verify(count, problems, what, dst.memberships(kind, subject).contains(m) ? m : null, m);
        }
    }

    private static void verify(Count count, List<String> problems, String what, Object target, Object expected) {
        if (target == null) {
            problems.add(what + ": missing in the target");
        } else if (!Objects.equals(target, expected)) {
            problems.add(what + ": differs in the target");
        } else {
            count.verified++;
        }
    }

    /**
     * Copies the login state of one customer the import just added (last login, failures, lock-out), verified as it
     * reads back; a customer that never logged in has none and is not counted. A source without a state store has
     * none at all: said once in the note, not as a problem per customer.
     */
    private void copyLoginState(CustomerDirectory src, CustomerDirectory dst, String login, Count count,
            List<String> problems) {
        if (stateless) {
            return;
        }
        LoginStatus before;
        try {
            before = src.loginStatus(login);
        } catch (ConfigurationException e) {
            stateless = true;
            return;
        }
        try {
            if (!src.copyLoginStateTo(login, dst)) {
                return;
            }
            count.source++;
            count.copied++;
            LoginStatus after = dst.loginStatus(login);
            verify(count, problems, "login state of " + login, List.of(after.lastLogin(), after.failedLogins(),
                    after.lockedUntil()), List.of(before.lastLogin(), before.failedLogins(), before.lockedUntil()));
        } catch (ClienteleException e) {
            count.source++;
            count.refused++;
            problems.add("login state of " + login + " not copied: " + e.getMessage());
        }
    }

    /**
     * Copies the preferences of one customer the target has, each verified as it reads back; one equal already is
     * counted as there.
     */
    private static void copyPreferences(CustomerDirectory src, CustomerDirectory dst, String login, Count count,
            List<String> problems) {
        Map<String, String> prefs = src.preferences(login);
        if (prefs.isEmpty() || dst.findCustomer(login).isEmpty()) {
            return;
        }
        Map<String, String> there = dst.preferences(login);
        prefs.forEach((k, v) -> {
            count.source++;
            String what = "preference " + k + " of " + login;
            if (v.equals(there.get(k))) {
                count.existing++;
                count.verified++;
                return;
            }
            tryCopy(count, problems, what, () -> dst.setPreference(login, k, v));
            verify(count, problems, what, dst.preferences(login).get(k), v);
        });
    }

    private static Map<String, Object> withoutTimes(Map<String, Object> customer) {
        Map<String, Object> m = new LinkedHashMap<>(customer);
        m.remove("created");
        m.remove("changed");
        return m;
    }

    /** A customer without what the target sets itself (its version); timestamps are the source's, and compared. */
    private static Map<String, Object> comparable(Customer c) {
        Map<String, Object> m = Views.customer(c);
        m.remove("version");
        return m;
    }
}
