package dev.clientele.web;

import dev.clientele.ClienteleException;

/** A failure of the console itself: a mail not sent, an admin file not read or written. */
public class ConsoleException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed; never a secret */
    public ConsoleException(String message) {
        super(message);
    }

    /**
     * @param message what failed; never a secret
     * @param cause   the underlying failure
     */
    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
