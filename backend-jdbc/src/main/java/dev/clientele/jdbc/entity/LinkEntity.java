package dev.clientele.jdbc.entity;

import dev.clientele.Membership;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A row of {@code clientele_links}: a customer (kind {@code CUSTOMER}, subject = login) or a company (kind
 * {@code COMPANY}, subject = customer ID) linked to a group with a permission. These are the stored links only; what a
 * customer may finally do is computed by the directory's policy ({@code CustomerDirectory.permissions}).
 */
@Entity
@Table(name = "clientele_links")
@IdClass(LinkId.class)
@Access(AccessType.FIELD)
public class LinkEntity {
    @Id
    @Column(name = "kind", length = 10, nullable = false)
    private String kind;

    @Id
    @Column(name = "subject_key", length = 400, nullable = false)
    private String subjectKey;

    @Id
    @Column(name = "group_key", length = 400, nullable = false)
    private String groupKey;

    @Id
    @Column(name = "context", length = 30, nullable = false)
    private String context;

    @Column(name = "subject", length = 200, nullable = false)
    private String subject;

    @Column(name = "group_name", length = 200, nullable = false)
    private String groupName;

    @Column(name = "permission", length = 2, nullable = false)
    private String permission;

    /** For JPA. */
    protected LinkEntity() {
    }

    public Membership.Kind getKind() { return Membership.Kind.valueOf(kind); }
    public String getSubjectKey() { return subjectKey; }
    public String getGroupKey() { return groupKey; }
    public PermissionContext getContext() { return PermissionContext.valueOf(context); }
    public String getSubject() { return subject; }
    public String getGroupName() { return groupName; }
    public Permission getPermission() { return Permission.valueOf(permission); }

    /** The link as the SPI's value. */
    public Membership toMembership() {
        return new Membership(getKind(), subject, groupName, getPermission(), getContext());
    }

    @Override
    public String toString() {
        return "LinkEntity[" + kind + " " + subject + " -> " + groupName + " " + permission + " " + context + "]";
    }
}
