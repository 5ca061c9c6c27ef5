package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.clientele.spi.BackendSettings;
import java.time.Duration;
import java.util.regex.Pattern;

/** The value checks the LDAP settings sections share; each records a problem naming the key instead of throwing. */
final class SettingValues {
    /** Attribute names: a descriptor or a numeric OID, without options. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

    private SettingValues() {
    }

    static Duration positive(BackendSettings.Reader r, String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            r.problem(key, "must be more than zero");
        }
        return d;
    }

    /** The DN, or null (and a problem) if it is not one; null for null. */
    static DN dn(BackendSettings.Reader r, String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new DN(value);
        } catch (LDAPException e) {
            r.problem(key, "is not a valid DN ('" + value + "'): " + e.getMessage());
            return null;
        }
    }

    /** The filter, or null (and a problem) if the text is not one. */
    static Filter filter(BackendSettings.Reader r, String key, String value) {
        try {
            return Filter.create(value);
        } catch (LDAPException e) {
            r.problem(key, "is not a valid LDAP filter ('" + value + "'): " + e.getMessage());
            return null;
        }
    }

    /** The attribute name, or null (and a problem) if the value is not one. */
    static String attribute(BackendSettings.Reader r, String key, String value) {
        if (!ATTRIBUTE.matcher(value).matches()) {
            r.problem(key, "is not an LDAP attribute name: '" + value + "'");
            return null;
        }
        return value;
    }
}
