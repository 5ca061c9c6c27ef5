package dev.clientele.web.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.web.ResetMailer;
import java.net.URI;
import java.util.function.Supplier;

/** Issues a reset token (the library's: single use, expiring, stored hashed) and mails its link. */
final class ResetLinks {
    private final CustomerDirectory directory;
    private final ResetMailer mailer;
    private final Supplier<URI> publicUrl;

    ResetLinks(CustomerDirectory directory, ResetMailer mailer, Supplier<URI> publicUrl) {
        this.directory = directory;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    void send(Customer customer) {
        String token = directory.createPasswordResetToken(customer.login());
        String base = publicUrl.get().toString().replaceAll("/+$", "");
        mailer.send(customer, URI.create(base + "/customer/reset?token=" + Links.encode(token)));
    }
}
