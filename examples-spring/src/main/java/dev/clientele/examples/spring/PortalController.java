package dev.clientele.examples.spring;

import dev.clientele.spring.ClienteleAuthenticationToken;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal's pages, as JSON. */
@RestController
public class PortalController {
    private final QueueService queues;

    public PortalController(QueueService queues) {
        this.queues = queues;
    }

    /** Who is logged in: the login, the customer's company and its group authorities. */
    @GetMapping("/me")
    public Map<String, Object> me(Authentication authentication) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("login", authentication.getName());
        if (authentication instanceof ClienteleAuthenticationToken token) {
            token.customer().ifPresent(c -> me.put("customerId", c.customerId()));
        }
        me.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return me;
    }

    @GetMapping("/queues/support")
    public Map<String, String> supportQueue() {
        return Map.of("queue", queues.supportQueue());
    }
}
