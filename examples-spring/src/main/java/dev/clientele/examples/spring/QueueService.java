package dev.clientele.examples.spring;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A queue only customers with write access to the group {@code support} may open. */
@Service
public class QueueService {
    /** The support queue; refused (403) without RW on the group {@code support}, asked of Clientele at each call. */
    @PreAuthorize("hasPermission('support', 'rw')")
    public String supportQueue() {
        return "support queue: 3 open tickets";
    }
}
