package dev.clientele.web;

import dev.clientele.Customer;
import dev.clientele.ValidationException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Sends reset links by SMTP (Eclipse Angus Mail). Immutable; build with {@link #builder(String, int)}.
 * {@code toString()} never shows the SMTP password.
 */
public final class SmtpResetMailer implements ResetMailer {
    private final String host;
    private final int port;
    private final String from;
    private final @Nullable String username;
    private final char @Nullable [] password;
    private final boolean startTls;

    private SmtpResetMailer(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.from = b.from;
        this.username = b.username;
        this.password = b.password == null ? null : b.password.clone();
        this.startTls = b.startTls;
    }

    /**
     * A builder for the SMTP server at {@code host:port}.
     *
     * @param host the SMTP host
     * @param port its port, 1 to 65535
     * @return the builder
     */
    public static Builder builder(String host, int port) {
        if (host == null || host.isBlank()) {
            throw ValidationException.ofArgument("host", "is required");
        }
        if (port < 1 || port > 65_535) {
            throw ValidationException.ofArgument("port", "must be 1 to 65535, was " + port);
        }
        return new Builder(host.strip(), port);
    }

    @Override
    public void send(Customer customer, URI link) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        props.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        Authenticator auth = null;
        if (username != null && password != null) {
            props.put("mail.smtp.auth", "true");
            String user = username;
            char[] pw = password;
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, new String(pw));
                }
            };
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props, auth));
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(String.valueOf(customer.email()), true));
            message.setSubject("Reset your password", StandardCharsets.UTF_8.name());
            message.setText("Hello " + customer.displayName() + ",\n\nsomeone (you, we hope) asked to reset the"
                    + " password of the account '" + customer.login() + "'. Open this link to choose a new one:\n\n"
                    + link + "\n\nThe link works once and expires soon. If you did not ask for it, ignore this"
                    + " mail.\n", StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            // The message of a MessagingException names the server and the failure, never the link.
            throw new ConsoleException("the reset mail could not be sent through " + host + ":" + port + ": "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SmtpResetMailer[" + host + ":" + port + ", from " + from + (username == null ? ""
                : ", user " + username + ", password <masked>") + (startTls ? ", STARTTLS" : "") + "]";
    }

    /** Builds a {@link SmtpResetMailer}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String from = "clientele@localhost";
        private @Nullable String username;
        private char @Nullable [] password;
        private boolean startTls;

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** @param from the sender address; default {@code clientele@localhost} @return this builder */
        public Builder from(String from) {
            try {
                new InternetAddress(from, true).validate();
            } catch (MessagingException | RuntimeException e) {
                throw ValidationException.ofArgument("from", "is not a mail address");
            }
            this.from = from;
            return this;
        }

        /**
         * Log in to the server (SMTP AUTH).
         *
         * @param username the user
         * @param password its password; copied
         * @return this builder
         */
        public Builder login(String username, char[] password) {
            if (username == null || username.isBlank() || password == null) {
                throw ValidationException.ofArgument("username", "and a password are required for an SMTP login");
            }
            this.username = username;
            this.password = password.clone();
            return this;
        }

        /** @param on require STARTTLS (default off) @return this builder */
        public Builder startTls(boolean on) {
            this.startTls = on;
            return this;
        }

        /** @return the mailer */
        public SmtpResetMailer build() {
            return new SmtpResetMailer(this);
        }
    }
}
