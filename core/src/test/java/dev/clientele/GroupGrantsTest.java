package dev.clientele;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Group grant lists")
class GroupGrantsTest {

    @Test
    @DisplayName("entries separated by commas or semicolons keep their order and the group names as written")
    void parsesInOrder() {
        assertThat(GroupGrants.parse(" Support:RW; billing : ro ,, news:rw ")).containsExactly(
                entry("Support", Permission.RW), entry("billing", Permission.RO), entry("news", Permission.RW));
    }

    @Test
    @DisplayName("an entry without permission gets the documented default, rw")
    void defaultPermission() {
        assertThat(GroupGrants.DEFAULT_PERMISSION).isEqualTo(Permission.RW);
        assertThat(GroupGrants.parse("users, first level:ro")).isEqualTo(
                Map.of("users", Permission.RW, "first level", Permission.RO));
    }

    @Test
    @DisplayName("a bad entry is an error quoting it")
    void badEntryNamed() {
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> GroupGrants.parse("users:rw, support:write"))
                .withMessage("'support:write': permission must be 'ro' or 'rw', not 'write'");
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> GroupGrants.parse(":ro"))
                .withMessage("':ro' names no group");
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> GroupGrants.parse("users:rw news:ro"))
                .withMessageContaining("'users:rw news:ro' holds more than one ':'");
    }

    @Test
    @DisplayName("a bad entry tells which entry and why apart, for callers that word their own messages")
    void entryAndReason() {
        assertThatExceptionOfType(GroupGrants.BadEntryException.class)
                .isThrownBy(() -> GroupGrants.parse("users, support:admin"))
                .satisfies(e -> {
                    assertThat(e.entry()).isEqualTo("support:admin");
                    assertThat(e.reason()).isEqualTo("permission must be 'ro' or 'rw', not 'admin'");
                });
    }

    @Test
    @DisplayName("a group listed twice in any case is an error")
    void listedTwice() {
        assertThatExceptionOfType(dev.clientele.ValidationException.class).isThrownBy(() -> GroupGrants.parse("support:ro, SUPPORT:rw"))
                .withMessage("group 'SUPPORT' is listed twice");
    }

    @Test
    @DisplayName("with the permission required every bad entry is reported and the good ones are returned")
    void everyProblemReported() {
        List<String> problems = new ArrayList<>();
        Map<String, Permission> grants = GroupGrants.parse("support:rx, sales, billing:ro", true,
                bad -> problems.add(bad.getMessage()));
        assertThat(grants).containsExactly(entry("billing", Permission.RO));
        assertThat(problems).containsExactly("'support:rx': permission must be 'ro' or 'rw', not 'rx'",
                "'sales' must be 'group:rw' or 'group:ro'");
    }

    @Test
    @DisplayName("an empty or missing list grants nothing")
    void emptyList() {
        assertThat(GroupGrants.parse("")).isEmpty();
        assertThat(GroupGrants.parse(null)).isEmpty();
    }
}
