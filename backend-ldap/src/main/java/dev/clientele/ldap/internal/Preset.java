package dev.clientele.ldap.internal;

import dev.clientele.CustomerField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A starting point for the attribute mapping, chosen with the {@code preset} setting; every part can be overridden.
 */
public enum Preset {
    /** OpenLDAP and other servers with the standard {@code inetOrgPerson} schema. */
    INETORGPERSON("inetorgperson", "uid", "uid", List.of("top", "person", "organizationalPerson", "inetOrgPerson"),
            GroupType.GROUP_OF_NAMES, false),
    /** Microsoft Active Directory: {@code sAMAccountName}, {@code userAccountControl}, {@code memberOf}. */
    ACTIVE_DIRECTORY("active-directory", "sAMAccountName", "cn",
            List.of("top", "person", "organizationalPerson", "user"), GroupType.MEMBER_OF, true);

    private final String key;
    private final String loginAttribute;
    private final String rdnAttribute;
    private final List<String> objectClasses;
    private final GroupType groupType;
    private final boolean activeDirectory;

    Preset(String key, String loginAttribute, String rdnAttribute, List<String> objectClasses, GroupType groupType,
            boolean activeDirectory) {
        this.key = key;
        this.loginAttribute = loginAttribute;
        this.rdnAttribute = rdnAttribute;
        this.objectClasses = objectClasses;
        this.groupType = groupType;
        this.activeDirectory = activeDirectory;
    }

    /** The value of the {@code preset} setting. */
    public String key() {
        return key;
    }

    public String loginAttribute() {
        return loginAttribute;
    }

    /** The naming attribute of entries created in writable mode. */
    public String rdnAttribute() {
        return rdnAttribute;
    }

    /** The object classes of entries created in writable mode. */
    public List<String> objectClasses() {
        return objectClasses;
    }

    public GroupType groupType() {
        return groupType;
    }

    /** True for Active Directory: validity from {@code userAccountControl}, passwords in {@code unicodePwd}. */
    public boolean activeDirectory() {
        return activeDirectory;
    }

    /** The attribute of each customer field but the login (which is {@link #loginAttribute()}). */
    public Map<CustomerField, String> fields() {
        Map<CustomerField, String> m = new EnumMap<>(CustomerField.class);
        m.put(CustomerField.EMAIL, "mail");
        m.put(CustomerField.TITLE, "title");
        m.put(CustomerField.FIRST_NAME, "givenName");
        m.put(CustomerField.LAST_NAME, "sn");
        m.put(CustomerField.PHONE, "telephoneNumber");
        m.put(CustomerField.FAX, "facsimileTelephoneNumber");
        m.put(CustomerField.MOBILE, "mobile");
        m.put(CustomerField.ZIP, "postalCode");
        m.put(CustomerField.CITY, "l");
        m.put(CustomerField.COMMENT, "description");
        if (activeDirectory) {
            m.put(CustomerField.CUSTOMER_ID, "company");
            m.put(CustomerField.STREET, "streetAddress");
            m.put(CustomerField.COUNTRY, "co");
        } else {
            // inetOrgPerson has no attribute for a country name (c holds a two-letter code and is not allowed in
            // person entries): map.country must name one if countries are to be kept.
            m.put(CustomerField.CUSTOMER_ID, "o");
            m.put(CustomerField.STREET, "street");
        }
        return Collections.unmodifiableMap(m);
    }

    /** Parses the {@code preset} setting; null if unknown. */
    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.key.equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        return null;
    }
}
