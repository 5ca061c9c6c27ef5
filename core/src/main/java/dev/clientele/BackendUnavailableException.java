package dev.clientele;

/**
 * A back-end could not be reached or failed (database down, directory server unreachable). Never means
 * "not found": a lookup that cannot be answered throws this instead of returning nothing.
 */
public class BackendUnavailableException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    public BackendUnavailableException(String backend, String message, Throwable cause) {
        super("back-end '" + backend + "' is unavailable: " + message, cause);
        this.backend = backend;
    }

    public String backend() {
        return backend;
    }
}
