package dev.clientele.spring;

import dev.clientele.EffectivePermissions;
import dev.clientele.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A customer's effective groups as Spring Security authorities: {@code GROUP_<group>_RO} for every group the customer
 * may read, and {@code GROUP_<group>_RW} as well for every group it may write (RW implies RO, so a writer has both).
 * The group name is kept as it is (case included): {@code support} with RW gives {@code GROUP_support_RO} and
 * {@code GROUP_support_RW}; {@code hasAuthority('GROUP_support_RW')} then guards a method.
 *
 * <p>Authorities are what the policy granted at login. {@link CustomerPermissionEvaluator}
 * ({@code hasPermission('support', 'rw')}) asks the directory at each call instead, so a changed link or policy
 * applies at once.
 */
public final class CustomerGroupAuthorities {
    /** What every authority of a group starts with. */
    public static final String PREFIX = "GROUP_";

    private CustomerGroupAuthorities() {
    }

    /** The authority of a permission on a group: {@code GROUP_support_RW}. */
    public static String authority(String group, Permission permission) {
        return PREFIX + group + "_" + permission.key().toUpperCase(Locale.ROOT);
    }

    /** The authorities of these effective permissions, in group order. */
    public static List<GrantedAuthority> of(EffectivePermissions permissions) {
        List<GrantedAuthority> out = new ArrayList<>();
        for (Map.Entry<String, Permission> e : permissions.groups().entrySet()) {
            out.add(new SimpleGrantedAuthority(authority(e.getKey(), Permission.RO)));
            if (e.getValue() == Permission.RW) {
                out.add(new SimpleGrantedAuthority(authority(e.getKey(), Permission.RW)));
            }
        }
        return List.copyOf(out);
    }
}
