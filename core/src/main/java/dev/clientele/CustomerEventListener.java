package dev.clientele;

/**
 * Receives {@link CustomerEvent}s, synchronously, on the thread that made the change, after it was stored.
 * An exception thrown by a listener is logged and does not undo the change or stop other listeners.
 */
@FunctionalInterface
public interface CustomerEventListener {
    void onEvent(CustomerEvent event);
}
