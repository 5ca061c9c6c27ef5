package dev.clientele;

/**
 * Closing a back-end failed (a pool that would not shut down, a connection that failed to close). Thrown by
 * {@link CustomerDirectory#close()} after it has tried to close every back-end it owns: the first failure is the
 * cause, and it is thrown once all of them were tried, so one failing back-end does not leave the others open.
 */
public class BackendCloseException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    /** Closing back-end {@code backend} failed with {@code cause}. */
    public BackendCloseException(String backend, Throwable cause) {
        super("closing back-end '" + backend + "' failed", cause);
        this.backend = backend;
    }

    /** The configured name of the back-end that failed to close. */
    public String backend() {
        return backend;
    }
}
