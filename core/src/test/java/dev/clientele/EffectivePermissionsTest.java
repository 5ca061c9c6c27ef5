package dev.clientele;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Effective permissions")
class EffectivePermissionsTest {

    @Test
    @DisplayName("a group is found whatever the case it is asked in, and groups() keeps the stored name")
    void groupsInAnyCase() {
        EffectivePermissions p = new EffectivePermissions("jdoe", Map.of("Support", Permission.RO), Set.of());

        assertThat(p.has("support", Permission.RO)).isTrue();
        assertThat(p.has("SUPPORT ", Permission.RO)).isTrue();
        assertThat(p.has("support", Permission.RW)).isFalse();
        assertThat(p.permission("sUpport")).contains(Permission.RO);
        assertThat(p.groups()).containsOnlyKeys("Support");
    }

    @Test
    @DisplayName("two spellings of one group are one group: the first spelling with the strongest permission")
    void twoSpellingsMerge() {
        Map<String, Permission> given = new LinkedHashMap<>();
        given.put("Support", Permission.RO);
        given.put("support", Permission.RW);
        EffectivePermissions p = new EffectivePermissions("jdoe", given, Set.of());

        assertThat(p.groups()).isEqualTo(Map.of("Support", Permission.RW));
        assertThat(p.groupsWith(Permission.RW)).containsExactly("Support");
    }
}
