package dev.clientele.examples.helpdesk;

import dev.clientele.CustomerEvent;
import dev.clientele.CustomerEventListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a history per customer from the directory's events, the way a helpdesk notes "customer changed" or
 * "customer invalidated" in the tickets of that customer. Register it with
 * {@code CustomerDirectory.builder().listener(history)} or {@code directory.addListener(history)}.
 */
public final class TicketHistory implements CustomerEventListener {
    private final Map<String, List<String>> byCustomer = new ConcurrentHashMap<>();

    @Override
    public void onEvent(CustomerEvent event) {
        if (event.type().subject() != CustomerEvent.Subject.CUSTOMER) {
            return; // company and group events belong to no customer's tickets
        }
        String line = switch (event.type()) {
            case CREATED -> "customer created";
            case UPDATED -> "customer data changed";
            case INVALIDATED -> "customer invalidated: its tickets stay, it can no longer log in";
            case ERASED -> "customer erased (privacy request)";
            case PASSWORD_CHANGED -> "password changed";
            case MEMBERSHIP_CHANGED -> "group links changed: " + event.detail();
            case LOGIN_SUCCEEDED -> "logged in";
            case LOGIN_FAILED -> "failed login (" + event.detail() + ")";
            case UNLOCKED -> "account unlocked by an admin";
            case RESET_TOKEN_ISSUED -> "password reset requested";
            case PREFERENCE_CHANGED -> "preference changed: " + event.detail();
            default -> event.type().name().toLowerCase(java.util.Locale.ROOT);
        };
        line += event.actor().map(a -> " (by " + a + ")").orElse("");
        byCustomer.computeIfAbsent(event.login(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(event.at() + "  " + line);
    }

    /** What happened to a customer, oldest first. */
    public List<String> of(String login) {
        return List.copyOf(byCustomer.getOrDefault(login, List.of()));
    }
}
