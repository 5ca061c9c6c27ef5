package dev.clientele.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A helpdesk's customer portal on Spring Boot: customers log in (HTTP Basic or the login form) through Clientele,
 * and a queue is guarded by {@code hasPermission}. Its whole Clientele configuration is one line of
 * {@code application.properties}, {@code clientele.backend.local.type=jdbc}: the jdbc back-end then keeps its tables
 * in the application's DataSource (an embedded H2 here, unless {@code spring.datasource.*} names another).
 */
@SpringBootApplication
public class HelpdeskApplication {
    public static void main(String[] args) {
        SpringApplication.run(HelpdeskApplication.class, args);
    }
}
