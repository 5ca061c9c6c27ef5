package dev.clientele.web.internal;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerPage;
import dev.clientele.CustomerQuery;
import dev.clientele.EffectivePermissions;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.PermissionExplanation;
import dev.clientele.SearchResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Customers &lt;-&gt; Groups from both sides, Companies &lt;-&gt; Groups (own and other-customer-IDs context),
 * Customer &lt;-&gt; Companies, and the permissions of a customer. Every save applies the change in one call
 * ({@code setGroupsOf}, {@code setCustomersOf}, {@code setMemberships}, {@code updateCustomer}) and
 * says what changed.
 */
final class CustomerLinks extends Screen {
    /** Customers a page of a group's member list. */
    static final int PAGE_SIZE = 50;

    CustomerLinks(CustomerDirectory directory, Templates templates) {
        super(directory, templates);
    }

    // ----- customer -> groups ------------------------------------------------------------------------------------

    void customerGroups(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        String filter = filter(x);
        Map<String, Permission> linked = directory.groupsOf(c.login());
        List<Views.LinkRow> rows = new ArrayList<>();
        for (Group g : directory.groups()) {
            if (matches(filter, g.name())) {
                Permission p = linked.get(g.name());
                rows.add(new Views.LinkRow(g.name(), g.name(), g.isValid(), p != null, p == Permission.RW));
            }
        }
        page(x, "customerGroups", new Views.CustomerGroupsView(frame(s, "admin", "Groups of " + c.login(),
                "customers"), c, filter, rows));
    }

    void saveCustomerGroups(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        List<String> shown = x.forms("shown");
        Map<String, Permission> before = directory.groupsOf(c.login());
        Map<String, Permission> after = new TreeMap<>(before);
        for (String g : shown) {
            if (directory.findGroup(g).isEmpty()) {
                throw Problem.badRequest("there is no group '" + g + "'");
            }
            apply(after, g, checkedPermission(x.forms("ro"), x.forms("rw"), g));
        }
        directory.setGroupsOf(c.login(), after);
        s.notice = "Groups of " + c.login() + " saved: " + changes(before, after) + ".";
        x.redirect(url("/admin/customer/groups", "login", c.login()));
    }

    // ----- group -> customers (paged) ----------------------------------------------------------------------------

    /**
     * A page of a group's customer list: keyset pages of every customer (after a login, {@value #PAGE_SIZE} a
     * page), or the customers a filter finds (the library's search), each with its link to the group
     * ({@code customersOf(group, logins)}: the links of the page's customers only); never all customers or all
     * links of the group at once.
     */
    Views.GroupView members(Frame frame, Group group, String filter, String after) {
        List<Customer> customers;
        String next = null;
        boolean more;
        if (filter.isBlank()) {
            CustomerPage p = directory.customers(after.isEmpty() ? null : after, PAGE_SIZE, true);
            customers = p.customers();
            more = p.morePages();
            next = p.nextAfter().orElse(null);
        } else {
            SearchResult r = directory.search(CustomerQuery.builder().text(filter).includeInvalid()
                    .limit(PAGE_SIZE).build());
            customers = r.customers();
            more = r.moreResults();
        }
        List<String> logins = new ArrayList<>();
        customers.forEach(c -> logins.add(c.login()));
        Map<String, Permission> linked = directory.customersOf(group.name(), logins);
        List<Views.LinkRow> rows = new ArrayList<>();
        for (Customer c : customers) {
            Permission p = linked.get(c.login());
            rows.add(new Views.LinkRow(c.login(), c.displayName() + " (" + c.customerId() + ")", c.isValid(),
                    p != null, p == Permission.RW));
        }
        return new Views.GroupView(frame, group, filter, rows, after, more ? next : null, more, linked.size());
    }

    /**
     * The companies linked to a group, on a page of their own: {@code companiesOf(group)} reads every link of the
     * group (customers' too: the SPI has no query by kind), which the paged member list must not pay for.
     */
    void groupCompanies(Exchange x, Sessions.Session s) {
        Group g = directory.findGroup(required(x, "name"))
                .orElseThrow(() -> Problem.notFound("there is no group '" + x.query("name") + "'"));
        List<String> companies = new ArrayList<>();
        directory.companiesOf(g.name()).forEach((id, p) -> companies.add(id + ": " + p.key()));
        page(x, "groupCompanies", new Views.GroupCompaniesView(frame(s, "admin", "Companies of group " + g.name(),
                "groups"), g, companies));
    }

    /** Saves the links of the page's customers only, in one call ({@code setCustomersOf(group, logins, links)}). */
    void saveGroupMembers(Exchange x, Sessions.Session s) {
        Group g = directory.findGroup(required(x, "name"))
                .orElseThrow(() -> Problem.notFound("there is no group '" + x.query("name") + "'"));
        List<String> shown = new ArrayList<>();
        Map<String, Permission> after = new TreeMap<>();
        for (String login : x.forms("shown")) {
            shown.add(checked("shown", login));
            apply(after, login, checkedPermission(x.forms("ro"), x.forms("rw"), login));
        }
        Map<String, Permission> before = directory.customersOf(g.name(), shown);
        directory.setCustomersOf(g.name(), shown, after);
        s.notice = "Customers of " + g.name() + " saved: " + changes(before, after) + ".";
        String back = Links.group(g.name());
        String filter = field(x, "filter");
        String from = field(x, "after");
        x.redirect(back + (filter == null || filter.isEmpty() ? "" : "&filter=" + Links.encode(filter))
                + (from == null || from.isEmpty() ? "" : "&after=" + Links.encode(from)));
    }

    // ----- company -> groups -------------------------------------------------------------------------------------

    List<Views.CompanyGroupRow> companyGroups(String customerId, String filter) {
        Map<String, Permission> own = new TreeMap<>();
        Map<String, Permission> other = new TreeMap<>();
        for (Membership m : directory.memberships(Membership.Kind.COMPANY, customerId)) {
            (m.context() == PermissionContext.OWN ? own : other).merge(m.group(), m.permission(), Permission::strongest);
        }
        List<Views.CompanyGroupRow> rows = new ArrayList<>();
        for (Group g : directory.groups()) {
            if (matches(filter, g.name())) {
                Permission p = own.get(g.name());
                Permission o = other.get(g.name());
                rows.add(new Views.CompanyGroupRow(g.name(), g.isValid(), p != null, p == Permission.RW, o != null,
                        o == Permission.RW));
            }
        }
        return rows;
    }

    /** Saves the company's links of both contexts in one call ({@code setMemberships}) and says what changed. */
    void saveCompanyGroups(Exchange x, Sessions.Session s) {
        Company company = directory.findCompany(required(x, "id"))
                .orElseThrow(() -> Problem.notFound("there is no company '" + x.query("id") + "'"));
        List<Membership> before = directory.memberships(Membership.Kind.COMPANY, company.customerId());
        List<Membership> after = new ArrayList<>();
        List<String> shown = x.forms("shown");
        for (Membership m : before) {
            if (!shown.contains(m.group())) {
                after.add(m);   // a group the filter hid keeps its links
            }
        }
        List<String> changed = new ArrayList<>();
        for (PermissionContext ctx : PermissionContext.values()) {
            String prefix = ctx == PermissionContext.OWN ? "" : "other-";
            Map<String, Permission> had = new TreeMap<>();
            before.stream().filter(m -> m.context() == ctx)
                    .forEach(m -> had.merge(m.group(), m.permission(), Permission::strongest));
            for (String g : shown) {
                if (directory.findGroup(g).isEmpty()) {
                    throw Problem.badRequest("there is no group '" + g + "'");
                }
                Permission want = checkedPermission(x.forms(prefix + "ro"), x.forms(prefix + "rw"), g);
                if (want != null) {
                    after.add(Membership.company(company.customerId(), g, want).inContext(ctx));
                }
                if (!Objects.equals(want, had.get(g))) {
                    changed.add(g + (ctx == PermissionContext.OWN ? "" : " (other customer IDs)") + ": "
                            + (had.get(g) == null ? "none" : had.get(g).key()) + " → "
                            + (want == null ? "none" : want.key()));
                }
            }
        }
        directory.setMemberships(Membership.Kind.COMPANY, company.customerId(), after);
        s.notice = "Groups of company " + company.customerId() + " saved: "
                + (changed.isEmpty() ? "no change" : String.join(", ", changed)) + ".";
        x.redirect(Links.company(company.customerId()));
    }

    // ----- customer -> companies ---------------------------------------------------------------------------------

    void customerCompanies(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        String filter = filter(x);
        List<Views.CompanyRow> rows = new ArrayList<>();
        for (Company co : directory.searchCompanies(filter.isBlank() ? null : filter, 1000).companies()) {
            boolean primary = co.customerId().equals(c.customerId());
            rows.add(new Views.CompanyRow(co.customerId(), String.valueOf(co.name()), primary,
                    primary || c.additionalCustomerIds().contains(co.customerId())));
        }
        page(x, "customerCompanies", new Views.CustomerCompaniesView(frame(s, "admin", "Companies of "
                + c.login(), "customers"), c, filter, rows));
    }

    void saveCustomerCompanies(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        long version = longField(x, "version");
        Set<String> ids = new LinkedHashSet<>(c.additionalCustomerIds());
        List<String> checkedIds = x.forms("company");
        for (String id : x.forms("shown")) {
            if (id.equals(c.customerId())) {
                continue;
            }
            if (checkedIds.contains(id)) {
                ids.add(checked("company", id));
            } else {
                ids.remove(id);
            }
        }
        Set<String> before = c.additionalCustomerIds();
        directory.updateCustomer(c.toBuilder().additionalCustomerIds(ids).version(version).build());
        Set<String> added = new LinkedHashSet<>(ids);
        added.removeAll(before);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(ids);
        s.notice = "Companies of " + c.login() + " saved: " + (added.isEmpty() && removed.isEmpty() ? "no change"
                : "added " + added + ", removed " + removed) + ".";
        x.redirect(url("/admin/customer/companies", "login", c.login()));
    }

    // ----- permissions -------------------------------------------------------------------------------------------

    void permissions(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        page(x, "permissions", new Views.PermissionsView(frame(s, "admin", "Permissions of " + c.login(),
                "customers"), c, explained(directory, c.login()), directory.accessibleCustomerIds(c.login())));
    }

    /** The effective groups of a customer, each with the steps of its explanation. */
    static List<Views.PermissionRow> explained(CustomerDirectory directory, String login) {
        EffectivePermissions p = directory.permissions(login);
        List<Views.PermissionRow> rows = new ArrayList<>();
        for (Map.Entry<String, Permission> e : new TreeMap<>(p.groups()).entrySet()) {
            PermissionExplanation ex = directory.explain(login, e.getKey());
            List<String> steps = new ArrayList<>();
            for (PermissionExplanation.Step st : ex.steps()) {
                steps.add(st.toString());
            }
            rows.add(new Views.PermissionRow(e.getKey(), e.getValue().key(), steps));
        }
        return rows;
    }

    // ----- helpers -----------------------------------------------------------------------------------------------

    static String filter(Exchange x) {
        String f = x.query("filter");
        return f == null ? "" : checked("filter", f.strip());
    }

    static boolean matches(String filter, String text) {
        return filter.isEmpty() || lower(text).contains(lower(filter));
    }

    private static void apply(Map<String, Permission> m, String key, Permission p) {
        if (p == null) {
            m.remove(key);
        } else {
            m.put(key, p);
        }
    }

    /** What changed between two link maps, for the notice. */
    static String changes(Map<String, Permission> before, Map<String, Permission> after) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            Permission b = before.get(k);
            Permission a = after.get(k);
            if (!Objects.equals(a, b)) {
                out.add(k + ": " + (b == null ? "none" : b.key()) + " → " + (a == null ? "none" : a.key()));
            }
        }
        return out.isEmpty() ? "no change" : String.join(", ", out);
    }
}
