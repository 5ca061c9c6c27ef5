package dev.clientele.examples.helpdesk;

import dev.clientele.CustomerDirectory;
import dev.clientele.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A helpdesk embedding Clientele, cut to the bone: each queue belongs to a customer group, and the helpdesk asks
 * the directory before it shows a queue (RO) or takes a ticket into it (RW). Nothing here knows which back-end
 * holds the customers.
 */
public final class Helpdesk {
    /** A ticket, as little as needed. */
    public record Ticket(int id, String queue, String customer, String title) {
    }

    private final CustomerDirectory directory;
    private final Map<String, String> queueToGroup = new LinkedHashMap<>();
    private final List<Ticket> tickets = new ArrayList<>();

    public Helpdesk(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** Assigns a queue to a customer group (as in Znuny's queue settings). */
    public Helpdesk queue(String queue, String group) {
        queueToGroup.put(queue, group);
        return this;
    }

    /** The queues the customer may see: those whose group it holds at least RO on. */
    public List<String> visibleQueues(String login) {
        List<String> out = new ArrayList<>();
        queueToGroup.forEach((queue, group) -> {
            if (directory.hasPermission(login, group, Permission.RO)) {
                out.add(queue);
            }
        });
        return out;
    }

    /** The tickets of a queue, if the customer may see it. */
    public List<Ticket> showQueue(String login, String queue) {
        requirePermission(login, queue, Permission.RO);
        return tickets.stream().filter(t -> t.queue().equals(queue)).toList();
    }

    /** Creates a ticket in a queue, if the customer may write in it. */
    public Ticket createTicket(String login, String queue, String title) {
        requirePermission(login, queue, Permission.RW);
        Ticket t = new Ticket(tickets.size() + 1, queue, directory.getCustomer(login).login(), title);
        tickets.add(t);
        return t;
    }

    public List<Ticket> tickets() {
        return Collections.unmodifiableList(tickets);
    }

    private void requirePermission(String login, String queue, Permission needed) {
        String group = queueToGroup.get(queue);
        if (group == null) {
            throw new IllegalArgumentException("no queue '" + queue + "'");
        }
        if (!directory.hasPermission(login, group, needed)) {
            throw new SecurityException(login + " may not " + (needed == Permission.RW ? "write in" : "see")
                    + " queue " + queue + " (needs " + needed.key() + " on group " + group + ")");
        }
    }
}
