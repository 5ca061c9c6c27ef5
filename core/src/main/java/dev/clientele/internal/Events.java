package dev.clientele.internal;

import dev.clientele.ActorScope;
import dev.clientele.Customer;
import dev.clientele.CustomerEvent;
import dev.clientele.CustomerEventListener;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a directory and its clock. Events are delivered after the change was stored; a listener that
 * throws is logged and does not stop the others, nor undo the change.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<CustomerEventListener> listeners;
    private final Clock clock;
    /** The actor of the innermost open scope of this thread, per directory. */
    private final ThreadLocal<String> actor = new ThreadLocal<>();

    Events(List<CustomerEventListener> listeners, Clock clock) {
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void add(CustomerEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(CustomerEventListener listener) {
        listeners.remove(listener);
    }

    /**
     * The time, to the millisecond: what every store can keep exactly (databases hold microseconds, directories
     * less), so a customer read back equals the one a write returned.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Opens a scope in which events fired on this thread name {@code who} as their actor. */
    ActorScope actingAs(String who) {
        Args.requireText("actor", who);
        String outer = actor.get();
        actor.set(who.strip());
        return new ActorScope() {
            private boolean closed;

            @Override
            public String actor() {
                return who.strip();
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                if (outer == null) {
                    actor.remove();
                } else {
                    actor.set(outer);
                }
            }
        };
    }

    /** Fires an event without customer values: a company or group event, or a customer event that carries none. */
    void fire(CustomerEvent.Type type, String subject, String detail) {
        fire(type, subject, null, null, detail);
    }

    void fire(CustomerEvent.Type type, String subject, Customer before, Customer after, String detail) {
        if (listeners.isEmpty()) {
            return;
        }
        CustomerEvent e = new CustomerEvent(type, subject, now(), Optional.ofNullable(before),
                Optional.ofNullable(after), detail, Optional.ofNullable(actor.get()));
        for (CustomerEventListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("Customer event listener {} failed on {}: {}", l, e, ex.toString());
            }
        }
    }
}
