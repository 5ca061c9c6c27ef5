/**
 * Clientele in a Spring Boot application: the auto-configured {@link dev.clientele.CustomerDirectory}, Spring
 * Security login and permissions ({@link dev.clientele.spring.ClienteleAuthenticationProvider},
 * {@link dev.clientele.spring.CustomerPermissionEvaluator}), health and metrics.
 */
@NullMarked
package dev.clientele.spring;

import org.jspecify.annotations.NullMarked;
