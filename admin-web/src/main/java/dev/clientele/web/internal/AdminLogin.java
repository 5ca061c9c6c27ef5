package dev.clientele.web.internal;

import dev.clientele.password.LockoutPolicy;
import dev.clientele.spi.LoginState;
import dev.clientele.web.AdminAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin login: accounts from configuration (never customers), the library's lock-out rule
 * ({@link LockoutPolicy}) per admin name, one generic message for every failure, a new session on success.
 */
final class AdminLogin {
    static final String FAILED = "Login failed: wrong name or password, or the account is locked for a while.";

    private final AdminAccounts accounts;
    private final Sessions sessions;
    private final Templates templates;
    private final Clock clock;
    private final LockoutPolicy lockout = LockoutPolicy.defaults();
    private final Map<String, LoginState> states = new ConcurrentHashMap<>();

    AdminLogin(AdminAccounts accounts, Sessions sessions, Templates templates, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.templates = templates;
        this.clock = clock;
    }

    void form(Exchange x, Sessions.Session s) {
        if (s.user != null) {
            x.redirect("/admin/customers");
            return;
        }
        show(x, s, 200, null, "");
    }

    void submit(Exchange x, Sessions.Session s) {
        String name = Screen.loginName(x);
        char[] password = Screen.password(x, "password");
        try {
            if (attempt(name, password)) {
                Sessions.Session fresh = sessions.login(x, s, name);
                fresh.notice = "Logged in as " + name + ".";
                x.redirect("/admin/customers");
            } else {
                show(x, s, 401, FAILED, name);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    void logout(Exchange x, Sessions.Session s) {
        sessions.end(x, s);
        x.redirect("/admin/login");
    }

    /** One login attempt: reserved (counted) before the password is verified, cleared on success. */
    private boolean attempt(String name, char[] password) {
        if (!accounts.names().contains(name)) {
            accounts.verify(name, password);   // the same cost as a wrong password
            return false;
        }
        Instant now = clock.instant();
        boolean[] reserved = {false};
        states.compute(name, (k, st) -> {
            LoginState current = st == null ? LoginState.empty(k) : st;
            if (lockout.isLocked(current, now)) {
                return current;
            }
            reserved[0] = true;
            return lockout.afterFailure(current, now);
        });
        if (!reserved[0]) {
            return false;
        }
        if (!accounts.verify(name, password)) {
            return false;
        }
        states.computeIfPresent(name, (k, st) -> lockout.afterSuccess(st, clock.instant()));
        return true;
    }

    private void show(Exchange x, Sessions.Session s, int status, String error, String name) {
        Frame f = new Frame("Admin login", "admin", null, s.csrf, "login", null, error);
        x.html(status, templates.render("login", new Views.LoginView(f, name)));
    }
}
