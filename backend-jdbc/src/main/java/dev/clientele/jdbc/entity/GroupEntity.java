package dev.clientele.jdbc.entity;

import dev.clientele.Validity;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code clientele_groups}: one customer group, identified by its name key. */
@Entity
@Table(name = "clientele_groups")
@Access(AccessType.FIELD)
public class GroupEntity {
    @Id
    @Column(name = "name_key", length = 400, nullable = false)
    private String nameKey;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Column(name = "comments", length = 250)
    private @Nullable String comment;

    @Column(name = "validity", length = 30, nullable = false)
    private String validity;

    /** For JPA. */
    protected GroupEntity() {
    }

    public String getNameKey() { return nameKey; }
    public String getName() { return name; }
    public @Nullable String getComment() { return comment; }
    public Validity getValidity() { return Validity.valueOf(validity); }

    @Override
    public String toString() {
        return "GroupEntity[name=" + name + "]";
    }
}
