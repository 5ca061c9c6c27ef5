package dev.clientele;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validity as text")
class ValidityTest {

    @Test
    @DisplayName("every validity reads back from its key")
    void keyRoundTrips() {
        assertThat(Validity.VALID.key()).isEqualTo("valid");
        assertThat(Validity.INVALID.key()).isEqualTo("invalid");
        assertThat(Validity.INVALID_TEMPORARILY.key()).isEqualTo("invalid-temporarily");
        for (Validity v : Validity.values()) {
            assertThat(Validity.parse(v.key())).isEqualTo(v);
        }
    }

    @Test
    @DisplayName("parse accepts any case, the enum name and OTRS's valid_id 1, 2 and 3")
    void lenientSpellings() {
        assertThat(Validity.parse(" Invalid-Temporarily ")).isEqualTo(Validity.INVALID_TEMPORARILY);
        assertThat(Validity.parse("INVALID_TEMPORARILY")).isEqualTo(Validity.INVALID_TEMPORARILY);
        assertThat(Validity.parse("1")).isEqualTo(Validity.VALID);
        assertThat(Validity.parse("2")).isEqualTo(Validity.INVALID);
        assertThat(Validity.parse("3")).isEqualTo(Validity.INVALID_TEMPORARILY);
    }

    @Test
    @DisplayName("anything else is an error quoting the text")
    void unknownRefused() {
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> Validity.parse("sometimes"))
                .withMessage("validity must be valid, invalid or invalid-temporarily, was 'sometimes'");
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> Validity.parse(""));
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> Validity.parse(null));
    }
}
