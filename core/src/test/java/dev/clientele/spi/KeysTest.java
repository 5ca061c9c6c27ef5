package dev.clientele.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void aValueThatIsAlreadyAKeyIsReturnedAsItIs() {
        String login = "jdoe@example.com";
        assertThat(Keys.of(login)).isSameAs(login);
    }

    @Test
    void capitalsAndSurroundingWhitespaceAreFoldedAway() {
        assertThat(Keys.of("  JDoe@Example.COM\t")).isEqualTo("jdoe@example.com");
        assertThat(Keys.of("\u2003Jörg\u2003")).isEqualTo("jörg");
        assertThat(Keys.of("\u001fx")).isEqualTo("x");
        assertThat(Keys.of("İstanbul")).isEqualTo("İstanbul".toLowerCase(Locale.ROOT));
        assertThat(Keys.of(null)).isNull();
        assertThat(Keys.of("")).isEmpty();
        assertThat(Keys.of("   ")).isEmpty();
    }

    @Test
    void theFastPathAgreesWithStripAndLowerCaseOnRandomValues() {
        SplittableRandom random = new SplittableRandom(42);
        char[] alphabet = " \t\n\u000b\u001c\u001f!09AZ[`az{~\u007f\u0080\u00a0\u00c4\u00e4\u0130\u2003\u3000".toCharArray();
        for (int i = 0; i < 200_000; i++) {
            char[] value = new char[random.nextInt(6)];
            for (int j = 0; j < value.length; j++) {
                value[j] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)]
                        : (char) ('a' + random.nextInt(26));
            }
            String s = new String(value);
            assertThat(Keys.of(s)).as("key of %s", s.chars().boxed().toList())
                    .isEqualTo(s.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void sameComparesByKey() {
        assertThat(Keys.same("Support", " support ")).isTrue();
        assertThat(Keys.same("support", "supports")).isFalse();
        assertThat(Keys.same(null, null)).isTrue();
        assertThat(Keys.same(null, "x")).isFalse();
    }
}
