package dev.clientele.jdbc.entity;

import dev.clientele.Validity;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code clientele_companies}: one customer company, identified by its customer-ID key. */
@Entity
@Table(name = "clientele_companies")
@Access(AccessType.FIELD)
public class CompanyEntity {
    @Id
    @Column(name = "customer_id_key", length = 300, nullable = false)
    private String customerIdKey;

    @Column(name = "customer_id", length = 150, nullable = false)
    private String customerId;

    @Column(name = "name", length = 200)
    private @Nullable String name;

    @Column(name = "street", length = 200)
    private @Nullable String street;

    @Column(name = "zip", length = 200)
    private @Nullable String zip;

    @Column(name = "city", length = 200)
    private @Nullable String city;

    @Column(name = "country", length = 200)
    private @Nullable String country;

    @Column(name = "url", length = 200)
    private @Nullable String url;

    @Column(name = "comments", length = 250)
    private @Nullable String comment;

    @Column(name = "validity", length = 30, nullable = false)
    private String validity;

    /** For JPA. */
    protected CompanyEntity() {
    }

    public String getCustomerIdKey() { return customerIdKey; }
    public String getCustomerId() { return customerId; }
    public @Nullable String getName() { return name; }
    public @Nullable String getStreet() { return street; }
    public @Nullable String getZip() { return zip; }
    public @Nullable String getCity() { return city; }
    public @Nullable String getCountry() { return country; }
    public @Nullable String getUrl() { return url; }
    public @Nullable String getComment() { return comment; }
    public Validity getValidity() { return Validity.valueOf(validity); }

    @Override
    public String toString() {
        return "CompanyEntity[customerId=" + customerId + "]";
    }
}
