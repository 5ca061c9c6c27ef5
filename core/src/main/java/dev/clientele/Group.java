package dev.clientele;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer group: queues are assigned to groups, customers get permissions on groups. Key: {@link #name()}.
 *
 * @param name     the group's name, e.g. {@code support}
 * @param comment  free text, may be {@code null}
 * @param validity only a valid group grants anything
 */
public record Group(String name, @Nullable String comment, Validity validity) {

    public Group {
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty()) {
            throw new ValidationException("group", Map.of("name", "is required"));
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        Objects.requireNonNull(validity, "validity");
    }

    /** A valid group without comment. */
    public static Group of(String name) {
        return new Group(name, null, Validity.VALID);
    }

    public Group withComment(@Nullable String comment) {
        return new Group(name, comment, validity);
    }

    public Group withValidity(Validity validity) {
        return new Group(name, comment, validity);
    }

    public boolean isValid() {
        return validity.isValid();
    }
}
