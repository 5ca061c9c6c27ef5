package dev.clientele.examples.cli;

import dev.clientele.CustomerDirectory;
import dev.clientele.web.AdminAccounts;
import dev.clientele.web.Console;
import dev.clientele.web.ResetMailer;
import dev.clientele.web.SmtpResetMailer;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clientele serve}: the admin console and the customer login on the configured directory. */
@Command(name = "serve", header = "Run the admin web console and the customer login on the directory.",
        description = {"Serves /admin (the Customers, Companies, Groups, links, permissions and settings screens)"
                + " and /customer (login, my account, my groups, forgotten password) on 127.0.0.1 unless --host"
                + " says otherwise; prints the URL and runs until stopped (Ctrl-C).",
            "Admins log in with the accounts of clientele admin set-password NAME. Reset links go by SMTP with"
                + " --smtp-host, else they are printed here, on this console only (for a single-machine setup)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./clientele admin set-password alice && ./clientele serve",
            "  ./clientele serve --port 9090 --smtp-host mail.example.com --smtp-from helpdesk@example.com"})
final class ServeCommand extends Base {
    @Option(names = "--port", paramLabel = "N", description = "The port (default 8080; 0 for any free one).")
    int port = 8080;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to bind (default 127.0.0.1).")
    String host = "127.0.0.1";
    @Option(names = "--admins", paramLabel = "FILE", description = "The admin accounts file (default "
            + AdminCommands.DEFAULT_FILE + ", or $CLIENTELE_ADMINS).")
    Path admins;
    @Option(names = "--public-url", paramLabel = "URL", description = "The console's address as customers reach"
            + " it, for reset links (default: the bound address).")
    URI publicUrl;
    @Option(names = "--smtp-host", paramLabel = "HOST", description = "Send reset links through this SMTP server.")
    String smtpHost;
    @Option(names = "--smtp-port", paramLabel = "N", description = "The SMTP port (default 25).")
    int smtpPort = 25;
    @Option(names = "--smtp-from", paramLabel = "ADDRESS", description = "The sender of reset mails.")
    String smtpFrom;
    @Option(names = "--smtp-user", paramLabel = "USER", description = "SMTP login; the password comes from"
            + " $CLIENTELE_SMTP_PASSWORD.")
    String smtpUser;
    @Option(names = "--smtp-starttls", description = "Require STARTTLS.")
    boolean startTls;

    @Override
    public Integer call() throws InterruptedException {
        AdminAccounts accounts = AdminAccounts.load(AdminCommands.file(cli(), admins));
        CustomerDirectory directory = openForWriting();
        Console console;
        try {
            Console.Builder b = Console.builder(directory).admins(accounts).mailer(mailer()).host(host).port(port);
            if (publicUrl != null) {
                b.publicUrl(publicUrl);
            }
            console = b.start();
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            directory.close();
            stopped.countDown();
        }, "clientele-serve-stop"));
        out().println("clientele: admin console on " + console.url() + "/admin/ , customer login on "
                + console.url() + "/customer/login");
        if (accounts.isEmpty()) {
            out().println("clientele: no admin account yet: run 'clientele admin set-password NAME' and restart");
        }
        out().println("clientele: stop with Ctrl-C");
        out().flush();
        stopped.await();
        return Exit.OK;
    }

    private ResetMailer mailer() {
        if (smtpHost == null) {
            return ResetMailer.console(out());
        }
        SmtpResetMailer.Builder b = SmtpResetMailer.builder(smtpHost, smtpPort).startTls(startTls);
        if (smtpFrom != null) {
            b.from(smtpFrom);
        }
        if (smtpUser != null) {
            String pw = cli().env.get("CLIENTELE_SMTP_PASSWORD");
            if (pw == null) {
                throw CliException.user("--smtp-user needs the password in $CLIENTELE_SMTP_PASSWORD");
            }
            b.login(smtpUser, pw.toCharArray());
        }
        return b.build();
    }
}
