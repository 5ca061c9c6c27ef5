package dev.clientele.examples.cli;

/** The exit codes of the {@code clientele} tool, for scripts. */
public final class Exit {
    /** Done. */
    public static final int OK = 0;
    /** A user error: bad arguments, invalid input, something not found or existing already. Nothing was changed. */
    public static final int USER_ERROR = 1;
    /** A back-end could not be reached (database down, directory server unreachable). */
    public static final int UNAVAILABLE = 2;
    /** The configuration is broken (every problem is listed on stderr). */
    public static final int CONFIG_ERROR = 3;
    /**
     * The command ran but the answer is "no": a login was refused, an import or copy left rows out or failed its
     * verification, a required permission is not held.
     */
    public static final int REFUSED = 4;
    /** A bug or an unexpected failure; run again with {@code --verbose} for the stack trace. */
    public static final int INTERNAL = 70;

    private Exit() {
    }
}
