package dev.clientele;

/**
 * An update was based on a stale version: someone else changed the record in between. Reload and apply
 * the change again. (Named so that it does not clash with {@link java.util.ConcurrentModificationException}.)
 */
public class ConcurrentUpdateException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String kind, String key, long expectedVersion, long actualVersion) {
        super(kind + " '" + key + "' was changed concurrently: update based on version " + expectedVersion
                + " but the stored version is " + actualVersion);
    }
}
