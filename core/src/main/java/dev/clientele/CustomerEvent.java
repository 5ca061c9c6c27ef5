package dev.clientele;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to a customer, for a helpdesk's ticket history and audit. Delivered to
 * {@link CustomerEventListener}s after the change was stored. Never carries a password.
 *
 * @param type   what happened
 * @param login  the customer's login
 * @param at     when
 * @param before the customer before the change, where there was one
 * @param after  the customer after the change, where there is one
 * @param detail a short note: the group of a membership change, the reason of a failed login, ...
 */
public record CustomerEvent(Type type, String login, Instant at, Optional<Customer> before, Optional<Customer> after,
        String detail) {

    /** The kinds of event. */
    public enum Type {
        CREATED,
        UPDATED,
        INVALIDATED,
        ERASED,
        PASSWORD_CHANGED,
        MEMBERSHIP_CHANGED,
        LOGIN_SUCCEEDED,
        LOGIN_FAILED
    }

    @Override
    public String toString() {
        return "CustomerEvent[" + type + " " + login + " at " + at + (detail.isEmpty() ? "" : ", " + detail) + "]";
    }
}
