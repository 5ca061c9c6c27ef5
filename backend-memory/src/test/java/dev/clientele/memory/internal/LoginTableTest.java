package dev.clientele.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The login hash table")
class LoginTableTest {
    private final Rows rows = new Rows();
    private final LoginTable table = new LoginTable(rows);
    private final Map<String, Integer> slots = new HashMap<>();

    private void add(String login) {
        int slot = rows.add(new CustomerRow(Customer.builder(login).build()));
        table.add(slot);
        slots.put(login.toLowerCase(Locale.ROOT), slot);
    }

    private void remove(String login) {
        int slot = slots.remove(login.toLowerCase(Locale.ROOT));
        table.remove(slot);
        rows.remove(slot);
    }

    @Test
    @DisplayName("keys with the same hash code are both found, by key not by case, and stay found when one is removed")
    void collidingKeys() {
        assertThat("a~".hashCode()).isEqualTo("b_".hashCode());
        add("A~");
        add("b_");
        add("c");

        assertThat(table.find("a~")).isEqualTo(slots.get("a~"));
        assertThat(table.find("b_")).isEqualTo(slots.get("b_"));
        assertThat(table.find("A~")).as("keys are lower-case; Keys.of makes them").isEqualTo(-1);
        remove("A~");
        assertThat(table.find("a~")).isEqualTo(-1);
        assertThat(table.find("b_")).isEqualTo(slots.get("b_"));
        assertThat(table.find("c")).isEqualTo(slots.get("c"));
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("50,000 adds (resizing from 16) and random removals: every key held is found, every removed one not")
    void randomAddsAndRemovals() {
        Random random = new Random(14);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String login = "L" + Integer.toString(i * 7919, 36) + (i % 3 == 0 ? "Ä" : i % 3 == 1 ? "Ω" : "");
            add(login);
            all.add(login);
        }
        Collections.shuffle(all, random);
        List<String> removed = all.subList(0, 30_000);
        for (String login : removed) {
            remove(login);
        }
        for (int i = 0; i < 1_000; i++) {
            add("new" + i); // reuses freed slots
        }

        assertThat(table.size()).isEqualTo(slots.size()).isEqualTo(21_000);
        for (Map.Entry<String, Integer> e : slots.entrySet()) {
            assertThat(table.find(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String login : removed) {
            assertThat(table.find(login.toLowerCase(Locale.ROOT))).as(login).isEqualTo(-1);
        }
    }
}
