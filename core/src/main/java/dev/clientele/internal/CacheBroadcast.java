package dev.clientele.internal;

import dev.clientele.spi.CacheChannel;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory cache's side of the stores' {@link CacheChannel}s (several application nodes on one store): each
 * write this node made is published after its commit, and what other nodes published is dropped here. Messages are
 * {@code <node> c <login key>} (a customer and its permissions), {@code <node> p <login key>} (permissions) and
 * {@code <node> P} (every evaluation); a node ignores its own. While a channel is down — not yet listening, or its
 * connection lost — nothing cached is served (the cache is bypassed), and when it is back everything cached is
 * dropped, since writes may have been missed meanwhile. See docs/scale-out.md.
 */
final class CacheBroadcast {
    private static final Logger LOG = LoggerFactory.getLogger(CacheBroadcast.class);

    private final DirectoryCache cache;
    private final String node = UUID.randomUUID().toString();
    private final List<CacheChannel> channels = new CopyOnWriteArrayList<>();
    /** How many channels are down: while any is, the cache is bypassed. */
    private final AtomicInteger down = new AtomicInteger();

    CacheBroadcast(DirectoryCache cache) {
        this.cache = cache;
    }

    boolean allUp() {
        return down.get() == 0;
    }

    void join(CacheChannel channel) {
        channels.add(channel);
        down.incrementAndGet();
        channel.subscribe(new CacheChannel.Subscriber() {
            private boolean up;

            @Override
            public void received(String message) {
                apply(message);
            }

            @Override
            public synchronized void connected(boolean nowUp) {
                if (nowUp == up) {
                    return;
                }
                up = nowUp;
                if (nowUp) {
                    // Writes may have been missed while down: start afresh, then trust the cache again.
                    cache.invalidateAll();
                    down.decrementAndGet();
                    LOG.info("Cache channel up: caching again");
                } else {
                    down.incrementAndGet();
                    cache.invalidateAll();
                    LOG.warn("Cache channel down: not caching until it is back");
                }
            }
        });
    }

    void customer(String key) {
        publish("c " + key);
    }

    void permissions(String key) {
        publish("p " + key);
    }

    void policy() {
        publish("P");
    }

    private void publish(String what) {
        for (CacheChannel c : channels) {
            try {
                c.publish(node + " " + what);
            } catch (RuntimeException e) {
                // The write is committed: failing it now would lie. The other nodes' channel is most likely down
                // too (they then cache nothing); else the TTL bounds what they serve.
                LOG.warn("Could not tell the other nodes of a write: {}", e.toString());
            }
        }
    }

    /** Applies a message of another node; a malformed one drops everything (never trust what cannot be read). */
    void apply(String message) {
        int sp = message.indexOf(' ');
        if (sp < 0) {
            cache.invalidateAll();
            return;
        }
        if (message.substring(0, sp).equals(node)) {
            return;
        }
        String what = message.substring(sp + 1);
        if (what.equals("P")) {
            cache.policyChangedHere();
        } else if (what.startsWith("c ")) {
            cache.forgetHere(what.substring(2));
        } else if (what.startsWith("p ")) {
            cache.forgetPermissionsHere(what.substring(2));
        } else {
            cache.invalidateAll();
        }
    }

    void close() {
        for (CacheChannel c : channels) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing a cache channel failed: {}", e.toString());
            }
        }
        channels.clear();
    }
}
