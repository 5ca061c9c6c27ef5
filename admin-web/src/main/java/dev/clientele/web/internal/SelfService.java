package dev.clientele.web.internal;

import dev.clientele.ActorScope;
import dev.clientele.AuthenticationResult;
import dev.clientele.ConcurrentUpdateException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerValidationException;
import dev.clientele.DuplicateKeyException;
import dev.clientele.NotFoundException;
import dev.clientele.PasswordPolicyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side (the OTRS customer interface, minus tickets): login (the library's lock-out and timing-safe
 * {@code authenticate}), my account (the fields the admin lets customers change), change password, my groups,
 * forgotten password and the reset link.
 */
final class SelfService extends Screen {
    private static final Logger LOG = LoggerFactory.getLogger(SelfService.class);
    static final String FAILED = "Login failed: wrong login or password, or the account is locked or invalid.";
    static final String SENT = "If the account exists and has a mail address, a reset link is on its way to it.";

    private final Sessions sessions;
    private final ResetLinks resetLinks;
    private final Executor background;
    /** The fields of "my account" a customer may change itself, as the admin configured them. */
    private final List<Views.Field> ownFields;

    SelfService(CustomerDirectory directory, Templates templates, Sessions sessions, ResetLinks resetLinks,
            Executor background, Set<CustomerField> ownFields) {
        super(directory, templates);
        this.ownFields = CustomerScreens.FIELDS.stream()
                .filter(f -> ownFields.stream().anyMatch(o -> o.key().equals(f.key()))).toList();
        this.sessions = sessions;
        this.resetLinks = resetLinks;
        this.background = background;
    }

    void loginForm(Exchange x, Sessions.Session s) {
        if (s.user != null) {
            x.redirect("/customer/account");
            return;
        }
        page(x, "login", new Views.LoginView(frame(s, "customer", "Customer login", "login"), ""));
    }

    void login(Exchange x, Sessions.Session s) {
        String login = loginName(x);
        char[] pw = password(x, "password");
        AuthenticationResult r;
        try {
            r = directory.authenticate(login, pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
        if (r.succeeded() && r.customer().isPresent()) {
            Sessions.Session fresh = sessions.login(x, s, r.customer().get().login());
            fresh.notice = "Welcome, " + r.customer().get().displayName() + ".";
            x.redirect("/customer/account");
        } else {
            Frame f = withError(frame(s, "customer", "Customer login", "login"), FAILED);
            x.html(401, templates.render("login", new Views.LoginView(f, login)));
        }
    }

    void logout(Exchange x, Sessions.Session s) {
        sessions.end(x, s);
        x.redirect("/customer/login");
    }

    void account(Exchange x, Sessions.Session s) {
        Customer c = directory.getCustomer(String.valueOf(s.user));
        accountPage(x, s, 200, c, CustomerScreens.values(c), Map.of(), null, List.of());
    }

    private void accountPage(Exchange x, Sessions.Session s, int status, Customer c, Map<String, String> values,
            Map<String, String> errors, @Nullable String error, List<String> violations) {
        Frame f = frame(s, "customer", "My account", "account");
        x.html(status, templates.render("account", new Views.AccountView(error == null ? f : withError(f, error), c,
                ownFields, values, errors, violations)));
    }

    /**
     * Saves the fields the customer may change itself ({@link #ownFields}); a posted field outside them is refused
     * with a 400, a bad value is shown at its field, a change made meanwhile (by an admin) is reported.
     */
    @SuppressWarnings("try")   // the scope names the customer as the actor of the event; it is not read
    void saveAccount(Exchange x, Sessions.Session s) {
        Customer current = directory.getCustomer(String.valueOf(s.user));
        for (CustomerField f : CustomerField.values()) {
            if (x.form(f.key()) != null && ownFields.stream().noneMatch(o -> o.key().equals(f.key()))) {
                throw Problem.badRequest("the field '" + f.key() + "' is not one a customer may change");
            }
        }
        long version = longField(x, "version");
        Map<String, String> values = CustomerScreens.values(current);
        Customer.Builder b = current.toBuilder().version(version);
        for (Views.Field f : ownFields) {
            String v = field(x, f.key());
            if (v != null) {
                values.put(f.key(), v);
                b.set(CustomerField.parse(f.key()), v.isBlank() ? null : v.strip());
            }
        }
        try (ActorScope scope = directory.actingAs("customer:" + current.login())) {
            directory.updateCustomer(b.build());
            s.notice = "Your details were saved.";
            x.redirect("/customer/account");
        } catch (CustomerValidationException e) {
            accountPage(x, s, 400, current, values, e.errors(), e.errors().size()
                    + " field(s) need a correction; nothing was saved.", List.of());
        } catch (DuplicateKeyException e) {
            accountPage(x, s, 409, current, values, Map.of(e.field(), e.getMessage()), "Nothing was saved.",
                    List.of());
        } catch (ConcurrentUpdateException e) {
            Customer now = directory.getCustomer(current.login());
            accountPage(x, s, 409, now, CustomerScreens.values(now), Map.of(), "Your details were changed"
                    + " meanwhile (by the helpdesk?): nothing was saved. The current ones are shown; apply your change"
                    + " again.", List.of());
        }
    }

    void changePassword(Exchange x, Sessions.Session s) {
        String login = String.valueOf(s.user);
        char[] current = password(x, "current");
        char[] next = password(x, "password");
        try {
            if (!directory.authenticate(login, current).succeeded()) {
                passwordRefused(x, s, "The current password is wrong; the password was not changed.", List.of());
                return;
            }
            directory.setPassword(login, next);
            s.notice = "Your password was changed.";
            x.redirect("/customer/account");
        } catch (PasswordPolicyException e) {
            passwordRefused(x, s, "The new password was refused; the password was not changed.", e.violations());
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }

    private void passwordRefused(Exchange x, Sessions.Session s, String error, List<String> violations) {
        Customer c = directory.getCustomer(String.valueOf(s.user));
        accountPage(x, s, 400, c, CustomerScreens.values(c), Map.of(), error, violations);
    }

    void groups(Exchange x, Sessions.Session s) {
        String login = String.valueOf(s.user);
        page(x, "myGroups", new Views.MyGroupsView(frame(s, "customer", "My groups", "groups"),
                CustomerLinks.explained(directory, login), directory.accessibleCustomerIds(login)));
    }

    void forgotForm(Exchange x, Sessions.Session s) {
        page(x, "forgot", new Views.ForgotView(frame(s, "customer", "Forgotten password", "login")));
    }

    /**
     * Sends a link when the account exists and is valid — looked up, token issued and mailed off the request
     * thread — and answers at once, the same either way: neither the answer nor its time tells which logins exist.
     */
    void forgot(Exchange x, Sessions.Session s) {
        String login = requiredField(x, "name").strip();
        if (!login.isEmpty()) {
            background.execute(() -> {
                try {
                    Optional<Customer> c = directory.findCustomer(login);
                    if (c.isPresent() && c.get().isValid() && c.get().email() != null) {
                        resetLinks.send(c.get());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("a reset link could not be sent: {}", e.getMessage());
                }
            });
        }
        Frame f = new Frame("Forgotten password", "customer", null, s.csrf, "login", SENT, null);
        page(x, "forgot", new Views.ForgotView(f));
    }

    void resetForm(Exchange x, Sessions.Session s) {
        String token = required(x, "token");
        page(x, "reset", new Views.ResetView(frame(s, "customer", "Choose a new password", "login"), token,
                List.of()));
    }

    void reset(Exchange x, Sessions.Session s) {
        String token = requiredField(x, "token");
        char[] pw = requiredField(x, "password").toCharArray();
        try {
            directory.resetPassword(token, pw);
            s.notice = "Your password was set: log in with it.";
            x.redirect("/customer/login");
        } catch (PasswordPolicyException e) {
            Frame f = withError(frame(s, "customer", "Choose a new password", "login"), "The password was refused.");
            x.html(400, templates.render("reset", new Views.ResetView(f, token, e.violations())));
        } catch (NotFoundException e) {
            // the exception names the token: never shown
            throw new Problem(400, "This reset link is unknown, used already or expired: ask for a new one.");
        } finally {
            Arrays.fill(pw, '\0');
        }
    }
}
