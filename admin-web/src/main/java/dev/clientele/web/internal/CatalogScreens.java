package dev.clientele.web.internal;

import dev.clientele.BackendUnavailableException;
import dev.clientele.Company;
import dev.clientele.CompanySearchResult;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.ValidationException;
import dev.clientele.Validity;
import dev.clientele.spi.CustomerBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Groups and Companies screens (list, add, edit, validity; a company's customers) and the settings page. */
final class CatalogScreens extends Screen {
    private final CustomerLinks links;

    CatalogScreens(CustomerDirectory directory, Templates templates, CustomerLinks links) {
        super(directory, templates);
        this.links = links;
    }

    // ----- groups ------------------------------------------------------------------------------------------------

    void groups(Exchange x, Sessions.Session s) {
        groupsPage(x, s, 200, Map.of(), Map.of());
    }

    private void groupsPage(Exchange x, Sessions.Session s, int status, Map<String, String> values,
            Map<String, String> errors) {
        String filter = CustomerLinks.filter(x);
        List<Group> groups = directory.groups().stream().filter(g -> CustomerLinks.matches(filter, g.name()))
                .collect(Collectors.toList());
        Frame f = frame(s, "admin", "Groups", "groups");
        x.html(status, templates.render("groups", new Views.GroupsView(errors.isEmpty() ? f
                : withError(f, "The group was not added."), groups, filter, values, errors)));
    }

    void createGroup(Exchange x, Sessions.Session s) {
        String name = requiredField(x, "name");
        String comment = field(x, "comment");
        Map<String, String> values = Map.of("name", name, "comment", comment == null ? "" : comment);
        try {
            Group g = directory.createGroup(Group.of(name.strip()).withComment(blankToNull(comment)));
            s.notice = "Group " + g.name() + " added.";
            x.redirect(Links.group(g.name()));
        } catch (DuplicateKeyException e) {
            groupsPage(x, s, 409, values, Map.of("name", e.getMessage()));
        } catch (ValidationException e) {
            groupsPage(x, s, 400, values, errors(e, "name"));
        }
    }

    void group(Exchange x, Sessions.Session s) {
        Group g = findGroup(x);
        String after = x.query("after");
        Frame f = frame(s, "admin", "Group " + g.name(), "groups");
        page(x, "group", links.members(f, g, CustomerLinks.filter(x), after == null ? "" : checked("after", after)));
    }

    void updateGroup(Exchange x, Sessions.Session s) {
        Group g = findGroup(x);
        Group changed = new Group(g.name(), blankToNull(field(x, "comment")), validity(x));
        directory.updateGroup(changed);
        s.notice = "Group " + g.name() + " saved.";
        x.redirect(Links.group(g.name()));
    }

    private Group findGroup(Exchange x) {
        String name = required(x, "name");
        return directory.findGroup(name).orElseThrow(() -> Problem.notFound("there is no group '" + name + "'"));
    }

    // ----- companies ---------------------------------------------------------------------------------------------

    void companies(Exchange x, Sessions.Session s) {
        companiesPage(x, s, 200, Map.of(), Map.of());
    }

    private void companiesPage(Exchange x, Sessions.Session s, int status, Map<String, String> values,
            Map<String, String> errors) {
        String q = x.query("q");
        q = q == null ? "" : checked("q", q);
        CompanySearchResult r = directory.searchCompanies(q.isBlank() ? null : q);
        Frame f = frame(s, "admin", "Companies", "companies");
        x.html(status, templates.render("companies", new Views.CompaniesView(errors.isEmpty() ? f
                : withError(f, "The company was not added."), q, r.companies(), r.moreResults(), values, errors)));
    }

    void createCompany(Exchange x, Sessions.Session s) {
        Map<String, String> values = companyValues(x);
        try {
            Company c = directory.createCompany(bind(Company.builder(values.get("customerId")), values)
                    .validity(Validity.VALID).build());
            s.notice = "Company " + c.customerId() + " added.";
            x.redirect(Links.company(c.customerId()));
        } catch (DuplicateKeyException e) {
            companiesPage(x, s, 409, values, Map.of("customerId", e.getMessage()));
        } catch (ValidationException e) {
            companiesPage(x, s, 400, values, errors(e, "customerId"));
        }
    }

    void company(Exchange x, Sessions.Session s) {
        Company c = findCompany(x);
        companyPage(x, s, 200, c, Map.of());
    }

    private void companyPage(Exchange x, Sessions.Session s, int status, Company c, Map<String, String> errors) {
        String filter = CustomerLinks.filter(x);
        Frame f = frame(s, "admin", "Company " + c.customerId(), "companies");
        x.html(status, templates.render("company", new Views.CompanyView(errors.isEmpty() ? f
                : withError(f, "The company was not saved."), c, errors, directory.findByCustomerId(c.customerId()),
                filter, links.companyGroups(c.customerId(), filter))));
    }

    void updateCompany(Exchange x, Sessions.Session s) {
        Company c = findCompany(x);
        Map<String, String> values = companyValues(x);
        Company changed = bind(c.toBuilder(), values).validity(validity(x)).build();
        try {
            directory.updateCompany(changed);
            s.notice = "Company " + c.customerId() + " saved.";
            x.redirect(Links.company(c.customerId()));
        } catch (ValidationException e) {
            companyPage(x, s, 400, changed, errors(e, "name"));
        }
    }

    private Company findCompany(Exchange x) {
        String id = required(x, "id");
        return directory.findCompany(id).orElseThrow(() -> Problem.notFound("there is no company '" + id + "'"));
    }

    private static Map<String, String> companyValues(Exchange x) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("customerId", "name", "street", "zip", "city", "country", "url", "comment")) {
            String v = field(x, k);
            m.put(k, v == null ? "" : v);
        }
        return m;
    }

    private static Company.Builder bind(Company.Builder b, Map<String, String> v) {
        return b.name(v.get("name")).street(v.get("street")).zip(v.get("zip")).city(v.get("city"))
                .country(v.get("country")).url(v.get("url")).comment(v.get("comment"));
    }

    // ----- settings ----------------------------------------------------------------------------------------------

    void settings(Exchange x, Sessions.Session s) {
        CustomerGroupPolicy p = directory.policy();
        List<Views.BackendRow> rows = new ArrayList<>();
        for (CustomerBackend b : directory.backends().values()) {
            rows.add(new Views.BackendRow(b.name(), b.type(), stores(b), state(b)));
        }
        page(x, "settings", new Views.SettingsView(frame(s, "admin", "Settings", "settings"), p.groupSupport(),
                grants(p.alwaysGroups()), grants(p.companyAlwaysGroups()), p.companyInheritance(), rows));
    }

    private static String stores(CustomerBackend b) {
        List<String> l = new ArrayList<>();
        b.customers().ifPresent(st -> l.add("customers" + (st.readOnly() ? " (read-only)" : "")));
        b.credentials().ifPresent(st -> l.add("passwords" + (st.readOnly() ? " (read-only)" : "")));
        b.passwordVerifier().ifPresent(st -> l.add("login by the store" + (st.readOnly() ? " (read-only)" : "")));
        b.companies().ifPresent(st -> l.add("companies" + (st.readOnly() ? " (read-only)" : "")));
        b.groups().ifPresent(st -> l.add("groups" + (st.readOnly() ? " (read-only)" : "")));
        b.memberships().ifPresent(st -> l.add("memberships" + (st.readOnly() ? " (read-only)" : "")));
        b.state().ifPresent(st -> l.add("state"));
        return String.join(", ", l);
    }

    /** Whether the back-end answers: one indexed lookup of a login nobody has. */
    private static String state(CustomerBackend b) {
        if (b.customers().isEmpty()) {
            return "not probed (no customer store)";
        }
        try {
            b.customers().get().findByLogin("clientele-console-probe");
            return "reachable";
        } catch (BackendUnavailableException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    private static String grants(Map<String, Permission> m) {
        return m.isEmpty() ? "(none)" : m.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().key())
                .collect(Collectors.joining(", "));
    }

    // ----- helpers -----------------------------------------------------------------------------------------------

    static Validity validity(Exchange x) {
        String v = field(x, "validity");
        try {
            return v == null ? Validity.VALID : Validity.parse(v);
        } catch (ValidationException e) {
            throw Problem.badRequest("the field 'validity' is not valid, invalid or invalid-temporarily");
        }
    }

    private static Map<String, String> errors(ValidationException e, String fallback) {
        return e.errors().isEmpty() ? Map.of(fallback, e.getMessage()) : e.errors();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
