package dev.clientele.web;

import dev.clientele.Customer;
import java.io.PrintStream;
import java.net.URI;
import java.util.Objects;

/**
 * Sends a customer the link that resets its password ("forgotten password" on the customer side).
 *
 * <p>The link holds a single-use, expiring reset token: an implementation sends it to the customer's own address
 * and never logs it. {@link SmtpResetMailer} sends mail; {@link #console(PrintStream)} prints the link on the
 * console of the person who started the server, for the embedded single-machine setup.
 */
@FunctionalInterface
public interface ResetMailer {

    /**
     * Sends the reset link to the customer.
     *
     * @param customer the customer (its {@code email} is the recipient)
     * @param link     the reset link, token included
     */
    void send(Customer customer, URI link);

    /**
     * A sender that prints the link on {@code out} — the console of the admin who ran {@code clientele serve},
     * never a log file. Only for a single-machine setup where that admin hands the link over.
     *
     * @param out where to print, usually {@code System.out}
     * @return the sender
     */
    static ResetMailer console(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return (customer, link) -> out.println("clientele: password reset link for '" + customer.login() + "' <"
                + customer.email() + ">: " + link);
    }
}
