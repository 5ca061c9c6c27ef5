package dev.clientele.ldap.internal;

import dev.clientele.spi.BackendSettings;
import java.util.Optional;

/**
 * The service account searches and writes run as: {@code bind-dn} and {@code bind-password}, both or neither
 * (anonymous). The password is a secret: handed out as a copy, never shown.
 */
public record BindSettings(Optional<String> bindDn, Optional<char[]> bindPassword) {

    /** Reads the section, recording its problems in {@code r}. */
    static BindSettings read(BackendSettings.Reader r) {
        Optional<String> dn = r.optional("bind-dn");
        dn.ifPresent(v -> SettingValues.dn(r, "bind-dn", v));
        Optional<char[]> password = r.secret("bind-password");
        if (dn.isPresent() && password.isEmpty()) {
            r.problem("bind-password", "is required with bind-dn (an empty password would be an anonymous bind)");
        }
        if (dn.isEmpty() && password.isPresent()) {
            r.problem("bind-dn", "is required with bind-password");
        }
        return new BindSettings(dn, password);
    }

    /** A copy of the bind password, if any; the caller clears it after use. */
    @Override
    public Optional<char[]> bindPassword() {
        return bindPassword.map(char[]::clone);
    }

    /** Who the service account is, for people: its DN, or anonymous. */
    public String describe() {
        return bindDn.map(d -> "as " + d).orElse("anonymous");
    }

    @Override
    public String toString() {
        return "BindSettings[" + describe() + (bindPassword.isPresent() ? ", password " + dev.clientele.spi.Secrets.MASK : "") + "]";
    }
}
