package dev.clientele.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Validity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A customer as one byte[] row")
class CustomerRowsTest {
    private static final String LONG_LATIN1 = "é".repeat(70_000);
    private static final String LONG_WIDE = "Ω".repeat(70_000);

    @Test
    @DisplayName("every value of a customer round-trips: all fields, validity, version, instants, IDs in order, attributes")
    void everyValueRoundTrips() {
        Customer.Builder b = Customer.builder("JDoe");
        for (CustomerField f : CustomerField.values()) {
            if (f != CustomerField.LOGIN) {
                b.set(f, f.key() + " Ä");
            }
        }
        Customer c = b.validity(Validity.INVALID_TEMPORARILY).version(Long.MAX_VALUE)
                .created(Instant.ofEpochSecond(-12_345_678_901L, 999_999_999)).changed(Instant.ofEpochSecond(1, 1))
                .additionalCustomerIds("zeta", "alpha", "Ωmega").attribute("b", "2").attribute("a", "😀").build();

        Customer read = CustomerRows.decode(CustomerRows.encode(c));

        assertThat(read).isEqualTo(c);
        assertThat(read.additionalCustomerIds()).containsExactly("zeta", "alpha", "Ωmega");
        assertThat(read.attributes()).containsExactly(java.util.Map.entry("a", "😀"), java.util.Map.entry("b", "2"));
        assertThat(CustomerRows.version(CustomerRows.encode(c))).isEqualTo(Long.MAX_VALUE);
        assertThat(CustomerRows.isValid(CustomerRows.encode(c))).isFalse();
    }

    @Test
    @DisplayName("a customer with only a login round-trips with every other field null and nothing else set")
    void onlyALoginRoundTrips() {
        Customer c = Customer.builder("x").build();

        byte[] row = CustomerRows.encode(c);

        assertThat(CustomerRows.decode(row)).isEqualTo(c);
        for (CustomerField f : CustomerField.values()) {
            assertThat(CustomerRows.value(row, f.ordinal())).as(f.key()).isEqualTo(f == CustomerField.LOGIN ? "x" : null);
        }
        assertThat(CustomerRows.version(row)).isZero();
        assertThat(CustomerRows.isValid(row)).isTrue();
        assertThat(row.length).as("a byte for the validity, one per field, the version, two instants, two counts")
                .isEqualTo(1 + 1 + 1 + 13 + 1 + 2 + 2);
    }

    @Test
    @DisplayName("strings round-trip: null, empty, Latin-1, Greek, emoji, an unpaired surrogate, 70,000 characters")
    void stringsRoundTrip() {
        String[] values = {null, "", "Müller ÿ", "Ωμέγα", "a😀b", "\uD800x\uDC00", LONG_LATIN1, LONG_WIDE, null, "z"};

        byte[] bytes = CustomerRows.encodeStrings(values);

        assertThat(CustomerRows.decodeStrings(bytes, values.length)).containsExactly(values);
        assertThat(CustomerRows.encodeStrings("Müller").length).as("Latin-1: a byte a character").isEqualTo(1 + 6);
        assertThat(CustomerRows.encodeStrings("Ωμ").length).as("else two bytes a character").isEqualTo(1 + 4);
    }

    @Test
    @DisplayName("keys read from a row agree with String on the lower-cased value: compare, equals, startsWith, hashCode")
    void keysAgreeWithString() {
        List<String> values = List.of("Anna", "anna", "ANNABEL", "Äpfel", "äpfel", "Straße", "İstanbul", "istanbul",
                "Ωμέγα", "ωμέγα", "a", "b", "user0000001", "User0000002", LONG_LATIN1, LONG_WIDE, "µ", "ÿ");
        List<String> probes = List.of("anna", "annab", "ann", "äp", "äpfel", "straße", "i̇stanbul", "istanbul", "ωμ",
                "ωμέγα", "a", "", "user0000001", "user", "zzz", "é", "ω", "µ", "ÿ", "\u0100");
        for (String v : values) {
            byte[] row = CustomerRows.encode(Customer.builder("login").city(v).build());
            int city = CustomerField.CITY.ordinal();
            String key = v.toLowerCase(Locale.ROOT);
            assertThat(CustomerRows.key(row, city)).isEqualTo(key);
            assertThat(CustomerRows.hashKey(row, city)).as(v).isEqualTo(key.hashCode());
            for (String p : probes) {
                assertThat(Integer.signum(CustomerRows.compareKey(row, city, p))).as(v + " vs " + p)
                        .isEqualTo(Integer.signum(key.compareTo(p)));
                assertThat(CustomerRows.equalsKey(row, city, p)).as(v + " = " + p).isEqualTo(key.equals(p));
                assertThat(CustomerRows.startsWithKey(row, city, p)).as(v + " starts " + p).isEqualTo(key.startsWith(p));
            }
            for (String w : values) {
                byte[] other = CustomerRows.encode(Customer.builder("login").city(w).build());
                assertThat(Integer.signum(CustomerRows.compareKeys(row, other, city))).as(v + " vs " + w)
                        .isEqualTo(Integer.signum(key.compareTo(w.toLowerCase(Locale.ROOT))));
            }
        }
    }

    @Test
    @DisplayName("a null field has no key: equals and startsWith are false")
    void nullFieldHasNoKey() {
        byte[] row = CustomerRows.encode(Customer.builder("login").build());
        int city = CustomerField.CITY.ordinal();

        assertThat(CustomerRows.key(row, city)).isNull();
        assertThat(CustomerRows.equalsKey(row, city, "")).isFalse();
        assertThat(CustomerRows.startsWithKey(row, city, "")).isFalse();
    }
}
