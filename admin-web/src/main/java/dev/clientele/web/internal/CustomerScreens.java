package dev.clientele.web.internal;

import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.CustomerValidationException;
import dev.clientele.DuplicateKeyException;
import dev.clientele.LoginStatus;
import dev.clientele.PasswordPolicyException;
import dev.clientele.SearchResult;
import dev.clientele.ValidationException;
import dev.clientele.Validity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The Customers screen: search, add, edit, invalidate, set password, unlock, reset link, login status. */
final class CustomerScreens extends Screen {
    private static final Set<CustomerField> MANDATORY = EnumSet.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
    static final List<Views.Field> FIELDS = fields();

    private final ResetLinks resetLinks;

    CustomerScreens(CustomerDirectory directory, Templates templates, ResetLinks resetLinks) {
        super(directory, templates);
        this.resetLinks = resetLinks;
    }

    void search(Exchange x, Sessions.Session s) {
        String q = x.query("q");
        boolean invalid = "on".equals(x.query("invalid"));
        Frame f = frame(s, "admin", "Customers", "customers");
        if (q == null) {
            page(x, "customers", new Views.CustomersView(f, "", invalid, List.of(), false, false));
            return;
        }
        checked("q", q);
        try {
            SearchResult r = directory.search(CustomerQuery.builder().text(q).includeInvalid(invalid).build());
            page(x, "customers", new Views.CustomersView(f, q, invalid, r.customers(), r.moreResults(), true));
        } catch (ValidationException e) {
            x.html(400, templates.render("customers", new Views.CustomersView(withError(f, "The search was"
                    + " refused: " + e.getMessage()), q, invalid, List.of(), false, false)));
        }
    }

    void newForm(Exchange x, Sessions.Session s) {
        form(x, s, 200, true, Map.of(), Map.of(), 0, Validity.VALID.key(), List.of(), false);
    }

    void create(Exchange x, Sessions.Session s) {
        Map<String, String> values = values(x);
        String validity = validity(x);
        Customer c = bind(Customer.builder(values.get("login")), values, validity).build();
        String password = field(x, "password");
        try {
            Customer stored = password == null || password.isEmpty() ? directory.createCustomer(c)
                    : createWithPassword(c, password);
            s.notice = "Customer " + stored.login() + " added.";
            x.redirect(Links.customer(stored.login()));
        } catch (CustomerValidationException e) {
            form(x, s, 400, true, values, e.errors(), 0, validity, List.of(), false);
        } catch (PasswordPolicyException e) {
            form(x, s, 400, true, values, Map.of("password", String.join("; ", e.violations())), 0, validity,
                    List.of(), false);
        } catch (DuplicateKeyException e) {
            form(x, s, 409, true, values, Map.of(e.field(), e.getMessage()), 0, validity, List.of(), false);
        }
    }

    private Customer createWithPassword(Customer c, String password) {
        char[] pw = password.toCharArray();
        try {
            return directory.createCustomer(c, pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    void edit(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        form(x, s, 200, false, values(c), Map.of(), c.version(), c.validity().key(), List.of(), false);
    }

    void update(Exchange x, Sessions.Session s) {
        Customer current = directory.getCustomer(required(x, "login"));
        long version = longField(x, "version");
        Map<String, String> values = values(x);
        values.put("login", current.login());
        String validity = validity(x);
        Customer changed = bind(current.toBuilder(), values, validity).version(version).build();
        try {
            directory.updateCustomer(changed);
            s.notice = "Customer " + current.login() + " saved.";
            x.redirect(Links.customer(current.login()));
        } catch (CustomerValidationException e) {
            form(x, s, 400, false, values, e.errors(), version, validity, List.of(), false);
        } catch (DuplicateKeyException e) {
            form(x, s, 409, false, values, Map.of(e.field(), e.getMessage()), version, validity, List.of(), false);
        } catch (ConcurrentUpdateException e) {
            form(x, s, 409, false, values, Map.of(), version, validity, List.of(), true);
        }
    }

    void invalidate(Exchange x, Sessions.Session s) {
        Customer c = directory.invalidateCustomer(required(x, "login"));
        s.notice = "Customer " + c.login() + " is invalid now.";
        x.redirect(Links.customer(c.login()));
    }

    void password(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        char[] pw = requiredField(x, "password").toCharArray();
        try {
            directory.setPassword(c.login(), pw);
            s.notice = "Password of " + c.login() + " set.";
            x.redirect(Links.customer(c.login()));
        } catch (PasswordPolicyException e) {
            form(x, s, 400, false, values(c), Map.of(), c.version(), c.validity().key(), e.violations(), false);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    void unlock(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        directory.unlock(c.login());
        s.notice = "Customer " + c.login() + " unlocked: failed logins cleared.";
        x.redirect(Links.customer(c.login()));
    }

    void resetToken(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(required(x, "login"));
        resetLinks.send(c);
        s.notice = "A password reset link was sent to " + c.login() + " <" + c.email() + ">.";
        x.redirect(Links.customer(c.login()));
    }

    private void form(Exchange x, Sessions.Session s, int httpStatus, boolean isNew, Map<String, String> values,
            Map<String, String> errors, long version, String validity, List<String> passwordErrors,
            boolean conflict) {
        Frame f = frame(s, "admin", isNew ? "Add customer" : "Customer " + values.getOrDefault("login", ""),
                "customers");
        if (!errors.isEmpty()) {
            f = withError(f, errors.size() + " field(s) need a correction; nothing was saved.");
        }
        LoginStatus login = isNew ? null : loginStatus(values.getOrDefault("login", ""));
        x.html(httpStatus, templates.render("customerForm", new Views.CustomerForm(f, isNew, FIELDS, values,
                errors, version, validity, login, passwordErrors, conflict)));
    }

    private @Nullable LoginStatus loginStatus(String login) {
        try {
            return directory.loginStatus(login);
        } catch (RuntimeException e) {
            return null;   // no state store: nothing to show
        }
    }

    /** The customer fields of the form, as typed (oversized ones refused with a 400 naming them). */
    private static Map<String, String> values(Exchange x) {
        Map<String, String> m = new LinkedHashMap<>();
        for (CustomerField f : CustomerField.values()) {
            String v = field(x, f.key());
            if (v != null) {
                m.put(f.key(), v);
            }
        }
        return m;
    }

    /** The customer's fields by key, those it has (a form's values). */
    static Map<String, String> values(Customer c) {
        Map<String, String> m = new LinkedHashMap<>();
        for (CustomerField f : CustomerField.values()) {
            String v = f.get(c);
            if (v != null) {
                m.put(f.key(), v);
            }
        }
        return m;
    }

    private static String validity(Exchange x) {
        String v = field(x, "validity");
        try {
            return v == null ? Validity.VALID.key() : Validity.parse(v).key();
        } catch (ValidationException e) {
            throw Problem.badRequest("the field 'validity' is not valid, invalid or invalid-temporarily");
        }
    }

    private static Customer.Builder bind(Customer.Builder b, Map<String, String> values, String validity) {
        for (CustomerField f : CustomerField.values()) {
            if (f != CustomerField.LOGIN) {
                b.set(f, values.get(f.key()));
            }
        }
        return b.validity(Validity.parse(validity));
    }

    private static List<Views.Field> fields() {
        List<Views.Field> l = new ArrayList<>();
        for (CustomerField f : CustomerField.values()) {
            l.add(new Views.Field(f.key(), label(f), MANDATORY.contains(f), f.maxLength()));
        }
        return List.copyOf(l);
    }

    private static String label(CustomerField f) {
        String k = f.key().replaceAll("([A-Z])", " $1");
        k = k.replace("Id", "ID");
        return Character.toUpperCase(k.charAt(0)) + k.substring(1).toLowerCase(java.util.Locale.ROOT)
                .replace("id", "ID");
    }
}
