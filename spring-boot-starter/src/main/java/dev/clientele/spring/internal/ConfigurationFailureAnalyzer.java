package dev.clientele.spring.internal;

import dev.clientele.ConfigurationException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a broken Clientele configuration as Spring Boot prints a broken property: every problem, then what to do. */
public final class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        String problems = cause.problems().stream().map(p -> "    " + p.key() + ": " + p.message())
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis("The Clientele configuration is invalid:\n\n" + problems,
                "Correct the clientele.* properties above (their keys and values are those of a Clientele"
                        + " properties file; see the README, \"Configuration\").", cause);
    }
}
