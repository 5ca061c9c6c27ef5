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

@DisplayName("The hash table of a field's keys")
class KeyTableTest {
    private final Rows rows = new Rows();
    private final KeyTable table = new KeyTable(rows, CustomerRows.LOGIN);
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

    @Test
    @DisplayName("a key several customers share: every slot visited, removing the first, a middle or the last keeps the rest")
    void sharedKeys() {
        KeyTable emails = new KeyTable(rows, dev.clientele.CustomerField.EMAIL.ordinal());
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int slot = rows.add(new CustomerRow(Customer.builder("u" + i)
                    .email(i % 2 == 0 ? "Shared@Example.org" : "u" + i + "@example.org").build()));
            emails.add(slot);
            if (i % 2 == 0) {
                held.add(slot);
            }
        }
        assertThat(visited(emails, "shared@example.org")).containsExactlyElementsOf(held);
        assertThat(visited(emails, "u1@example.org")).hasSize(1);

        for (int slot : new int[] {held.get(0), held.get(7), held.get(held.size() - 1)}) {
            emails.remove(slot);
            held.remove(Integer.valueOf(slot));
            rows.remove(slot);
        }
        int reused = rows.add(new CustomerRow(Customer.builder("again").email("shared@example.org").build()));
        emails.add(reused);
        held.add(reused);

        assertThat(visited(emails, "shared@example.org")).containsExactlyElementsOf(held);
        assertThat(emails.size()).isEqualTo(20 + 18);
        for (int i = 1; i < 40; i += 2) {
            assertThat(visited(emails, "u" + i + "@example.org")).as("u%d", i).hasSize(1);
        }
        for (int slot : new ArrayList<>(held)) {
            emails.remove(slot);
        }
        assertThat(emails.find("shared@example.org")).isEqualTo(-1);
        assertThat(emails.size()).isEqualTo(20);
    }

    private static List<Integer> visited(KeyTable table, String key) {
        List<Integer> out = new ArrayList<>();
        table.visit(key, out::add);
        return out;
    }
}
