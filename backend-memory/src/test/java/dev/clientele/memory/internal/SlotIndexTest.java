package dev.clientele.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A field's sorted blocks of slots")
class SlotIndexTest {
    private static final int CITY = CustomerField.CITY.ordinal();
    private static final String[] CITIES = {"Berlin", "berlin", "Bern", "Bonn", "Zürich", "Ωmega", "Hamburg", "Hamm"};

    private final Rows rows = new Rows();
    private final SlotIndex index = new SlotIndex(rows, CITY);
    /** What the index should hold: (city key, login key), and the slot of each login. */
    private final TreeSet<String[]> expected = new TreeSet<>(
            Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
    private final Map<String, Integer> slots = new HashMap<>();

    private void add(String login, String city) {
        int slot = rows.add(new CustomerRow(Customer.builder(login).city(city).build()));
        index.add(slot, city.toLowerCase(Locale.ROOT));
        expected.add(new String[] {city.toLowerCase(Locale.ROOT), login.toLowerCase(Locale.ROOT)});
        slots.put(login.toLowerCase(Locale.ROOT), slot);
    }

    private void remove(String login, String city) {
        int slot = slots.remove(login.toLowerCase(Locale.ROOT));
        index.remove(slot, city.toLowerCase(Locale.ROOT));
        rows.remove(slot);
        expected.remove(new String[] {city.toLowerCase(Locale.ROOT), login.toLowerCase(Locale.ROOT)});
    }

    private List<String> visited(String from) {
        List<String> out = new ArrayList<>();
        index.visitFrom(from, slot -> out.add(CustomerRows.key(rows.get(slot), CustomerRows.LOGIN)));
        return out;
    }

    private List<String> expectedLogins(java.util.function.Predicate<String> cityKey) {
        List<String> out = new ArrayList<>();
        for (String[] e : expected) {
            if (cityKey.test(e[0])) {
                out.add(e[1]);
            }
        }
        return out;
    }

    @Test
    @DisplayName("20,000 random inserts and 10,000 removals (many blocks split and emptied) keep key-then-login order")
    void randomInsertsAndRemovalsKeepTheOrder() {
        Random random = new Random(14);
        List<String[]> held = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String login = "User" + random.nextInt(1_000_000_000);
            if (slots.containsKey(login.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String city = CITIES[random.nextInt(CITIES.length)];
            add(login, city);
            held.add(new String[] {login, city});
        }
        assertThat(visited(null)).containsExactlyElementsOf(expectedLogins(k -> true));

        java.util.Collections.shuffle(held, random);
        for (String[] h : held.subList(0, held.size() / 2)) {
            remove(h[0], h[1]);
        }

        assertThat(index.size()).isEqualTo(expected.size());
        assertThat(visited(null)).containsExactlyElementsOf(expectedLogins(k -> true));
        assertThat(visited("bo")).containsExactlyElementsOf(expectedLogins(k -> k.compareTo("bo") >= 0));
        List<String> prefixed = new ArrayList<>();
        index.visitPrefix("ber", slot -> prefixed.add(CustomerRows.key(rows.get(slot), CustomerRows.LOGIN)));
        assertThat(prefixed).containsExactlyElementsOf(expectedLogins(k -> k.startsWith("ber")));
        List<String> exact = new ArrayList<>();
        index.visitKey("hamburg", slot -> exact.add(CustomerRows.key(rows.get(slot), CustomerRows.LOGIN)));
        assertThat(exact).containsExactlyElementsOf(expectedLogins(k -> k.equals("hamburg")));
    }

    @Test
    @DisplayName("ascending inserts (an import in login order) and then removing all of them leave an empty index")
    void ascendingInsertsThenRemovingAll() {
        for (int i = 0; i < 5_000; i++) {
            add(String.format("user%05d", i), CITIES[i % 3]);
        }
        assertThat(visited(null)).containsExactlyElementsOf(expectedLogins(k -> true));
        for (int i = 0; i < 5_000; i++) {
            remove(String.format("user%05d", i), CITIES[i % 3]);
        }

        assertThat(index.size()).isZero();
        assertThat(visited(null)).isEmpty();
        add("again", "Bern");
        assertThat(visited(null)).containsExactly("again");
    }

    @Test
    @DisplayName("a visitor returning false stops the visit; visiting past the last key visits nothing")
    void visitorStops() {
        for (int i = 0; i < 1_000; i++) {
            add("u" + i, "Bonn");
        }
        int[] seen = {0};
        index.visitFrom(null, slot -> ++seen[0] < 10);

        assertThat(seen[0]).isEqualTo(10);
        assertThat(visited("bonna")).isEmpty();
    }

    @Test
    @DisplayName("removing a slot the index does not hold fails loudly instead of removing another")
    void removingAnUnknownSlotFails() {
        add("a", "Bonn");
        int other = rows.add(new CustomerRow(Customer.builder("b").city("Bonn").build()));

        assertThatIllegalStateException().isThrownBy(() -> index.remove(other, "bonn"));
        assertThat(visited(null)).containsExactly("a");
    }

    @Test
    @DisplayName("adding a value a neighbour holds as another, equal string returns the neighbour's string; not else")
    void addReturnsAnEqualNeighboursString() {
        String berlin = new String("Berlin");
        int first = rows.add(new CustomerRow(Customer.builder("a").city(berlin).build()));
        assertThat(index.add(first, "berlin")).isNull();

        int second = rows.add(new CustomerRow(Customer.builder("b").city(new String("Berlin")).build()));
        int upper = rows.add(new CustomerRow(Customer.builder("c").city("BERLIN").build()));
        int same = rows.add(new CustomerRow(Customer.builder("d").city(berlin).build()));

        assertThat(index.add(second, "berlin")).isSameAs(berlin);
        assertThat(index.add(upper, "berlin")).as("same key, another value").isNull();
        assertThat(index.add(same, "berlin")).as("already the same string").isNull();
    }
}
