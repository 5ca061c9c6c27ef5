package dev.clientele.spring;

import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEventListener;
import dev.clientele.jdbc.JdbcBackendProvider;
import dev.clientele.spring.internal.EnvironmentSettings;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A {@link CustomerDirectory} bean from the {@code clientele.*} properties, read by core's own reader: the keys of
 * the properties file (README, "Configuration"), with Spring's relaxed names. A broken property fails the start with
 * every problem at once, each naming the property as written and where, secrets masked.
 *
 * <ul>
 *   <li>The application's {@link DataSource} (a single candidate) is used by every {@code jdbc} back-end that sets
 *       no {@code url} of its own; Clientele never closes it.</li>
 *   <li>A Micrometer {@link MeterRegistry} bean gets the directory's meters.</li>
 *   <li>{@link CustomerEventListener} beans get its events; {@link ClienteleDirectoryCustomizer} beans adjust the
 *       builder.</li>
 *   <li>Every bean backs off when the application defines its own; the directory closes with the context.</li>
 * </ul>
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(CustomerDirectory.class)
public class ClienteleAutoConfiguration {

    /** The directory, closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CustomerDirectory customerDirectory(ConfigurableEnvironment environment,
            ObjectProvider<CustomerEventListener> listeners, ObjectProvider<ClienteleDirectoryCustomizer> customizers) {
        EnvironmentSettings settings = EnvironmentSettings.of(environment);
        CustomerDirectory.Builder builder = CustomerDirectory.builder().config(settings.config());
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            throw settings.rename(e);
        }
    }

    /** The application's data source for {@code jdbc} back-ends without a {@code url}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcBackendProvider.class, DataSource.class})
    @ConditionalOnSingleCandidate(DataSource.class)
    static class HostDataSource {
        @Bean
        @ConditionalOnMissingBean(name = "clienteleDataSourceCustomizer")
        ClienteleDirectoryCustomizer clienteleDataSourceCustomizer(DataSource dataSource) {
            return builder -> builder.provider(JdbcBackendProvider.over(dataSource));
        }
    }

    /** The directory's meters on the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean(name = "clienteleMetricsCustomizer")
        ClienteleDirectoryCustomizer clienteleMetricsCustomizer(MeterRegistry registry) {
            return builder -> builder.meterRegistry(registry);
        }
    }
}
