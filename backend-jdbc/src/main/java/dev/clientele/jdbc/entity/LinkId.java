package dev.clientele.jdbc.entity;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The identifier of a {@link LinkEntity}: kind, subject key, group key and context. */
public class LinkId implements Serializable {
    private static final long serialVersionUID = 1L;

    private @Nullable String kind;
    private @Nullable String subjectKey;
    private @Nullable String groupKey;
    private @Nullable String context;

    /** For JPA. */
    public LinkId() {
    }

    public LinkId(String kind, String subjectKey, String groupKey, String context) {
        this.kind = kind;
        this.subjectKey = subjectKey;
        this.groupKey = groupKey;
        this.context = context;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinkId)) {
            return false;
        }
        LinkId l = (LinkId) o;
        return Objects.equals(kind, l.kind) && Objects.equals(subjectKey, l.subjectKey)
                && Objects.equals(groupKey, l.groupKey) && Objects.equals(context, l.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, subjectKey, groupKey, context);
    }
}
