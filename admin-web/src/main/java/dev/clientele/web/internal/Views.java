package dev.clientele.web.internal;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.Group;
import dev.clientele.LoginStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The models of the pages (one record a template); the templates escape every value they print. */
public final class Views {
    private Views() {
    }

    /** @param status the HTTP status @param message what was wrong */
    public record ErrorView(int status, String message) {
    }

    /** A login form. @param frame the frame @param name the name typed so far */
    public record LoginView(Frame frame, String name) {
    }

    /** One field of the customer form. */
    public record Field(String key, String label, boolean mandatory, int maxLength) {
    }

    /** The Customers screen: a search and its results. */
    public record CustomersView(Frame frame, String q, boolean invalid, List<Customer> rows, boolean more,
            boolean searched) {
    }

    /** Add or edit a customer: the fields, their values and every field's error. */
    public record CustomerForm(Frame frame, boolean isNew, List<Field> fields, Map<String, String> values,
            Map<String, String> errors, long version, String validity, @Nullable LoginStatus status,
            List<String> passwordErrors, boolean conflict) {
        /** @return the value of a field, or "" */
        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        /** @return the error of a field, or null */
        public @Nullable String error(String key) {
            return errors.get(key);
        }

        /** @return the login being edited */
        public String login() {
            return value("login");
        }
    }

    /** One row of ro/rw checkboxes: a key (group, login or customer ID), a label and what is checked. */
    public record LinkRow(String key, String label, boolean valid, boolean ro, boolean rw) {
    }

    /** The groups of a customer, with ro/rw checkboxes. */
    public record CustomerGroupsView(Frame frame, Customer customer, String filter, List<LinkRow> rows) {
    }

    /** One company of a customer's companies screen. */
    public record CompanyRow(String customerId, String name, boolean primary, boolean checked) {
    }

    /** The companies of a customer (its customer ID and the additional ones). */
    public record CustomerCompaniesView(Frame frame, Customer customer, String filter, List<CompanyRow> rows) {
    }

    /** One effective group and how it was granted. */
    public record PermissionRow(String group, String permission, List<String> steps) {
    }

    /** The permissions of a customer. */
    public record PermissionsView(Frame frame, Customer customer, List<PermissionRow> rows, Set<String> customerIds) {
    }

    /** The Groups screen. */
    public record GroupsView(Frame frame, List<Group> groups, String filter, Map<String, String> values,
            Map<String, String> errors) {
    }

    /** One group: its fields, a page of customers with ro/rw checkboxes and its companies. */
    public record GroupView(Frame frame, Group group, String filter, List<LinkRow> members, String after,
            @Nullable String next, boolean more, int linked) {
    }

    /** The companies linked to a group. */
    public record GroupCompaniesView(Frame frame, Group group, List<String> companies) {
    }

    /** The Companies screen. */
    public record CompaniesView(Frame frame, String q, List<Company> companies, boolean more,
            Map<String, String> values, Map<String, String> errors) {
    }

    /** One company's group row: ro/rw in its own context and in the other-customer-IDs context. */
    public record CompanyGroupRow(String group, boolean valid, boolean ro, boolean rw, boolean otherRo,
            boolean otherRw) {
    }

    /** One company: its fields, its customers and its groups. */
    public record CompanyView(Frame frame, Company company, Map<String, String> errors, List<Customer> customers,
            String filter, List<CompanyGroupRow> groups) {
    }

    /** One configured back-end as the settings page shows it. */
    public record BackendRow(String name, String type, String stores, String state) {
    }

    /** The settings page (read-only). */
    public record SettingsView(Frame frame, boolean groupSupport, String alwaysGroups, String companyAlwaysGroups,
            boolean companyInheritance, List<BackendRow> backends) {
    }

    /** The customer's own account. */
    public record AccountView(Frame frame, Customer customer, List<Field> fields, Map<String, String> values,
            Map<String, String> errors, List<String> passwordErrors) {
        /** @return the value of a field, or "" */
        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        /** @return the error of a field, or null */
        public @Nullable String error(String key) {
            return errors.get(key);
        }

        /** @return whether the customer may change the field itself */
        public boolean own(String key) {
            return fields.stream().anyMatch(f -> f.key().equals(key));
        }
    }

    /** The customer's own groups and the customer IDs whose tickets it may see. */
    public record MyGroupsView(Frame frame, List<PermissionRow> groups, Set<String> customerIds) {
    }

    /** The forgotten-password form. */
    public record ForgotView(Frame frame) {
    }

    /** The form that sets a new password from a reset link. */
    public record ResetView(Frame frame, String token, List<String> errors) {
    }
}
