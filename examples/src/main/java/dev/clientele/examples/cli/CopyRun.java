package dev.clientele.examples.cli;

import dev.clientele.ClienteleException;
import dev.clientele.Company;
import dev.clientele.ConfigurationException;
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
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One run of {@link CopyCommand}: copies everything the public API reads from {@code src} into {@code dst}, step
 * by step ({@link #run(Supplier)}), counting each kind and collecting every problem, then verifies it reads back.
 */
final class CopyRun {
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

    final Count groups = new Count();
    final Count companies = new Count();
    final Count customers = new Count();
    final Count links = new Count();
    final Count preferences = new Count();
    final Count passwords = new Count();
    /** The login states copied so far; counted as they are copied (each reads back by the same API). */
    final Count loginStates = new Count();
    /** Every problem, one line each. */
    final List<String> problems = new ArrayList<>();
    /** Customers that read back with the target's own timestamps (it keeps none of the source's). */
    long customersWithTargetTimestamps;
    /** True once the source said it keeps no login state: nothing to copy for any customer. */
    boolean stateless;

    private final CustomerDirectory src;
    private final CustomerDirectory dst;

    CopyRun(CustomerDirectory src, CustomerDirectory dst) {
        this.src = src;
        this.dst = dst;
    }

    /** Copies and verifies everything, the customers' progress shown on one {@code progress} makes as they start. */
    void run(Supplier<Progress> progress) {
        // 1. groups and companies: create what is missing
        List<Group> srcGroups = src.groups();
        for (Group g : srcGroups) {
            groups.source++;
            if (dst.findGroup(g.name()).isPresent()) {
                groups.existing++;
            } else {
                tryCopy(groups, "group " + g.name(), () -> dst.createGroup(g));
            }
        }
        List<Company> srcCompanies = src.companies();
        for (Company c : srcCompanies) {
            companies.source++;
            if (dst.findCompany(c.customerId()).isPresent()) {
                companies.existing++;
            } else {
                tryCopy(companies, "company " + c.customerId(), () -> dst.createCompany(c));
            }
        }
        ImportResult r = importCustomers(progress.get());
        copyCustomersOwn(r);
        // 4. links of customers and companies to groups (own context; the customers' other-customer-ids
        // links went along in step 3, the companies' go here)
        for (Company c : srcCompanies) {
            copyOtherLinks(Membership.Kind.COMPANY, c.customerId());
        }
        for (Group g : srcGroups) {
            copyLinks(g.name(), src.customersOf(g.name()), dst.customersOf(g.name()), true);
            copyLinks(g.name(), src.companiesOf(g.name()), dst.companiesOf(g.name()), false);
        }
        verifyAll(srcGroups, srcCompanies);
    }

    /** 2. customers: through the bulk import, streamed from the source a page at a time. */
    private ImportResult importCustomers(Progress progress) {
        ImportResult r;
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
        return r;
    }

    /**
     * 3. what belongs to each customer, in a second walk: its other-customer-ids links and preferences; and for
     * the customers copied now (those already there keep theirs), their login state and password.
     */
    private void copyCustomersOwn(ImportResult imported) {
        Set<String> notCopied = new HashSet<>();
        imported.refused().forEach(x -> notCopied.add(Keys.of(x.login())));
        try (Stream<Customer> all = src.customers(true)) {
            for (Iterator<Customer> it = all.iterator(); it.hasNext(); ) {
                Customer c = it.next();
                copyOtherLinks(Membership.Kind.CUSTOMER, c.login());
                copyPreferences(c.login());
                if (notCopied.contains(Keys.of(c.login()))) {
                    continue;
                }
                copyLoginState(c.login());
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
    }

    /** 5. verification: everything of the source reads back the same from the target. */
    private void verifyAll(List<Group> srcGroups, List<Company> srcCompanies) {
        for (Group g : srcGroups) {
            verify(groups, "group " + g.name(), dst.findGroup(g.name()).orElse(null), g);
        }
        for (Company c : srcCompanies) {
            verify(companies, "company " + c.customerId(), dst.findCompany(c.customerId()).orElse(null), c);
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
                    customersWithTargetTimestamps++;
                    found = expected;
                }
                verify(customers, "customer " + c.login(), found, expected);
            }
        }
        for (Group g : srcGroups) {
            Map<String, Permission> dc = dst.customersOf(g.name());
            src.customersOf(g.name()).forEach((l, p) -> verify(links, "link of customer " + l + " to "
                    + g.name(), dc.get(l), p));
            Map<String, Permission> dco = dst.companiesOf(g.name());
            src.companiesOf(g.name()).forEach((c, p) -> verify(links, "link of company " + c + " to "
                    + g.name(), dco.get(c), p));
        }
    }

    private void tryCopy(Count count, String what, Runnable write) {
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

    private void copyLinks(String group, Map<String, Permission> from, Map<String, Permission> already,
            boolean ofCustomers) {
        from.forEach((subject, p) -> {
            links.source++;
            if (p == already.get(subject)) {
                links.existing++;
                return;
            }
            tryCopy(links, (ofCustomers ? "link of customer " : "link of company ") + subject + " to " + group,
                    () -> {
                        if (ofCustomers) {
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
    private void copyOtherLinks(Membership.Kind kind, String subject) {
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
            links.source++;
            String what = "other-customer-ids link of " + (kind == Membership.Kind.CUSTOMER ? "customer " : "company ")
                    + subject + " to " + m.group();
            if (there.contains(m)) {
                links.existing++;
                links.verified++;
                continue;
            }
            tryCopy(links, what, () -> dst.putMembership(m));
            verify(links, what, dst.memberships(kind, subject).contains(m) ? m : null, m);
        }
    }

    private void verify(Count count, String what, Object target, Object expected) {
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
    private void copyLoginState(String login) {
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
            loginStates.source++;
            loginStates.copied++;
            LoginStatus after = dst.loginStatus(login);
            verify(loginStates, "login state of " + login, List.of(after.lastLogin(), after.failedLogins(),
                    after.lockedUntil()), List.of(before.lastLogin(), before.failedLogins(), before.lockedUntil()));
        } catch (ClienteleException e) {
            loginStates.source++;
            loginStates.refused++;
            problems.add("login state of " + login + " not copied: " + e.getMessage());
        }
    }

    /**
     * Copies the preferences of one customer the target has, each verified as it reads back; one equal already is
     * counted as there.
     */
    private void copyPreferences(String login) {
        Map<String, String> prefs = src.preferences(login);
        if (prefs.isEmpty() || dst.findCustomer(login).isEmpty()) {
            return;
        }
        Map<String, String> there = dst.preferences(login);
        prefs.forEach((k, v) -> {
            preferences.source++;
            String what = "preference " + k + " of " + login;
            if (v.equals(there.get(k))) {
                preferences.existing++;
                preferences.verified++;
                return;
            }
            tryCopy(preferences, what, () -> dst.setPreference(login, k, v));
            verify(preferences, what, dst.preferences(login).get(k), v);
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
