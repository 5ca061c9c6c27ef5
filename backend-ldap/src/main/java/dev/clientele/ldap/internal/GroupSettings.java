package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import dev.clientele.GroupGrants;
import dev.clientele.Permission;
import dev.clientele.spi.BackendSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Directory groups: {@code group-base-dn} (the base DN unless set), {@code group-type} (the preset's unless set),
 * {@code group-map} ({@code GROUP-DN => group:rw; ...}) and {@code nested-groups} (memberOf only).
 *
 * @param map directory group DN to the Clientele groups its members get, in the order given; empty: no membership
 *     store
 */
public record GroupSettings(DN baseDn, GroupType type, Map<DN, List<Grant>> map, boolean nested) {

    /** A Clientele group and permission that members of a directory group get. */
    public record Grant(String group, Permission permission) {
    }

    public GroupSettings {
        Map<DN, List<Grant>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        map = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the section, recording its problems in {@code r}; {@code customerBase} and {@code presetType} are the
     * defaults of group-base-dn and group-type.
     */
    static GroupSettings read(BackendSettings.Reader r, DN customerBase, GroupType presetType) {
        DN base = r.optional("group-base-dn").map(v -> SettingValues.dn(r, "group-base-dn", v)).orElse(customerBase);
        GroupType type = presetType;
        String gt = r.optional("group-type").orElse(null);
        if (gt != null) {
            GroupType parsed = GroupType.parse(gt);
            if (parsed == null) {
                r.problem("group-type", "must be groupOfNames, groupOfUniqueNames, posixGroup or memberOf, was '"
                        + gt + "'");
            } else {
                type = parsed;
            }
        }
        Map<DN, List<Grant>> map = new LinkedHashMap<>();
        r.optional("group-map").ifPresent(v -> readGroupMap(r, v, map));
        boolean nested = r.bool("nested-groups", false);
        if (nested && type != GroupType.MEMBER_OF) {
            r.problem("nested-groups", "needs group-type memberOf (Active Directory's in-chain matching rule)");
        }
        return new GroupSettings(base, type, map, nested);
    }

    private static void readGroupMap(BackendSettings.Reader r, String value, Map<DN, List<Grant>> groupMap) {
        for (String item : value.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int arrow = item.indexOf("=>");
            if (arrow < 0) {
                r.problem("group-map", "'" + item.strip() + "' must read 'GROUP-DN => group:rw' (or :ro)");
                continue;
            }
            DN dn = SettingValues.dn(r, "group-map", item.substring(0, arrow).strip());
            Map.Entry<String, Permission> grant;
            try {
                grant = GroupGrants.parseEntry(item.substring(arrow + 2), true);
            } catch (GroupGrants.BadEntryException e) {
                r.problem("group-map", "'" + item.strip() + "': " + e.reason() + " (write 'GROUP-DN => group:rw' or"
                        + " ':ro')");
                continue;
            }
            String group = grant.getKey();
            Permission permission = grant.getValue();
            if (dn != null && !group.isEmpty()) {
                groupMap.computeIfAbsent(dn, k -> new ArrayList<>()).add(new Grant(group, permission));
            }
        }
        if (groupMap.isEmpty()) {
            r.problem("group-map", "maps no directory group");
        }
    }
}
