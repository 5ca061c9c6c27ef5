package dev.clientele.web.internal;

import dev.clientele.ActorScope;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;
import dev.clientele.ConcurrentUpdateException;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.DuplicateKeyException;
import dev.clientele.NotFoundException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.ValidationException;
import dev.clientele.web.AdminAccounts;
import dev.clientele.web.ResetMailer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console: its routes, each behind the guards of its side (a login, the CSRF token on every POST), the
 * headers of every page, and the error pages. Host-neutral: it sees requests only through {@link Exchange}.
 */
public final class ConsoleApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final Templates templates = new Templates();
    private final Sessions admins;
    private final Sessions customers;
    private final List<Route> routes = new ArrayList<>();
    private final byte[] css;
    private final CustomerDirectory directory;
    /** Sends the reset links of "forgotten password" off the request thread; bounded, so a flood is refused. */
    private final ThreadPoolExecutor mail = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), r -> {
                Thread t = new Thread(r, "clientele-reset-mail");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    /**
     * @param directory the directory the screens work on
     * @param accounts  the admin accounts
     * @param mailer    the sender of reset links
     * @param timeout   the idle timeout of a session
     * @param clock     the clock of sessions and admin lock-out
     * @param publicUrl the console's address as customers reach it (for reset links)
     * @param ownFields the fields a customer may change on "my account"
     * @param secureCookies mark the session cookies {@code Secure} on every request (reached by https via a proxy)
     */
    public ConsoleApp(CustomerDirectory directory, AdminAccounts accounts, ResetMailer mailer, Duration timeout,
            Clock clock, Supplier<URI> publicUrl, Set<CustomerField> ownFields, boolean secureCookies) {
        this.directory = directory;
        this.admins = new Sessions("clientele-admin", "/admin", timeout, clock, secureCookies);
        this.customers = new Sessions("clientele-customer", "/customer", timeout, clock, secureCookies);
        this.css = resource("static/console.css");
        AdminLogin login = new AdminLogin(accounts, admins, templates, clock);
        ResetLinks resetLinks = new ResetLinks(directory, mailer, publicUrl);
        CustomerScreens cs = new CustomerScreens(directory, templates, resetLinks);
        CustomerLinks links = new CustomerLinks(directory, templates);
        CatalogScreens catalog = new CatalogScreens(directory, templates, links);
        SelfService self = new SelfService(directory, templates, customers, resetLinks, mail, ownFields);

        get("/", x -> x.redirect("/admin/customers"));
        get("/static/console.css", x -> x.content("text/css; charset=utf-8", css));
        open("GET", "/admin/login", admins, login::form);
        open("POST", "/admin/login", admins, login::submit);
        admin("POST", "/admin/logout", (x, s) -> login.logout(x, s));
        admin("GET", "/admin", (x, s) -> x.redirect("/admin/customers"));
        admin("GET", "/admin/customers", cs::search);
        admin("GET", "/admin/customer/new", cs::newForm);
        admin("POST", "/admin/customer/new", cs::create);
        admin("GET", "/admin/customer", cs::edit);
        admin("POST", "/admin/customer", cs::update);
        admin("POST", "/admin/customer/invalidate", cs::invalidate);
        admin("POST", "/admin/customer/password", cs::password);
        admin("POST", "/admin/customer/unlock", cs::unlock);
        admin("POST", "/admin/customer/reset-token", cs::resetToken);
        admin("GET", "/admin/customer/groups", links::customerGroups);
        admin("POST", "/admin/customer/groups", links::saveCustomerGroups);
        admin("GET", "/admin/customer/companies", links::customerCompanies);
        admin("POST", "/admin/customer/companies", links::saveCustomerCompanies);
        admin("GET", "/admin/customer/permissions", links::permissions);
        admin("GET", "/admin/groups", catalog::groups);
        admin("POST", "/admin/groups", catalog::createGroup);
        admin("GET", "/admin/group", catalog::group);
        admin("POST", "/admin/group", catalog::updateGroup);
        admin("POST", "/admin/group/members", links::saveGroupMembers);
        admin("GET", "/admin/group/companies", links::groupCompanies);
        admin("GET", "/admin/companies", catalog::companies);
        admin("POST", "/admin/companies", catalog::createCompany);
        admin("GET", "/admin/company", catalog::company);
        admin("POST", "/admin/company", catalog::updateCompany);
        admin("POST", "/admin/company/groups", links::saveCompanyGroups);
        admin("GET", "/admin/settings", catalog::settings);
        get("/customer", x -> x.redirect("/customer/account"));
        open("GET", "/customer/login", customers, self::loginForm);
        open("POST", "/customer/login", customers, self::login);
        open("GET", "/customer/forgot", customers, self::forgotForm);
        open("POST", "/customer/forgot", customers, self::forgot);
        open("GET", "/customer/reset", customers, self::resetForm);
        open("POST", "/customer/reset", customers, self::reset);
        customer("POST", "/customer/logout", self::logout);
        customer("GET", "/customer/account", self::account);
        customer("POST", "/customer/account", self::saveAccount);
        customer("POST", "/customer/password", self::changePassword);
        customer("GET", "/customer/groups", self::groups);
    }

    /** @return every route of the console */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Stops the sender of reset links (those queued are still sent). */
    @Override
    public void close() {
        mail.shutdown();
    }

    /** Answers a request no route matched: a 404 page. */
    public void notFound(Exchange x) {
        x.header("Content-Security-Policy", CSP);
        error(x, 404, "There is no page " + x.path() + " here.");
    }

    /** A screen's handler: the exchange and the logged-in session. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange x, Sessions.Session s);
    }

    private void get(String path, Route.Action action) {
        routes.add(new Route("GET", path, x -> guarded(x, () -> action.handle(x))));
    }

    /** A route open to anyone (a login page); a POST still needs the CSRF token of the side's session. */
    private void open(String method, String path, Sessions sessions, Handler h) {
        routes.add(new Route(method, path, x -> guarded(x, () -> {
            Sessions.Session s = "POST".equals(method) ? checkedPost(x, sessions) : sessions.currentOrNew(x);
            h.handle(x, s);
        })));
    }

    @SuppressWarnings("try")   // the scope names the admin as the actor of every event; it is not read
    private void admin(String method, String path, Handler h) {
        routes.add(new Route(method, path, x -> guarded(x, () -> {
            Sessions.Session s = loggedIn(x, method, admins, "/admin/login");
            if (s != null) {
                try (ActorScope scope = directory.actingAs("admin:" + s.user)) {
                    h.handle(x, s);
                }
            }
        })));
    }

    private void customer(String method, String path, Handler h) {
        routes.add(new Route(method, path, x -> guarded(x, () -> {
            Sessions.Session s = loggedIn(x, method, customers, "/customer/login");
            if (s != null) {
                h.handle(x, s);
            }
        })));
    }

    private Sessions.Session loggedIn(Exchange x, String method, Sessions sessions, String login) {
        Sessions.Session s = "POST".equals(method) ? checkedPost(x, sessions) : sessions.current(x);
        if (s == null || s.user == null) {
            x.redirect(login);
            return null;
        }
        return s;
    }

    private static Sessions.Session checkedPost(Exchange x, Sessions sessions) {
        Sessions.Session s = sessions.current(x);
        if (!Sessions.tokenMatches(s, x.form("_csrf"))) {
            throw new Problem(403, "The form's security token is missing or out of date (the session may have"
                    + " expired). Nothing was changed: open the page again and retry.");
        }
        return s;
    }

    private void guarded(Exchange x, Runnable body) {
        x.header("Content-Security-Policy", CSP);
        x.header("X-Content-Type-Options", "nosniff");
        x.header("X-Frame-Options", "DENY");
        x.header("Referrer-Policy", "no-referrer");
        x.header("Cache-Control", "no-store");
        try {
            body.run();
        } catch (Problem p) {
            error(x, p.status(), p.getMessage());
        } catch (NotFoundException e) {
            error(x, 404, e.getMessage());
        } catch (ValidationException e) {
            error(x, 400, e.getMessage());
        } catch (DuplicateKeyException | ConcurrentUpdateException | ReadOnlyBackendException e) {
            error(x, 409, e.getMessage());
        } catch (BackendUnavailableException e) {
            error(x, 503, e.getMessage());
        } catch (ClienteleException e) {
            error(x, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("unexpected error on {} {}", x.method(), x.path(), e);
            error(x, 500, "An unexpected error happened; the server's log has the details.");
        }
    }

    private void error(Exchange x, int status, String message) {
        x.html(status, templates.render("error", new Views.ErrorView(status, message)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleApp.class.getResourceAsStream("/dev/clientele/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
