package dev.clientele;

/**
 * While open, every event the directory fires on this thread names the actor given to
 * {@link CustomerDirectory#actingAs(String)}. Close it (try-with-resources) to end the scope; scopes nest, and closing
 * one restores the actor that was set before it.
 *
 * <pre>{@code
 * try (ActorScope scope = directory.actingAs("agent:jane")) {
 *     directory.invalidateCustomer("jdoe");   // the INVALIDATED event has actor "agent:jane"
 * }
 * }</pre>
 */
public interface ActorScope extends AutoCloseable {

    /** The actor of this scope. */
    String actor();

    /** Ends the scope; never throws. */
    @Override
    void close();
}
