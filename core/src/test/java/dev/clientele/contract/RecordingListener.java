package dev.clientele.contract;

import dev.clientele.CustomerEvent;
import dev.clientele.CustomerEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps every {@link CustomerEvent} it receives, in order, for assertions. Thread-safe. */
public final class RecordingListener implements CustomerEventListener {
    private final List<CustomerEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(CustomerEvent event) {
        add(event);
    }

    /** Records an event; usable as a method reference ({@code listener(events::add)}). */
    public void add(CustomerEvent event) {
        events.add(event);
    }

    /** Every event received so far, oldest first. */
    public List<CustomerEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type, oldest first. */
    public List<CustomerEvent> ofType(CustomerEvent.Type type) {
        return events.stream().filter(e -> e.type() == type).collect(Collectors.toUnmodifiableList());
    }

    /** The types of the events received, in order. */
    public List<CustomerEvent.Type> types() {
        return events.stream().map(CustomerEvent::type).collect(Collectors.toUnmodifiableList());
    }

    /** Forgets every event received so far. */
    public void clear() {
        events.clear();
    }

    @Override
    public String toString() {
        return "RecordingListener" + events;
    }
}
