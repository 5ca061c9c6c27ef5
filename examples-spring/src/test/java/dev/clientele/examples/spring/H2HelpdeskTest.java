package dev.clientele.examples.spring;

import org.junit.jupiter.api.DisplayName;

/** The example on the embedded H2 DataSource Spring Boot makes when no URL is set: the application as shipped. */
@DisplayName("The example helpdesk on H2 (Spring Boot's embedded DataSource)")
class H2HelpdeskTest extends HelpdeskApplicationContract {
}
