package dev.clientele;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.ResetTokens;

/** Every public entry point rejects a bad argument with one type, {@link ValidationException}, naming it. */
class BadArgumentsTest {

    @Test
    @DisplayName("ofArgument maps the argument to its problem and reads as one sentence")
    void ofArgument() {
        ValidationException e = ValidationException.ofArgument("batchSize", "must be between 1 and 10000, was 0");
        assertThat(e.errors()).containsExactly(Map.entry("batchSize", "must be between 1 and 10000, was 0"));
        assertThat(e).hasMessage("batchSize must be between 1 and 10000, was 0");
    }

    @Test
    @DisplayName("Permission.parse rejects anything but ro or rw, naming permission and quoting the text")
    void permission() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Permission.parse("rx"))
                .withMessage("permission must be 'ro' or 'rw', not 'rx'")
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("permission"));
    }

    @Test
    @DisplayName("CustomerField.parse rejects a text that names no field, naming field")
    void customerField() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CustomerField.parse("shoeSize"))
                .withMessage("field must name a customer field, not 'shoeSize'")
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("field"));
    }

    @Test
    @DisplayName("ImportOptions rejects a batch size outside 1 to 10,000, naming batchSize")
    void importOptions() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> ImportOptions.defaults().withBatchSize(0))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("batchSize"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new ImportOptions(false, 10_001))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("batchSize"));
    }

    @Test
    @DisplayName("the customer builder rejects a blank attribute name, a negative version and a null validity")
    void customerBuilder() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Customer.builder("jdoe").attribute(" ", "x"))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("attribute"));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Customer.builder("jdoe").version(-1))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("version"));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Customer.builder("jdoe").validity(null))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("validity"));
    }

    @Test
    @DisplayName("the company builder rejects a null validity, naming validity")
    void companyBuilder() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Company.builder("acme").validity(null))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("validity"));
    }

    @Test
    @DisplayName("the group policy builder rejects a blank group name and a missing permission, naming the setting")
    void groupPolicy() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> CustomerGroupPolicy.builder().alwaysGroups(Map.of(" ", Permission.RO)))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("alwaysGroups"));
        Map<String, Permission> noPermission = new HashMap<>();
        noPermission.put("support", null);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> CustomerGroupPolicy.builder().companyAlwaysGroups(noPermission))
                .withMessage("companyAlwaysGroups has no permission for group 'support'");
    }

    @Test
    @DisplayName("a query builder rejects null text and a null term, naming each")
    void query() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CustomerQuery.builder().text(null))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("text"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CustomerQuery.builder().term(null))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("term"));
    }

    @Test
    @DisplayName("LockoutPolicy.of rejects null durations and ResetTokens.hash a null token, naming each")
    void passwordPackage() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> LockoutPolicy.of(3, null, Duration.ofMinutes(1)))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("window"));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> LockoutPolicy.of(3, Duration.ofMinutes(1), null))
                .satisfies(e -> assertThat(e.errors()).containsOnlyKeys("lockDuration"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ResetTokens.hash(null))
                .withMessage("token is required");
    }
}
