package dev.clientele.examples.cli;

import java.util.List;

/** A failure the tool reports itself, with its exit code, a headline and optional detail lines. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient List<String> details;

    CliException(int exitCode, String message, List<String> details) {
        super(message);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    /** A user error (exit 1). */
    static CliException user(String message, String... details) {
        return new CliException(Exit.USER_ERROR, message, List.of(details));
    }

    int exitCode() {
        return exitCode;
    }

    List<String> details() {
        return details;
    }
}
