package dev.clientele.jdbc.entity;

import dev.clientele.Validity;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    private String name;

    @Column(name = "street", length = 200)
    private String street;

    @Column(name = "zip", length = 200)
    private String zip;

    @Column(name = "city", length = 200)
    private String city;

    @Column(name = "country", length = 200)
    private String country;

    @Column(name = "url", length = 200)
    private String url;

    @Column(name = "comments", length = 250)
    private String comment;

    @Column(name = "validity", length = 30, nullable = false)
    private String validity;

    /** For JPA. */
    protected CompanyEntity() {
    }

    public String getCustomerIdKey() { return customerIdKey; }
    public String getCustomerId() { return customerId; }
    public String getName() { return name; }
    public String getStreet() { return street; }
    public String getZip() { return zip; }
    public String getCity() { return city; }
    public String getCountry() { return country; }
    public String getUrl() { return url; }
    public String getComment() { return comment; }
    public Validity getValidity() { return Validity.valueOf(validity); }

    @Override
    public String toString() {
        return "CompanyEntity[customerId=" + customerId + "]";
    }
}
