package dev.clientele.spring;

import dev.clientele.CustomerDirectory;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Spring Security over the directory, when Spring Security is on the class path: the
 * {@link ClienteleAuthenticationProvider} (Spring Security uses a single {@link AuthenticationProvider} bean for its
 * global authentication, and Spring Boot then creates no default user) and the {@link CustomerPermissionEvaluator}
 * for {@code hasPermission}, made known to method security ({@code @PreAuthorize}, {@code @EnableMethodSecurity})
 * by a {@link MethodSecurityExpressionHandler} that asks the application's {@link PermissionEvaluator} bean, ours
 * unless the application has its own. Each backs off when the application defines its own.
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

    /**
     * Method security's expression handler with the {@link PermissionEvaluator} bean (looked up at the first check,
     * so this infrastructure bean does not start the directory early). Static, as Spring Security asks of it.
     */
    @Bean
    @ConditionalOnMissingBean(MethodSecurityExpressionHandler.class)
    public static MethodSecurityExpressionHandler clienteleMethodSecurityExpressionHandler(
            ObjectProvider<PermissionEvaluator> evaluators, ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setPermissionEvaluator(new PermissionEvaluator() {
            @Override
            public boolean hasPermission(@Nullable Authentication authentication, @Nullable Object target,
                    @Nullable Object permission) {
                return evaluators.getObject().hasPermission(authentication, target, permission);
            }

            @Override
            public boolean hasPermission(@Nullable Authentication authentication, @Nullable Serializable targetId,
                    @Nullable String targetType, @Nullable Object permission) {
                return evaluators.getObject().hasPermission(authentication, targetId, targetType, permission);
            }
        });
        handler.setApplicationContext(context);
        return handler;
    }
}
