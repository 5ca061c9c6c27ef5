package dev.clientele;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is broken. {@link #problems()} lists every problem found, each naming its key;
 * values of secret keys are never part of a message.
 */
public class ConfigurationException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    /** One problem: the key it concerns and what is wrong. */
    public record Problem(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public ConfigurationException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String key, String message) {
        this(List.of(new Problem(key, message)));
    }

    public ConfigurationException(String key, String message, Throwable cause) {
        super(render(List.of(new Problem(key, message))), cause);
        this.problems = List.of(new Problem(key, message));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return "configuration problem: " + problems.get(0);
        }
        return problems.size() + " configuration problems:" + problems.stream()
                .map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
