package dev.clientele.jdbc.entity;

import dev.clientele.Validity;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code clientele_customers}: one customer. The identifier is the login key ({@code Keys.of(login)}:
 * stripped, lower-cased), which is what other tables should refer to. Read-only use is intended (see the package
 * description); {@code additionalCustomerIds} and {@code attributes} are JSON text (an array and an object of
 * strings).
 */
@Entity
@Table(name = "clientele_customers")
@Access(AccessType.FIELD)
public class CustomerEntity {
    @Id
    @Column(name = "login_key", length = 400, nullable = false)
    private String loginKey;

    @Column(name = "login", length = 200, nullable = false)
    private String login;

    @Column(name = "email", length = 150)
    private String email;

    @Column(name = "email_key", length = 300)
    private String emailKey;

    @Column(name = "customer_id", length = 150)
    private String customerId;

    @Column(name = "customer_id_key", length = 300)
    private String customerIdKey;

    @Column(name = "title", length = 50)
    private String title;

    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", length = 100)
    private String lastName;

    @Column(name = "phone", length = 150)
    private String phone;

    @Column(name = "fax", length = 150)
    private String fax;

    @Column(name = "mobile", length = 150)
    private String mobile;

    @Column(name = "street", length = 150)
    private String street;

    @Column(name = "zip", length = 200)
    private String zip;

    @Column(name = "city", length = 200)
    private String city;

    @Column(name = "country", length = 200)
    private String country;

    @Column(name = "comments", length = 250)
    private String comment;

    @Column(name = "validity", length = 30, nullable = false)
    private String validity;

    @Column(name = "additional_customer_ids", length = 1_000_000)
    private String additionalCustomerIds;

    @Column(name = "attributes", length = 1_000_000)
    private String attributes;

    @Column(name = "created")
    private Instant created;

    @Column(name = "changed")
    private Instant changed;

    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA. */
    protected CustomerEntity() {
    }

    public String getLoginKey() { return loginKey; }
    public String getLogin() { return login; }
    public String getEmail() { return email; }
    public String getEmailKey() { return emailKey; }
    public String getCustomerId() { return customerId; }
    public String getCustomerIdKey() { return customerIdKey; }
    public String getTitle() { return title; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getPhone() { return phone; }
    public String getFax() { return fax; }
    public String getMobile() { return mobile; }
    public String getStreet() { return street; }
    public String getZip() { return zip; }
    public String getCity() { return city; }
    public String getCountry() { return country; }
    public String getComment() { return comment; }
    public Validity getValidity() { return Validity.valueOf(validity); }
    /** The additional customer IDs as a JSON array of strings, or {@code null} if there are none. */
    public String getAdditionalCustomerIdsJson() { return additionalCustomerIds; }
    /** The attributes as a JSON object of strings, or {@code null} if there are none. */
    public String getAttributesJson() { return attributes; }
    public Instant getCreated() { return created; }
    public Instant getChanged() { return changed; }
    public long getVersion() { return version; }

    @Override
    public String toString() {
        return "CustomerEntity[login=" + login + "]";
    }
}
