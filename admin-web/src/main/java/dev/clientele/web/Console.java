package dev.clientele.web;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.ValidationException;
import dev.clientele.web.internal.ConsoleApp;
import dev.clientele.web.internal.JavalinHost;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The admin console ({@code /admin/...}) and the customer interface ({@code /customer/...}) over one
 * {@link CustomerDirectory}, served by an embedded Jetty (Javalin). Bound to {@code 127.0.0.1} unless configured
 * otherwise. The console does not close the directory.
 *
 * <pre>{@code
 * try (Console console = Console.builder(directory).admins(AdminAccounts.load(file)).port(8080).start()) {
 *     System.out.println("open " + console.url() + "/admin");
 *     ...
 * }
 * }</pre>
 */
public final class Console implements AutoCloseable {
    private final ConsoleApp app;
    private final JavalinHost host;
    private final URI url;

    private Console(Builder b) {
        URI[] own = new URI[1];
        this.app = new ConsoleApp(b.directory, b.admins, b.mailer, b.sessionTimeout, b.clock,
                () -> b.publicUrl != null ? b.publicUrl : own[0], b.ownFields,
                b.publicUrl != null && "https".equals(b.publicUrl.getScheme()));
        try {
            this.host = new JavalinHost(app, b.host, b.port);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        String h = b.host.contains(":") ? "[" + b.host + "]" : b.host;
        this.url = URI.create("http://" + h + ":" + host.port());
        own[0] = url;
    }

    /**
     * A builder of a console on {@code directory}.
     *
     * @param directory the directory every screen works on
     * @return the builder
     */
    public static Builder builder(CustomerDirectory directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /** @return the address the console listens on, e.g. {@code http://127.0.0.1:8080} */
    public URI url() {
        return url;
    }

    /** @return the port it listens on */
    public int port() {
        return host.port();
    }

    /** Stops the server (the directory stays open). */
    @Override
    public void close() {
        host.close();
        app.close();
    }

    /** Builds and starts a {@link Console}. */
    public static final class Builder {
        private final CustomerDirectory directory;
        private AdminAccounts admins = AdminAccounts.none();
        private ResetMailer mailer = ResetMailer.console(System.out);
        private String host = "127.0.0.1";
        private int port = 8080;
        private Duration sessionTimeout = Duration.ofMinutes(30);
        private Clock clock = Clock.systemUTC();
        private @Nullable URI publicUrl;
        private Set<CustomerField> ownFields = EnumSet.of(CustomerField.TITLE, CustomerField.FIRST_NAME,
                CustomerField.LAST_NAME, CustomerField.PHONE, CustomerField.FAX, CustomerField.MOBILE,
                CustomerField.STREET, CustomerField.ZIP, CustomerField.CITY, CustomerField.COUNTRY);

        private Builder(CustomerDirectory directory) {
            this.directory = directory;
        }

        /** @param admins who may log in to the admin console (default nobody) @return this builder */
        public Builder admins(AdminAccounts admins) {
            this.admins = Objects.requireNonNull(admins, "admins");
            return this;
        }

        /** @param mailer the sender of reset links (default: printed on {@code System.out}) @return this builder */
        public Builder mailer(ResetMailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /** @param host the address to bind (default {@code 127.0.0.1}) @return this builder */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw ValidationException.ofArgument("host", "is required");
            }
            this.host = host.strip();
            return this;
        }

        /** @param port the port, 0 for any free one (default 8080) @return this builder */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw ValidationException.ofArgument("port", "must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** @param timeout how long an idle session lives (default 30 minutes) @return this builder */
        public Builder sessionTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw ValidationException.ofArgument("sessionTimeout", "must be positive");
            }
            this.sessionTimeout = timeout;
            return this;
        }

        /** @param clock the clock of sessions and the admin lock-out (tests) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param url the console's address as customers reach it, for reset links (default: the bound address);
         *            an {@code https} address (a TLS proxy in front) marks every session cookie {@code Secure}
         * @return this builder
         */
        public Builder publicUrl(URI url) {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw ValidationException.ofArgument("publicUrl", "must be an http or https URL");
            }
            this.publicUrl = url;
            return this;
        }

        /**
         * The fields a customer may change itself on its "my account" page (default: title, first and last name,
         * phone, fax, mobile, street, zip, city, country). Never the login nor the customer ID: who a customer is
         * and whose tickets it sees are the helpdesk's to change, as its validity is (not a field).
         *
         * @param fields the fields, none for a read-only account page
         * @return this builder
         */
        public Builder customerEditableFields(Set<CustomerField> fields) {
            Objects.requireNonNull(fields, "fields");
            if (fields.contains(CustomerField.LOGIN) || fields.contains(CustomerField.CUSTOMER_ID)) {
                throw ValidationException.ofArgument("customerEditableFields", "must not name login or customerId:"
                        + " a customer cannot change who it is or whose tickets it sees");
            }
            this.ownFields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
            return this;
        }

        /** @return the started console */
        public Console start() {
            return new Console(this);
        }
    }
}
