package dev.clientele.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.clientele.PasswordPolicyException;
import dev.clientele.ValidationException;

class PasswordPolicyTest {

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    @DisplayName("the defaults are at least 8 and at most 1024 characters, nothing else")
    void defaults() {
        PasswordPolicy policy = PasswordPolicy.defaults();

        assertThat(policy.minLength()).isEqualTo(8);
        assertThat(policy.maxLength()).isEqualTo(1024);
        assertThat(policy.mixedCase()).isFalse();
        assertThat(policy.needDigit()).isFalse();
        assertThat(policy.minTwoLetters()).isFalse();
        assertThat(policy.pattern()).isEmpty();
        assertThat(policy.violations(pw("aaaaaaaa"))).isEmpty();
        assertThat(policy.violations(pw("aaaaaaa"))).containsExactly("must be at least 8 characters");
    }

    @Test
    @DisplayName("none() only requires a non-empty password of at most 1024 characters")
    void none() {
        PasswordPolicy policy = PasswordPolicy.none();

        assertThat(policy.maxLength()).isEqualTo(1024);
        assertThat(policy.violations(pw("a"))).isEmpty();
        assertThat(policy.violations(pw(""))).containsExactly("must not be empty");
        assertThat(policy.violations(pw("a".repeat(1025)))).containsExactly("must be at most 1024 characters");
    }

    @Test
    @DisplayName("a null password is reported as empty")
    void nullPassword() {
        assertThat(PasswordPolicy.none().violations(null)).containsExactly("must not be empty");
        assertThat(PasswordPolicy.defaults().violations(null))
                .containsExactly("must not be empty", "must be at least 8 characters");
    }

    @Test
    @DisplayName("minLength counts characters, not UTF-16 units")
    void minLength() {
        PasswordPolicy policy = PasswordPolicy.builder().minLength(4).build();

        assertThat(policy.violations(pw("abcd"))).isEmpty();
        assertThat(policy.violations(pw("abc"))).containsExactly("must be at least 4 characters");
        // Three emoji are six chars in Java but three characters.
        assertThat(policy.violations(pw("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")))
                .containsExactly("must be at least 4 characters");
    }

    @Test
    @DisplayName("maxLength rejects longer passwords")
    void maxLength() {
        PasswordPolicy policy = PasswordPolicy.builder().minLength(1).maxLength(10).build();

        assertThat(policy.violations(pw("a".repeat(10)))).isEmpty();
        assertThat(policy.violations(pw("a".repeat(11)))).containsExactly("must be at most 10 characters");
        assertThat(PasswordPolicy.defaults().violations(pw("a".repeat(1025))))
                .containsExactly("must be at most 1024 characters");
    }

    @Test
    @DisplayName("mixedCase requires at least 2 lower-case and 2 upper-case letters")
    void mixedCase() {
        PasswordPolicy policy = PasswordPolicy.builder().minLength(1).mixedCase(true).build();
        String message = "must contain at least 2 lower-case and 2 upper-case letters";

        assertThat(policy.violations(pw("abCD"))).isEmpty();
        assertThat(policy.violations(pw("äöÄÖ"))).isEmpty();
        assertThat(policy.violations(pw("abcD"))).containsExactly(message);
        assertThat(policy.violations(pw("aBCD"))).containsExactly(message);
        assertThat(policy.violations(pw("1234"))).containsExactly(message);
    }

    @Test
    @DisplayName("needDigit requires a digit")
    void needDigit() {
        PasswordPolicy policy = PasswordPolicy.builder().minLength(1).needDigit(true).build();

        assertThat(policy.violations(pw("abc1"))).isEmpty();
        assertThat(policy.violations(pw("abcd"))).containsExactly("must contain a digit");
    }

    @Test
    @DisplayName("minTwoLetters requires at least 2 letters")
    void minTwoLetters() {
        PasswordPolicy policy = PasswordPolicy.builder().minLength(1).minTwoLetters(true).build();

        assertThat(policy.violations(pw("12ab"))).isEmpty();
        assertThat(policy.violations(pw("1a2é"))).isEmpty();
        assertThat(policy.violations(pw("123a"))).containsExactly("must contain at least 2 letters");
        assertThat(policy.violations(pw("12!?"))).containsExactly("must contain at least 2 letters");
    }

    @Test
    @DisplayName("pattern must match the whole password, not just a part of it")
    void pattern() {
        PasswordPolicy policy = PasswordPolicy.builder().minLength(1).pattern("[a-z]+[0-9]+").build();

        assertThat(policy.pattern()).contains("[a-z]+[0-9]+");
        assertThat(policy.violations(pw("abc123"))).isEmpty();
        assertThat(policy.violations(pw("abc123x"))).containsExactly("must match the required pattern");
        assertThat(policy.violations(pw("xabc123!"))).containsExactly("must match the required pattern");
    }

    @Test
    @DisplayName("an invalid pattern is rejected, naming pattern")
    void invalidPattern() {
        assertThatThrownBy(() -> PasswordPolicy.builder().pattern("([a-z"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pattern");
    }

    @Test
    @DisplayName("every violated rule is reported, in a fixed order")
    void severalViolations() {
        PasswordPolicy policy = PasswordPolicy.builder()
                .minLength(12)
                .mixedCase(true)
                .needDigit(true)
                .minTwoLetters(true)
                .pattern("x.*")
                .build();

        assertThat(policy.violations(pw("!"))).containsExactly(
                "must be at least 12 characters",
                "must contain at least 2 lower-case and 2 upper-case letters",
                "must contain a digit",
                "must contain at least 2 letters",
                "must match the required pattern");
        assertThat(policy.violations(pw("xyXY12345678"))).isEmpty();
    }

    @Test
    @DisplayName("no message, and not the exception, contains the password")
    void messagesNeverContainPassword() {
        PasswordPolicy policy = PasswordPolicy.builder()
                .minLength(40)
                .maxLength(50)
                .mixedCase(true)
                .needDigit(true)
                .pattern("q.*")
                .build();
        String password = "zzzsecretzzz";

        List<String> violations = policy.violations(pw(password));

        assertThat(violations).hasSize(4).noneMatch(m -> m.contains(password) || m.contains("secret"));
        assertThatThrownBy(() -> policy.check(pw(password)))
                .isInstanceOf(PasswordPolicyException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("secret"));
    }

    @Test
    @DisplayName("check throws PasswordPolicyException with the violations, and passes a good password")
    void check() {
        PasswordPolicy policy = PasswordPolicy.builder().needDigit(true).build();

        assertThatThrownBy(() -> policy.check(pw("short")))
                .isInstanceOfSatisfying(PasswordPolicyException.class, e -> assertThat(e.violations())
                        .containsExactly("must be at least 8 characters", "must contain a digit"));
        assertThatCode(() -> policy.check(pw("longer1pass"))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("checking does not change the password array")
    void passwordUnchanged() {
        char[] password = pw("abc");

        PasswordPolicy.defaults().violations(password);

        assertThat(password).containsExactly('a', 'b', 'c');
    }

    @Test
    @DisplayName("the builder rejects a negative minLength, a maxLength below 1, and minLength above maxLength")
    void builderValidation() {
        assertThatThrownBy(() -> PasswordPolicy.builder().minLength(-1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("minLength");
        assertThatThrownBy(() -> PasswordPolicy.builder().maxLength(0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> PasswordPolicy.builder().minLength(20).maxLength(10).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("minLength");
    }

    @Test
    @DisplayName("policies with the same rules are equal and have the same hash code")
    void equality() {
        PasswordPolicy a = PasswordPolicy.builder().minLength(10).needDigit(true).pattern("[a-z0-9]+").build();
        PasswordPolicy b = PasswordPolicy.builder().minLength(10).needDigit(true).pattern("[a-z0-9]+").build();
        PasswordPolicy c = PasswordPolicy.builder().minLength(10).needDigit(true).pattern("[a-z]+").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(PasswordPolicy.builder().build()).isEqualTo(PasswordPolicy.defaults());
        assertThat(PasswordPolicy.defaults()).isNotEqualTo(PasswordPolicy.none());
    }

    @Test
    @DisplayName("toString shows the rules")
    void toStringShowsRules() {
        assertThat(PasswordPolicy.builder().needDigit(true).build().toString())
                .contains("minLength=8", "maxLength=1024", "needDigit=true");
    }

    @Test
    @DisplayName("generate gives a random password that meets every rule, a pattern included, or says it cannot")
    void generate() {
        PasswordPolicy strict = PasswordPolicy.builder().minLength(24).mixedCase(true).needDigit(true)
                .minTwoLetters(true).pattern("[a-z].*").build();
        for (int i = 0; i < 50; i++) {
            assertThat(strict.violations(strict.generate())).isEmpty();
        }
        assertThat(strict.generate()).hasSize(24).isNotEqualTo(strict.generate());
        assertThat(PasswordPolicy.builder().minLength(4).maxLength(12).build().generate()).hasSize(12);
        assertThat(PasswordPolicy.defaults().generate()).hasSize(20);

        PasswordPolicy impossible = PasswordPolicy.builder().pattern(".*[!?].*").build();
        assertThatThrownBy(impossible::generate).isInstanceOf(PasswordPolicyException.class)
                .hasMessageContaining("set one by hand");
    }
}
