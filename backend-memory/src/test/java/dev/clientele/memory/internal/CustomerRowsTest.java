package dev.clientele.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Validity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A stored customer row and the keys read from it")
class CustomerRowsTest {
    private static final String LONG_LATIN1 = "é".repeat(70_000);
    private static final String LONG_WIDE = "Ω".repeat(70_000);
    private static final int CITY = CustomerField.CITY.ordinal();

    private static CustomerRow city(String value) {
        return new CustomerRow(Customer.builder("login").city(value).build());
    }

    @Test
    @DisplayName("every value of a customer round-trips: all fields, validity, version, instants, IDs in order, attributes")
    void everyValueRoundTrips() {
        Customer.Builder b = Customer.builder("JDoe");
        for (CustomerField f : CustomerField.values()) {
            if (f != CustomerField.LOGIN) {
                b.set(f, f.key() + " Ä Ω 😀 \uD800");
            }
        }
        Customer c = b.validity(Validity.INVALID_TEMPORARILY).version(Long.MAX_VALUE)
                .created(Instant.ofEpochSecond(-12_345_678_901L, 999_999_999)).changed(Instant.ofEpochSecond(1, 1))
                .additionalCustomerIds("zeta", "alpha", "Ωmega").attribute("b", "2").attribute("a", "😀").build();

        CustomerRow row = new CustomerRow(c);
        Customer read = row.toCustomer();

        assertThat(read).isEqualTo(c);
        assertThat(read.additionalCustomerIds()).containsExactly("zeta", "alpha", "Ωmega");
        assertThat(read.attributes()).containsExactly(Map.entry("a", "😀"), Map.entry("b", "2"));
        for (CustomerField f : CustomerField.values()) {
            assertThat(row.value(f.ordinal())).as(f.key()).isEqualTo(f.get(c));
        }
        assertThat(row.version()).isEqualTo(Long.MAX_VALUE);
        assertThat(row.isValid()).isFalse();
    }

    @Test
    @DisplayName("a customer with only a login round-trips with every other field null and nothing else set")
    void onlyALoginRoundTrips() {
        Customer c = Customer.builder("x").build();

        CustomerRow row = new CustomerRow(c);

        assertThat(row.toCustomer()).isEqualTo(c);
        for (CustomerField f : CustomerField.values()) {
            assertThat(row.value(f.ordinal())).as(f.key()).isEqualTo(f == CustomerField.LOGIN ? "x" : null);
        }
        assertThat(row.version()).isZero();
        assertThat(row.isValid()).isTrue();
    }

    @Test
    @DisplayName("a 70,000-character value round-trips and is its own key when already lower-case")
    void longValues() {
        for (String v : List.of(LONG_LATIN1, LONG_WIDE)) {
            CustomerRow row = city(v);

            assertThat(row.toCustomer().city()).isEqualTo(v);
            assertThat(CustomerRows.equalsKey(row, CITY, v.toLowerCase(Locale.ROOT))).isTrue();
        }
    }

    @Test
    @DisplayName("keys read from a row agree with String on the lower-cased value: compare, equals, startsWith, hashCode")
    void keysAgreeWithString() {
        List<String> values = List.of("Anna", "anna", "ANNABEL", "Äpfel", "äpfel", "Straße", "İstanbul", "istanbul",
                "Ωμέγα", "ωμέγα", "ΟΔΟΣ", "a", "b", "user0000001", "User0000002", LONG_LATIN1, LONG_WIDE, "µ", "ÿ",
                "Anna İ", "annaΩ", "ann", "\uD800x", "é", "éΩ");
        List<String> probes = List.of("anna", "annab", "ann", "äp", "äpfel", "straße", "i̇stanbul", "istanbul", "ωμ",
                "ωμέγα", "οδος", "οδoς", "a", "", "user0000001", "user", "zzz", "é", "ω", "µ", "ÿ", "\u0100",
                "anna i̇", "annaω", "anna ");
        for (String v : values) {
            CustomerRow row = city(v);
            String key = v.toLowerCase(Locale.ROOT);
            assertThat(CustomerRows.key(row, CITY)).isEqualTo(key);
            assertThat(CustomerRows.hashKey(row, CITY)).as(v).isEqualTo(key.hashCode());
            for (String p : probes) {
                assertThat(Integer.signum(CustomerRows.compareKey(row, CITY, p))).as(v + " vs " + p)
                        .isEqualTo(Integer.signum(key.compareTo(p)));
                assertThat(CustomerRows.equalsKey(row, CITY, p)).as(v + " = " + p).isEqualTo(key.equals(p));
                assertThat(CustomerRows.startsWithKey(row, CITY, p)).as(v + " starts " + p).isEqualTo(key.startsWith(p));
            }
            for (String w : values) {
                assertThat(Integer.signum(CustomerRows.compareKeys(row, city(w), CITY))).as(v + " vs " + w)
                        .isEqualTo(Integer.signum(key.compareTo(w.toLowerCase(Locale.ROOT))));
            }
        }
    }

    @Test
    @DisplayName("a null field has no key: equals and startsWith are false")
    void nullFieldHasNoKey() {
        CustomerRow row = new CustomerRow(Customer.builder("login").build());

        assertThat(CustomerRows.key(row, CITY)).isNull();
        assertThat(CustomerRows.equalsKey(row, CITY, "")).isFalse();
        assertThat(CustomerRows.startsWithKey(row, CITY, "")).isFalse();
    }

    @Test
    @DisplayName("share swaps a value for an equal string only: not for another value, not for the login")
    void shareTakesOnlyAnEqualString() {
        CustomerRow row = new CustomerRow(Customer.builder("login").city(new String("Berlin")).build());
        String berlin = "Berlin";

        row.share(CITY, berlin);

        assertThat(row.value(CITY)).isSameAs(berlin);
        assertThatIllegalArgumentException().isThrownBy(() -> row.share(CITY, "Bern"));
        assertThatIllegalArgumentException().isThrownBy(() -> row.share(CustomerRows.LOGIN, "login"));
        assertThat(row.toCustomer().city()).isEqualTo("Berlin");
    }
}
