package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.clientele.spi.BackendSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Where customers are and how they are searched: {@code base-dn}, {@code always-filter}, {@code valid-filter} (which
 * Clientele must be able to evaluate on entries), {@code size-limit} (0: none), {@code time-limit} (zero: none),
 * {@code page-size}.
 */
public record SearchSettings(DN baseDn, Optional<Filter> alwaysFilter, Optional<Filter> validFilter, int sizeLimit,
        Duration timeLimit, int pageSize) {

    /** Reads the section, recording its problems in {@code r}. */
    static SearchSettings read(BackendSettings.Reader r) {
        DN baseDn = SettingValues.dn(r, "base-dn", r.required("base-dn"));
        Optional<Filter> always = r.optional("always-filter").map(f -> SettingValues.filter(r, "always-filter", f));
        Optional<Filter> valid = r.optional("valid-filter").map(f -> SettingValues.filter(r, "valid-filter", f));
        if (valid.isPresent()) {
            try {
                valid.get().matchesEntry(new Entry("cn=probe"));
            } catch (LDAPException e) {
                r.problem("valid-filter", "cannot be evaluated on entries by Clientele (use equality, substring, "
                        + "presence, ordering, and, or, not; no extensible or approximate match): " + e.getMessage());
            }
        }
        int sizeLimit = r.integer("size-limit", 0, 0, Integer.MAX_VALUE);
        Duration timeLimit = r.duration("time-limit", Duration.ZERO);
        int pageSize = r.integer("page-size", 500, 1, 100_000);
        return new SearchSettings(baseDn, always, valid, sizeLimit, timeLimit, pageSize);
    }
}
