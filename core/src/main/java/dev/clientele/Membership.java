package dev.clientele;

import java.util.Map;
import java.util.Objects;

/**
 * A stored link between a customer (by login) or a company (by customer ID) and a group, with a permission,
 * in a {@link PermissionContext}. What a customer may finally do is computed from these links by the
 * {@link CustomerGroupPolicy}; see {@link CustomerDirectory#permissions(String)}.
 *
 * @param kind       whether {@code subject} is a customer login or a company's customer ID
 * @param subject    the login or customer ID
 * @param group      the group's name
 * @param permission RO or RW
 * @param context    {@link PermissionContext#OWN} for the usual queue permission
 */
public record Membership(Kind kind, String subject, String group, Permission permission, PermissionContext context) {

    /** What the subject of a membership is. */
    public enum Kind {
        CUSTOMER,
        COMPANY
    }

    public Membership {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(context, "context");
        subject = subject == null ? null : subject.strip();
        group = group == null ? null : group.strip();
        if (subject == null || subject.isEmpty()) {
            throw new ValidationException("membership",
                    Map.of(kind == Kind.CUSTOMER ? "login" : "customerId", "is required"));
        }
        if (group == null || group.isEmpty()) {
            throw new ValidationException("membership", Map.of("group", "is required"));
        }
    }

    public static Membership customer(String login, String group, Permission permission) {
        return new Membership(Kind.CUSTOMER, login, group, permission, PermissionContext.OWN);
    }

    public static Membership company(String customerId, String group, Permission permission) {
        return new Membership(Kind.COMPANY, customerId, group, permission, PermissionContext.OWN);
    }

    public Membership inContext(PermissionContext context) {
        return new Membership(kind, subject, group, permission, context);
    }
}
