package dev.clientele.spi;

/**
 * A store's own notification channel, over which the directories of several application nodes on one store tell
 * each other what their writes changed, so each drops what it has cached of it (PostgreSQL {@code LISTEN} /
 * {@code NOTIFY}). The channel only carries short text messages, at most {@value #MAX_MESSAGE} characters; what they
 * say is core's business. A back-end offers one through {@link CustomerBackend#cacheChannel()}.
 *
 * <p>Delivery: every message published through any node's channel after a node subscribed reaches that node's
 * subscriber (its own messages too), in publishing order per publisher, unless the channel is down. The channel
 * says when it is down ({@link Subscriber#connected(boolean) connected(false)}) and when it is back; while it is down
 * messages may be lost, so a subscriber must not trust what it cached.
 */
public interface CacheChannel extends AutoCloseable {
    /** The longest message a channel must carry. */
    int MAX_MESSAGE = 1_000;

    /** What receives the channel's messages and its state. Called from the channel's own thread. */
    interface Subscriber {
        /** A message published by some node. */
        void received(String message);

        /** The channel is up (listening: nothing published from now on is lost) or down (messages may be lost). */
        void connected(boolean up);
    }

    /**
     * Publishes a message to every node (after the write it reports was committed). Fails with
     * {@link dev.clientele.BackendUnavailableException} when the store cannot be reached.
     */
    void publish(String message);

    /**
     * Starts delivering to this subscriber (one per channel). Returns once the channel is listening, or has
     * reported {@code connected(false)} and keeps trying in the background.
     */
    void subscribe(Subscriber subscriber);

    /** Stops listening and releases the channel's connection. */
    @Override
    void close();
}
