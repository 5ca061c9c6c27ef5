package dev.clientele.ldap.internal;

/** How the directory records who is in a group: the {@code group-type} setting. */
public enum GroupType {
    /** {@code groupOfNames}: the group's {@code member} attribute holds the members' DNs. */
    GROUP_OF_NAMES("groupOfNames", "groupOfNames", "member"),
    /** {@code groupOfUniqueNames}: the group's {@code uniqueMember} attribute holds the members' DNs. */
    GROUP_OF_UNIQUE_NAMES("groupOfUniqueNames", "groupOfUniqueNames", "uniqueMember"),
    /** {@code posixGroup}: the group's {@code memberUid} attribute holds the members' login values. */
    POSIX_GROUP("posixGroup", "posixGroup", "memberUid"),
    /**
     * Active Directory: the user's {@code memberOf} attribute lists its groups (the groups' {@code member} holds the
     * DNs); with nested groups the in-chain matching rule resolves groups in groups.
     */
    MEMBER_OF("memberOf", "group", "member");

    /** Active Directory's LDAP_MATCHING_RULE_IN_CHAIN: transitive membership. */
    public static final String IN_CHAIN_RULE = "1.2.840.113556.1.4.1941";

    private final String key;
    private final String objectClass;
    private final String memberAttribute;

    GroupType(String key, String objectClass, String memberAttribute) {
        this.key = key;
        this.objectClass = objectClass;
        this.memberAttribute = memberAttribute;
    }

    public String key() {
        return key;
    }

    /** The object class of group entries. */
    public String objectClass() {
        return objectClass;
    }

    /** The attribute of a group entry that names its members. */
    public String memberAttribute() {
        return memberAttribute;
    }

    /** Parses the {@code group-type} setting (any case); null if unknown. */
    public static GroupType parse(String text) {
        for (GroupType t : values()) {
            if (t.key.equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        return null;
    }
}
