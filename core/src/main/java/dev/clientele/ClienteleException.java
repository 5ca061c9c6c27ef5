package dev.clientele;

/**
 * Root of every exception Clientele throws. Unchecked: callers catch the subclass they can act on
 * ({@link CustomerValidationException}, {@link DuplicateKeyException}, {@link NotFoundException},
 * {@link BackendUnavailableException}, {@link BackendRefusedException}, ...); a bad argument is always a
 * {@link ValidationException}. A driver's or directory's exception is kept as the cause.
 * Messages never contain passwords or other secrets.
 */
public abstract class ClienteleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClienteleException(String message) {
        super(message);
    }

    public ClienteleException(String message, Throwable cause) {
        super(message, cause);
    }
}
