package dev.clientele.jdbc.entity;

import dev.clientele.Validity;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
    private @Nullable String email;

    @Column(name = "email_key", length = 300)
    private @Nullable String emailKey;

    @Column(name = "customer_id", length = 150)
    private @Nullable String customerId;

    @Column(name = "customer_id_key", length = 300)
    private @Nullable String customerIdKey;

    @Column(name = "title", length = 50)
    private @Nullable String title;

    @Column(name = "first_name", length = 100)
    private @Nullable String firstName;

    @Column(name = "last_name", length = 100)
    private @Nullable String lastName;

    @Column(name = "phone", length = 150)
    private @Nullable String phone;

    @Column(name = "fax", length = 150)
    private @Nullable String fax;

    @Column(name = "mobile", length = 150)
    private @Nullable String mobile;

    @Column(name = "street", length = 150)
    private @Nullable String street;

    @Column(name = "zip", length = 200)
    private @Nullable String zip;

    @Column(name = "city", length = 200)
    private @Nullable String city;

    @Column(name = "country", length = 200)
    private @Nullable String country;

    @Column(name = "comments", length = 250)
    private @Nullable String comment;

    @Column(name = "validity", length = 30, nullable = false)
    private String validity;

    @Column(name = "additional_customer_ids", length = 1_000_000)
    private @Nullable String additionalCustomerIds;

    @Column(name = "attributes", length = 1_000_000)
    private @Nullable String attributes;

    @Column(name = "created")
    private @Nullable Instant created;

    @Column(name = "changed")
    private @Nullable Instant changed;

    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA. */
    protected CustomerEntity() {
    }

    public String getLoginKey() { return loginKey; }
    public String getLogin() { return login; }
    public @Nullable String getEmail() { return email; }
    public @Nullable String getEmailKey() { return emailKey; }
    public @Nullable String getCustomerId() { return customerId; }
    public @Nullable String getCustomerIdKey() { return customerIdKey; }
    public @Nullable String getTitle() { return title; }
    public @Nullable String getFirstName() { return firstName; }
    public @Nullable String getLastName() { return lastName; }
    public @Nullable String getPhone() { return phone; }
    public @Nullable String getFax() { return fax; }
    public @Nullable String getMobile() { return mobile; }
    public @Nullable String getStreet() { return street; }
    public @Nullable String getZip() { return zip; }
    public @Nullable String getCity() { return city; }
    public @Nullable String getCountry() { return country; }
    public @Nullable String getComment() { return comment; }
    public Validity getValidity() { return Validity.valueOf(validity); }
    /** The additional customer IDs as a JSON array of strings, or {@code null} if there are none. */
    public @Nullable String getAdditionalCustomerIdsJson() { return additionalCustomerIds; }
    /** The attributes as a JSON object of strings, or {@code null} if there are none. */
    public @Nullable String getAttributesJson() { return attributes; }
    public @Nullable Instant getCreated() { return created; }
    public @Nullable Instant getChanged() { return changed; }
    public long getVersion() { return version; }

    @Override
    public String toString() {
        return "CustomerEntity[login=" + login + "]";
    }
}
