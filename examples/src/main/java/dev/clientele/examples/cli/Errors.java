package dev.clientele.examples.cli;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;
import dev.clientele.DuplicateKeyException;
import dev.clientele.NotFoundException;
import dev.clientele.PasswordPolicyException;
import dev.clientele.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into an exit code and a message on stderr, in plain words naming the field or setting; a stack
 * trace only with {@code --verbose}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final ClienteleCli cli;

    Errors(ClienteleCli cli) {
        this.cli = cli;
    }

    /** A failure, described: its exit code, kind (for JSON), headline and details. */
    record Failure(int exitCode, String kind, String message, List<String> details, Map<String, String> fields) {
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Failure f = describe(ex, cli);
        report(f);
        if (cli.verbose()) {
            ex.printStackTrace(cli.err);
        } else if (f.exitCode() == Exit.INTERNAL) {
            cli.err.println("(run again with --verbose for the stack trace)");
        }
        return f.exitCode();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        report(new Failure(Exit.USER_ERROR, "usage", plain(ex.getMessage()), List.of(), Map.of()));
        if (!cli.json()) {
            cli.err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        }
        return Exit.USER_ERROR;
    }

    private static final java.util.regex.Pattern CONVERSION = java.util.regex.Pattern.compile(
            "(.*?): cannot convert '.*' to [\\w.$]+ \\([\\w.$]+: (.*)\\)", java.util.regex.Pattern.DOTALL);

    /** Picocli's conversion messages name the Java exception; keep only what the converter said. */
    static String plain(String message) {
        if (message == null) {
            return "invalid arguments";
        }
        java.util.regex.Matcher m = CONVERSION.matcher(message.strip());
        return m.matches() ? m.group(1) + ": " + m.group(2) : message;
    }

    /** Prints a failure on stderr: a line and its details, or one JSON object with {@code --json}. */
    void report(Failure f) {
        if (cli.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", f.kind());
            m.put("exitCode", f.exitCode());
            m.put("message", f.message());
            if (!f.fields().isEmpty()) {
                m.put("fields", f.fields());
            }
            if (!f.details().isEmpty()) {
                m.put("details", f.details());
            }
            cli.err.println(Json.write(m));
            return;
        }
        cli.err.println("clientele: " + f.message());
        for (String d : f.details()) {
            cli.err.println("  " + d);
        }
    }

    /** What to say and which exit code, for any failure; a configuration problem names the variable that set it. */
    static Failure describe(Throwable ex, ClienteleCli cli) {
        if (ex instanceof CliException) {
            CliException c = (CliException) ex;
            String kind = c.exitCode() == Exit.CONFIG_ERROR ? "configuration"
                    : c.exitCode() == Exit.UNAVAILABLE ? "unavailable" : "user";
            return new Failure(c.exitCode(), kind, c.getMessage(), c.details(), Map.of());
        }
        if (ex instanceof ConfigurationException) {
            List<ConfigurationException.Problem> problems = ((ConfigurationException) ex).problems();
            List<String> details = new ArrayList<>();
            Map<String, String> fields = new LinkedHashMap<>();
            for (ConfigurationException.Problem p : problems) {
                details.add(cli.describe(p));
                fields.merge(p.key(), p.message(), (a, b) -> a + "; " + b);
            }
            String head = problems.size() == 1 ? "configuration problem:" : problems.size() + " configuration problems:";
            return new Failure(Exit.CONFIG_ERROR, "configuration", head, details, fields);
        }
        if (ex instanceof BackendUnavailableException) {
            // the message names the back-end and why; the causes repeat it (shown with --verbose)
            return new Failure(Exit.UNAVAILABLE, "unavailable", ex.getMessage(), List.of(), Map.of());
        }
        if (ex instanceof PasswordPolicyException) {
            List<String> v = ((PasswordPolicyException) ex).violations();
            return new Failure(Exit.USER_ERROR, "validation", "the password was refused by the password policy:",
                    v, Map.of("password", String.join(", ", v)));
        }
        if (ex instanceof ValidationException) {
            Map<String, String> errors = ((ValidationException) ex).errors();
            List<String> details = new ArrayList<>();
            errors.forEach((k, v) -> details.add(k + ": " + v));
            String msg = ex.getMessage();
            int colon = msg.indexOf(": ");
            String head = (colon > 0 ? msg.substring(0, colon) : "invalid input") + " (nothing was changed):";
            return new Failure(Exit.USER_ERROR, "validation", head, details, errors);
        }
        if (ex instanceof DuplicateKeyException) {
            DuplicateKeyException d = (DuplicateKeyException) ex;
            return new Failure(Exit.USER_ERROR, "duplicate", ex.getMessage(), List.of(),
                    d.field() == null ? Map.of() : Map.of(d.field(), "exists already"));
        }
        if (ex instanceof NotFoundException) {
            return new Failure(Exit.USER_ERROR, "not-found", ex.getMessage(), List.of(), Map.of());
        }
        if (ex instanceof ClienteleException) {
            // read-only back-end, concurrent update, fixture problems: the message says it.
            return new Failure(Exit.USER_ERROR, "refused", ex.getMessage(), List.of(), Map.of());
        }
        if (ex instanceof IllegalArgumentException) {
            return new Failure(Exit.USER_ERROR, "user", ex.getMessage(), List.of(), Map.of());
        }
        return new Failure(Exit.INTERNAL, "internal", "unexpected error: " + ex, List.of(), Map.of());
    }
}
