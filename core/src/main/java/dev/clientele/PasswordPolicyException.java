package dev.clientele;

import java.util.List;
import java.util.Map;

/** A new password does not satisfy the password policy; {@link #violations()} says every rule it breaks. */
public class PasswordPolicyException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public PasswordPolicyException(List<String> violations) {
        super("password", Map.of("password", String.join(", ", violations)));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
