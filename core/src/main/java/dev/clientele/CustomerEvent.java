package dev.clientele;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in the directory, for a helpdesk's ticket history and audit trail: to a customer, a
 * company or a group (see {@link Type#subject()}). Delivered to {@link CustomerEventListener}s after the change was
 * stored. Never carries a password, hash or token.
 *
 * @param type    what happened
 * @param subject whom it happened to: the customer's login, the company's customer ID or the group's name, as
 *                {@link Type#subject()} says
 * @param at      when
 * @param before  the customer before the change, where there was one (customer events only)
 * @param after   the customer after the change, where there is one (customer events only)
 * @param detail  a short note: the group of a membership change, the reason of a failed login, ...
 * @param actor   who made the change, when the caller said so with {@link CustomerDirectory#actingAs(String)}
 */
public record CustomerEvent(Type type, String subject, Instant at, Optional<Customer> before,
        Optional<Customer> after, String detail, Optional<String> actor) {

    /** What an event is about. */
    public enum Subject {
        CUSTOMER,
        COMPANY,
        GROUP
    }

    /** The kinds of event. */
    public enum Type {
        CREATED,
        UPDATED,
        INVALIDATED,
        ERASED,
        PASSWORD_CHANGED,
        /** A link of the customer to a group was added, changed or removed. */
        MEMBERSHIP_CHANGED,
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        /** An admin lifted the customer's lock-out. */
        UNLOCKED,
        /** A password reset token was issued for the customer (the token itself is never in the event). */
        RESET_TOKEN_ISSUED,
        /** A preference of the customer was set or removed (the detail names the key, not the value). */
        PREFERENCE_CHANGED,
        COMPANY_CREATED(Subject.COMPANY),
        COMPANY_UPDATED(Subject.COMPANY),
        /** A link of the company to a group was added, changed or removed. */
        COMPANY_MEMBERSHIP_CHANGED(Subject.COMPANY),
        GROUP_CREATED(Subject.GROUP),
        GROUP_UPDATED(Subject.GROUP);

        private final Subject subject;

        Type() {
            this(Subject.CUSTOMER);
        }

        Type(Subject subject) {
            this.subject = subject;
        }

        /** What {@link CustomerEvent#subject()} names for this type. */
        public Subject subject() {
            return subject;
        }
    }

    public CustomerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        before = Objects.requireNonNullElse(before, Optional.empty());
        after = Objects.requireNonNullElse(after, Optional.empty());
        detail = Objects.requireNonNullElse(detail, "");
        actor = Objects.requireNonNullElse(actor, Optional.empty());
    }

    /** The customer's login, for a customer event; the same as {@link #subject()}. */
    public String login() {
        return subject;
    }

    @Override
    public String toString() {
        return "CustomerEvent[" + type + " " + subject + " at " + at + (detail.isEmpty() ? "" : ", " + detail)
                + actor.map(a -> ", by " + a).orElse("") + "]";
    }
}
