package dev.clientele.web.internal;

import dev.clientele.AuthenticationResult;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.NotFoundException;
import dev.clientele.PasswordPolicyException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side (the OTRS customer interface, minus tickets): login (the library's lock-out and timing-safe
 * {@code authenticate}), my account, change password, my groups, forgotten password and the reset link.
 */
final class SelfService extends Screen {
    private static final Logger LOG = LoggerFactory.getLogger(SelfService.class);
    static final String FAILED = "Login failed: wrong login or password, or the account is locked or invalid.";
    static final String SENT = "If the account exists and has a mail address, a reset link is on its way to it.";

    private final Sessions sessions;
    private final ResetLinks resetLinks;
    private final Executor background;

    SelfService(CustomerDirectory directory, Templates templates, Sessions sessions, ResetLinks resetLinks,
            Executor background) {
        super(directory, templates);
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
        accountPage(x, s, 200, null, List.of());
    }

    private void accountPage(Exchange x, Sessions.Session s, int status, String error, List<String> violations) {
        Customer c = directory.getCustomer(String.valueOf(s.user));
        Frame f = frame(s, "customer", "My account", "account");
        x.html(status, templates.render("account", new Views.AccountView(error == null ? f : withError(f, error), c,
                violations)));
    }

    void changePassword(Exchange x, Sessions.Session s) {
        String login = String.valueOf(s.user);
        char[] current = password(x, "current");
        char[] next = password(x, "password");
        try {
            if (!directory.authenticate(login, current).succeeded()) {
                accountPage(x, s, 400, "The current password is wrong; the password was not changed.", List.of());
                return;
            }
            directory.setPassword(login, next);
            s.notice = "Your password was changed.";
            x.redirect("/customer/account");
        } catch (PasswordPolicyException e) {
            accountPage(x, s, 400, "The new password was refused; the password was not changed.", e.violations());
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
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
