package dev.clientele.ldap.internal;

import dev.clientele.spi.BackendSettings;

/** Which back-end a set of LDAP settings belongs to, for messages: its name and the full keys of its settings. */
public record SettingsOrigin(BackendSettings source) {

    /** The back-end instance name. */
    public String name() {
        return source.name();
    }

    /** The full key of a relative setting, for messages. */
    public String key(String relative) {
        return source.fullKey(relative);
    }

    @Override
    public String toString() {
        return "SettingsOrigin[" + name() + "]";
    }
}
