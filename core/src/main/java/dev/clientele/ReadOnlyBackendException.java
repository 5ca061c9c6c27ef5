package dev.clientele;

/** A write was asked of a back-end (or one of its stores) that is read-only. Nothing was written. */
public class ReadOnlyBackendException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyBackendException(String backend, String operation) {
        super("back-end '" + backend + "' is read-only: cannot " + operation);
    }
}
