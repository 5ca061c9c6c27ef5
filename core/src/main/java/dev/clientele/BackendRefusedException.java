package dev.clientele;

/**
 * A back-end was reached but refused an operation, or its data does not allow a single answer: a directory
 * rejected a write (schema violation, insufficient access rights, a constraint of its own), or one login names
 * several directory entries. Unlike {@link BackendUnavailableException}, trying again does not help: the data,
 * the back-end's access rights or Clientele's configuration of it must change. The message names the back-end and,
 * where one is known, the driver's or directory's exception is the cause.
 */
public class BackendRefusedException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    /** Refused by back-end {@code backend}; {@code message} names it and says what was refused and why. */
    public BackendRefusedException(String backend, String message) {
        super(message);
        this.backend = backend;
    }

    /** As {@link #BackendRefusedException(String, String)}, with the back-end's own exception as the cause. */
    public BackendRefusedException(String backend, String message, Throwable cause) {
        super(message, cause);
        this.backend = backend;
    }

    /** The configured name of the back-end that refused. */
    public String backend() {
        return backend;
    }
}
