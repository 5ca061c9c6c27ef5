package dev.clientele.ldap.testing;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory server for tests, listening on a loopback port chosen at start: the UnboundID in-memory server or a
 * private OpenLDAP slapd. Entries live under {@link #SUFFIX}; {@link #ADMIN_DN} may do anything.
 */
public interface TestDirectory extends AutoCloseable {
    String SUFFIX = "dc=example,dc=com";
    String ADMIN_DN = "cn=admin,dc=example,dc=com";
    String ADMIN_PASSWORD = "Admin-Secret-42";

    /** Numbers the subtrees handed out, across directories of one JVM. */
    AtomicInteger SUBTREES = new AtomicInteger();

    int port();

    default String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** A new connection bound as the admin; the caller closes it. */
    default LDAPConnection admin() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port(), ADMIN_DN, ADMIN_PASSWORD);
    }

    /** Adds entries as the admin. */
    default void add(Entry... entries) {
        try (LDAPConnection c = admin()) {
            for (Entry e : entries) {
                c.add(e);
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add test entries: " + e.getMessage(), e);
        }
    }

    /** Adds one entry given as LDIF lines. */
    default void add(String... ldifLines) {
        try {
            add(new Entry(ldifLines));
        } catch (LDIFException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A new, empty organizational unit under the suffix, for one back-end of one test; returns its DN. */
    default String newSubtree(String prefix) {
        String dn = "ou=" + prefix + SUBTREES.incrementAndGet() + "," + SUFFIX;
        add("dn: " + dn, "objectClass: top", "objectClass: organizationalUnit",
                "ou: " + dn.substring(3, dn.indexOf(',')));
        return dn;
    }

    /** The settings of a back-end over {@code baseDn} of this directory, bound as the admin. */
    default Map<String, String> settings(String baseDn) {
        Map<String, String> s = new HashMap<>();
        s.put("url", url());
        s.put("base-dn", baseDn);
        s.put("bind-dn", ADMIN_DN);
        s.put("bind-password", ADMIN_PASSWORD);
        s.put("pool-size", "4");
        return s;
    }

    /**
     * The settings the contract suite runs with: writable, every customer field mapped to an inetOrgPerson attribute
     * (country in st: inetOrgPerson has no attribute for a country name), the contract's extra attributes, and
     * validity in employeeType.
     */
    default Map<String, String> contractSettings(String baseDn) {
        Map<String, String> s = settings(baseDn);
        s.put("writable", "true");
        s.put("map.country", "st");
        s.put("map.additional-customer-ids", "businessCategory");
        s.put("attribute.department", "departmentNumber");
        s.put("attribute.costCenter", "employeeNumber");
        s.put("validity-attribute", "employeeType");
        return s;
    }

    @Override
    void close();
}
