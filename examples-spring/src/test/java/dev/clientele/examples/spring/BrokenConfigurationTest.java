package dev.clientele.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clientele.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

@DisplayName("The example helpdesk with a broken clientele.* configuration")
class BrokenConfigurationTest {
    static {
        System.clearProperty("clientele.target"); // the build's own flag, see HelpdeskApplicationContract
    }

    @Test
    @DisplayName("does not start, and names every broken property as written in its file, with the line")
    void failsWithEveryProblem() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(HelpdeskApplication.class)
                .properties("spring.config.additional-location=classpath:broken-clientele.properties",
                        "server.port=0", "server.address=127.0.0.1")
                .run().close());
        ConfigurationException e = null;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof ConfigurationException ce) {
                e = ce;
            }
        }
        assertThat(e).as("a ConfigurationException in %s", failure).isNotNull();
        assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                .anySatisfy(k -> assertThat(k).startsWith("clientele.search.limit (")
                        .contains("broken-clientele.properties] - 1:"))
                .anySatisfy(k -> assertThat(k).startsWith("clientele.policy.groupSupport (")
                        .contains("broken-clientele.properties] - 2:"));
        assertThat(e.getMessage()).doesNotContain("Sup3r-Secret");
    }
}
