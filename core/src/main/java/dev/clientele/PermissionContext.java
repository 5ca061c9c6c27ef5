package dev.clientele;

/**
 * The context of a group link (OTRS {@code CustomerGroupPermissionContext}).
 * <ul>
 *   <li>{@link #OWN} – the usual meaning: the permission on the group's queues, for the customer's own tickets;</li>
 *   <li>{@link #OTHER_CUSTOMER_IDS} – "other customer IDs": the customer may also see the tickets of every valid
 *       company that is linked to this group. It grants no permission on the group's queues by itself.</li>
 * </ul>
 */
public enum PermissionContext {
    OWN,
    OTHER_CUSTOMER_IDS
}
