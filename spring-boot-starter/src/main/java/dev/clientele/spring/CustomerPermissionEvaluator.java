package dev.clientele.spring;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.Permission;
import dev.clientele.ValidationException;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

/**
 * {@code hasPermission} in Spring Security expressions, answered by {@link CustomerDirectory#hasPermission} at each
 * call (so a change of links or policy applies at once; the cache keeps it cheap):
 * <pre>{@code
 * @PreAuthorize("hasPermission('support', 'rw')")           // group, permission
 * @PreAuthorize("hasPermission(#queue, 'ro')")
 * @PreAuthorize("hasPermission('support', 'group', 'rw')")  // id, type "group", permission
 * }</pre>
 * The permission is {@code ro} or {@code rw} (any case). Only customers logged in through Clientele
 * ({@link ClienteleAuthenticationToken}) get an answer other than no; an unknown group, a bad permission or a
 * customer gone since login is a no, never an error.
 */
public final class CustomerPermissionEvaluator implements PermissionEvaluator {
    /** The target type of the three-argument form. */
    public static final String GROUP = "group";

    private final CustomerDirectory directory;

    public CustomerPermissionEvaluator(CustomerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean hasPermission(@Nullable Authentication authentication, @Nullable Object group,
            @Nullable Object permission) {
        if (!(authentication instanceof ClienteleAuthenticationToken token) || !token.isAuthenticated()
                || group == null || permission == null) {
            return false;
        }
        try {
            return directory.hasPermission(token.getName(), group.toString(), Permission.parse(permission.toString()));
        } catch (ValidationException | CustomerNotFoundException e) {
            return false;
        }
    }

    @Override
    public boolean hasPermission(@Nullable Authentication authentication, @Nullable Serializable targetId,
            @Nullable String targetType, @Nullable Object permission) {
        return GROUP.equalsIgnoreCase(targetType) && hasPermission(authentication, targetId, permission);
    }
}
