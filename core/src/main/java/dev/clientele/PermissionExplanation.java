package dev.clientele;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a customer has (or has not) a permission on a group: every rule the policy applied, in order.
 *
 * @param login     the customer
 * @param group     the group
 * @param effective the resulting permission, empty if none
 * @param steps     each rule that was considered, with what it granted or why it granted nothing
 */
public record PermissionExplanation(String login, String group, Optional<Permission> effective, List<Step> steps) {

    /** The rules of the policy. */
    public enum Rule {
        /** Group support is off: every valid customer has RW on every valid group. */
        GROUP_SUPPORT_OFF,
        /** {@code CustomerGroupAlwaysGroups}. */
        ALWAYS_GROUP,
        /** {@code CustomerGroupCompanyAlwaysGroups}, through one of the customer's companies. */
        COMPANY_ALWAYS_GROUP,
        /** A stored link of the customer to the group. */
        CUSTOMER_LINK,
        /** A stored link of one of the customer's companies to the group. */
        COMPANY_LINK,
        /** The customer is not valid: nothing is granted. */
        CUSTOMER_INVALID,
        /** The group is unknown or not valid: nothing is granted. */
        GROUP_INVALID,
        /** A company is not valid (or unknown): its links and company always-groups grant nothing. */
        COMPANY_INVALID
    }

    /**
     * One rule applied.
     *
     * @param rule    which rule
     * @param granted the permission it granted; empty when it blocked or granted nothing
     * @param detail  a sentence for people, e.g. "company acme is linked to support with rw"
     */
    public record Step(Rule rule, Optional<Permission> granted, String detail) {
        @Override
        public String toString() {
            return rule + granted.map(p -> " -> " + p.key()).orElse("") + ": " + detail;
        }
    }

    public PermissionExplanation {
        steps = List.copyOf(steps);
    }

    @Override
    public String toString() {
        return login + " on " + group + ": " + effective.map(Permission::key).orElse("none")
                + steps.stream().map(s -> "\n  " + s).collect(Collectors.joining());
    }
}
