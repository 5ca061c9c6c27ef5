package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only the server can tell about the settings, checked once at start: the DNs that must exist (base, group
 * base, required group) and the schema's knowledge of every mapped attribute. Every problem is reported at once in
 * one {@link ConfigurationException} naming the settings.
 */
public final class DirectoryCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCheck.class);

    private final LdapSettings settings;
    private final LdapConnections ldap;
    private final List<Problem> problems = new ArrayList<>();

    private DirectoryCheck(LdapSettings settings, LdapConnections ldap) {
        this.settings = settings;
        this.ldap = ldap;
    }

    /** Checks the settings against the directory behind {@code ldap}; throws ConfigurationException if wrong. */
    public static void run(LdapSettings settings, LdapConnections ldap) {
        new DirectoryCheck(settings, ldap).check();
    }

    private void check() {
        DN base = settings.search().baseDn();
        requireEntry("base-dn", base);
        if (!settings.groups().baseDn().equals(base)) {
            requireEntry("group-base-dn", settings.groups().baseDn());
        }
        settings.login().requiredGroupDn().ifPresent(dn -> requireEntry("required-group-dn", dn));
        Schema schema = schemaOrNull();
        // A server that publishes no attribute types (schema checking off) cannot tell: nothing is checked then.
        if (schema != null && !schema.getAttributeTypes().isEmpty()) {
            for (Map.Entry<String, String> a : settings.mapping().attributeOrigins().entrySet()) {
                if (schema.getAttributeType(a.getKey()) == null) {
                    String key = a.getValue();
                    int space = key.indexOf(' ');
                    String relative = space < 0 ? key : key.substring(0, space);
                    problems.add(new Problem(settings.origin().key(relative), "the directory's schema has no "
                            + "attribute '" + a.getKey() + "'" + (space < 0 ? "" : key.substring(space))));
                }
            }
        }
        if (settings.writable() && !settings.mapping().preset().activeDirectory()
                && !ldap.rootDse().supportsExtendedOperation(LdapConnections.PASSWORD_MODIFY_OID)) {
            LOG.warn("LDAP back-end '{}' is writable but the directory does not announce the password modify "
                    + "extended operation: setting passwords will fail", settings.name());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private Schema schemaOrNull() {
        try {
            return ldap.call(pool -> pool.getSchema());
        } catch (LDAPException e) {
            LOG.debug("LDAP back-end '{}': cannot read the schema, mapped attributes are not checked: {}",
                    settings.name(), LdapMessages.describe(e));
            return null;
        }
    }

    private void requireEntry(String key, DN dn) {
        try {
            if (ldap.call(pool -> pool.getEntry(dn.toString(), "1.1")) == null) {
                problems.add(new Problem(settings.origin().key(key), "the directory has no entry '" + dn + "'"));
            }
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                problems.add(new Problem(settings.origin().key(key), "the directory has no entry '" + dn + "'"));
            } else {
                throw ldap.unavailable("read '" + dn + "' (" + settings.origin().key(key) + ")", e);
            }
        }
    }
}
