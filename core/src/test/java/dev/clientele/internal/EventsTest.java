package dev.clientele.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.CustomerEvent;
import dev.clientele.contract.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The directory's events")
class EventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T09:00:00.123456789Z"));

    @Test
    @DisplayName("a listener that throws does not keep the others from the event")
    void failingListenerDoesNotStopOthers() {
        List<CustomerEvent> seen = new ArrayList<>();
        Events events = new Events(List.of(e -> {
            throw new IllegalStateException("boom");
        }, seen::add), clock);

        events.fire(CustomerEvent.Type.CREATED, "jdoe", null, null, "");

        assertThat(seen).extracting(CustomerEvent::type, CustomerEvent::login)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CustomerEvent.Type.CREATED, "jdoe"));
    }

    @Test
    @DisplayName("the time of an event and of now() is the directory's clock, to the millisecond")
    void timeIsTheClockToTheMillisecond() {
        List<CustomerEvent> seen = new ArrayList<>();
        Events events = new Events(List.of(seen::add), clock);
        clock.advance(Duration.ofSeconds(5));

        events.fire(CustomerEvent.Type.UPDATED, "jdoe", null, null, "");

        assertThat(events.now()).isEqualTo(Instant.parse("2024-03-01T09:00:05.123Z"));
        assertThat(seen.get(0).at()).isEqualTo(Instant.parse("2024-03-01T09:00:05.123Z"));
    }

    @Test
    @DisplayName("a removed listener hears nothing more; one added later hears what follows")
    void addAndRemove() {
        List<CustomerEvent> first = new ArrayList<>();
        List<CustomerEvent> second = new ArrayList<>();
        Events events = new Events(List.of(), clock);
        dev.clientele.CustomerEventListener listener = first::add;
        events.add(listener);
        events.fire(CustomerEvent.Type.CREATED, "a", null, null, "");
        events.remove(listener);
        events.add(second::add);
        events.fire(CustomerEvent.Type.CREATED, "b", null, null, "");

        assertThat(first).extracting(CustomerEvent::login).containsExactly("a");
        assertThat(second).extracting(CustomerEvent::login).containsExactly("b");
    }
}
