package dev.clientele.spring;

import dev.clientele.CustomerDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Spring Security over the directory, when Spring Security is on the class path: the
 * {@link ClienteleAuthenticationProvider} (Spring Security uses a single {@link AuthenticationProvider} bean for its
 * global authentication, and Spring Boot then creates no default user) and the {@link CustomerPermissionEvaluator}
 * for {@code hasPermission}. Each backs off when the application defines its own.
 */
@AutoConfiguration(after = ClienteleAutoConfiguration.class)
@ConditionalOnClass({AuthenticationProvider.class, CustomerDirectory.class})
@ConditionalOnBean(CustomerDirectory.class)
public class ClienteleSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ClienteleAuthenticationProvider.class)
    public ClienteleAuthenticationProvider clienteleAuthenticationProvider(CustomerDirectory directory) {
        return new ClienteleAuthenticationProvider(directory);
    }

    @Bean
    @ConditionalOnMissingBean(PermissionEvaluator.class)
    public CustomerPermissionEvaluator customerPermissionEvaluator(CustomerDirectory directory) {
        return new CustomerPermissionEvaluator(directory);
    }
}
