package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import dev.clientele.spi.BackendSettings;
import java.util.Optional;

/** Who may log in: {@code required-group-dn}, the group a user must be in (none: every customer). */
public record LoginSettings(Optional<DN> requiredGroupDn) {

    /** Reads the section, recording its problems in {@code r}. */
    static LoginSettings read(BackendSettings.Reader r) {
        return new LoginSettings(r.optional("required-group-dn")
                .map(v -> SettingValues.dn(r, "required-group-dn", v)));
    }
}
