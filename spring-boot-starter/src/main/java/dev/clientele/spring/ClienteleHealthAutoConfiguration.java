package dev.clientele.spring;

import dev.clientele.CustomerDirectory;
import dev.clientele.spi.CustomerBackend;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health contributor {@code clientele}: one {@link ClienteleBackendHealthIndicator} per back-end of the
 * directory, by back-end name ({@code /actuator/health/clientele/local}). Off with
 * {@code management.health.clientele.enabled=false}.
 */
@AutoConfiguration(after = ClienteleAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, CustomerDirectory.class})
@ConditionalOnBean(CustomerDirectory.class)
@ConditionalOnEnabledHealthIndicator("clientele")
public class ClienteleHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "clienteleHealthContributor")
    public CompositeHealthContributor clienteleHealthContributor(CustomerDirectory directory) {
        return CompositeHealthContributor.fromMap(directory.backends(),
                (CustomerBackend backend) -> new ClienteleBackendHealthIndicator(backend));
    }
}
