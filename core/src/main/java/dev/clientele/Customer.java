package dev.clientele;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A customer account: immutable. Its key is the {@link #login()} (matched case-insensitively).
 *
 * <p>Built with {@link #builder(String)}; changed with {@link #toBuilder()}. Strings are stripped and blank ones
 * become {@code null}. The builder checks no business rule: mandatory fields, lengths and email syntax are
 * checked by the {@link CustomerDirectory} when a customer is created or updated, and all failures are reported
 * at once ({@link CustomerValidationException}). A customer read from a directory may therefore lack fields.
 *
 * <p>Never holds a password. {@link #toString()} prints no personal data beyond the login.
 */
public final class Customer {
    private final String login;
    private final @Nullable String email;
    private final @Nullable String customerId;
    private final @Nullable String title;
    private final @Nullable String firstName;
    private final @Nullable String lastName;
    private final @Nullable String phone;
    private final @Nullable String fax;
    private final @Nullable String mobile;
    private final @Nullable String street;
    private final @Nullable String zip;
    private final @Nullable String city;
    private final @Nullable String country;
    private final @Nullable String comment;
    private final Validity validity;
    private final Set<String> additionalCustomerIds;
    private final Map<String, String> attributes;
    private final @Nullable Instant created;
    private final @Nullable Instant changed;
    private final long version;

    private Customer(Builder b) {
        this.login = b.login;
        this.email = b.email;
        this.customerId = b.customerId;
        this.title = b.title;
        this.firstName = b.firstName;
        this.lastName = b.lastName;
        this.phone = b.phone;
        this.fax = b.fax;
        this.mobile = b.mobile;
        this.street = b.street;
        this.zip = b.zip;
        this.city = b.city;
        this.country = b.country;
        this.comment = b.comment;
        this.validity = b.validity;
        // most customers have neither: the shared empty values cost no copy (a search builds hundreds at a time)
        this.additionalCustomerIds = b.additionalCustomerIds.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(new LinkedHashSet<>(b.additionalCustomerIds));
        this.attributes = b.attributes.isEmpty() ? Collections.emptyMap()
                : Collections.unmodifiableMap(new TreeMap<>(b.attributes));
        this.created = b.created;
        this.changed = b.changed;
        this.version = b.version;
    }

    /** A new builder for a customer with this login. */
    public static Builder builder(@Nullable String login) {
        return new Builder().login(login);
    }

    /** A builder holding every value of this customer, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.login = login;
        b.email = email;
        b.customerId = customerId;
        b.title = title;
        b.firstName = firstName;
        b.lastName = lastName;
        b.phone = phone;
        b.fax = fax;
        b.mobile = mobile;
        b.street = street;
        b.zip = zip;
        b.city = city;
        b.country = country;
        b.comment = comment;
        b.validity = validity;
        b.additionalCustomerIds.addAll(additionalCustomerIds);
        b.attributes.putAll(attributes);
        b.created = created;
        b.changed = changed;
        b.version = version;
        return b;
    }

    public String login() { return login; }
    public @Nullable String email() { return email; }
    /** The company this customer belongs to (its tickets carry this ID). */
    public @Nullable String customerId() { return customerId; }
    public @Nullable String title() { return title; }
    public @Nullable String firstName() { return firstName; }
    public @Nullable String lastName() { return lastName; }
    public @Nullable String phone() { return phone; }
    public @Nullable String fax() { return fax; }
    public @Nullable String mobile() { return mobile; }
    public @Nullable String street() { return street; }
    public @Nullable String zip() { return zip; }
    public @Nullable String city() { return city; }
    public @Nullable String country() { return country; }
    public @Nullable String comment() { return comment; }
    public Validity validity() { return validity; }
    /** More companies whose tickets this customer may see, in insertion order. */
    public Set<String> additionalCustomerIds() { return additionalCustomerIds; }
    /** Extra mapped fields, sorted by name. */
    public Map<String, String> attributes() { return attributes; }
    /** When the customer was created, where the store keeps it; else {@code null}. */
    public @Nullable Instant created() { return created; }
    /** When the customer was last changed, where the store keeps it; else {@code null}. */
    public @Nullable Instant changed() { return changed; }
    /**
     * The stored version for optimistic locking: 0 for a customer not stored yet (or a store without versions).
     * An update must carry the version it was read with.
     */
    public long version() { return version; }

    public boolean isValid() {
        return validity.isValid();
    }

    /** "First Last", or the login when neither name is known. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? login : name;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Customer)) {
            return false;
        }
        Customer c = (Customer) o;
        return version == c.version && login.equals(c.login) && Objects.equals(email, c.email)
                && Objects.equals(customerId, c.customerId) && Objects.equals(title, c.title)
                && Objects.equals(firstName, c.firstName) && Objects.equals(lastName, c.lastName)
                && Objects.equals(phone, c.phone) && Objects.equals(fax, c.fax) && Objects.equals(mobile, c.mobile)
                && Objects.equals(street, c.street) && Objects.equals(zip, c.zip) && Objects.equals(city, c.city)
                && Objects.equals(country, c.country) && Objects.equals(comment, c.comment)
                && validity == c.validity && additionalCustomerIds.equals(c.additionalCustomerIds)
                && attributes.equals(c.attributes) && Objects.equals(created, c.created)
                && Objects.equals(changed, c.changed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(login, email, customerId, version);
    }

    @Override
    public String toString() {
        return "Customer[login=" + login + ", customerId=" + customerId + ", validity=" + validity
                + ", version=" + version + "]";
    }

    /** Builds a {@link Customer}. Not thread-safe; reusable. */
    public static final class Builder {
        private @Nullable String login;
        private @Nullable String email;
        private @Nullable String customerId;
        private @Nullable String title;
        private @Nullable String firstName;
        private @Nullable String lastName;
        private @Nullable String phone;
        private @Nullable String fax;
        private @Nullable String mobile;
        private @Nullable String street;
        private @Nullable String zip;
        private @Nullable String city;
        private @Nullable String country;
        private @Nullable String comment;
        private Validity validity = Validity.VALID;
        private final Set<String> additionalCustomerIds = new LinkedHashSet<>();
        private final Map<String, String> attributes = new TreeMap<>();
        private @Nullable Instant created;
        private @Nullable Instant changed;
        private long version;

        private Builder() {
        }

        public Builder login(@Nullable String login) { this.login = clean(login); return this; }
        public Builder email(@Nullable String email) { this.email = clean(email); return this; }
        public Builder customerId(@Nullable String customerId) { this.customerId = clean(customerId); return this; }
        public Builder title(@Nullable String title) { this.title = clean(title); return this; }
        public Builder firstName(@Nullable String firstName) { this.firstName = clean(firstName); return this; }
        public Builder lastName(@Nullable String lastName) { this.lastName = clean(lastName); return this; }
        public Builder phone(@Nullable String phone) { this.phone = clean(phone); return this; }
        public Builder fax(@Nullable String fax) { this.fax = clean(fax); return this; }
        public Builder mobile(@Nullable String mobile) { this.mobile = clean(mobile); return this; }
        public Builder street(@Nullable String street) { this.street = clean(street); return this; }
        public Builder zip(@Nullable String zip) { this.zip = clean(zip); return this; }
        public Builder city(@Nullable String city) { this.city = clean(city); return this; }
        public Builder country(@Nullable String country) { this.country = clean(country); return this; }
        public Builder comment(@Nullable String comment) { this.comment = clean(comment); return this; }

        public Builder validity(Validity validity) {
            if (validity == null) {
                throw ValidationException.ofArgument("validity", "is required");
            }
            this.validity = validity;
            return this;
        }

        /** Sets a field by its {@link CustomerField}. */
        public Builder set(CustomerField field, @Nullable String value) {
            switch (field) {
                case LOGIN: return login(value);
                case EMAIL: return email(value);
                case CUSTOMER_ID: return customerId(value);
                case TITLE: return title(value);
                case FIRST_NAME: return firstName(value);
                case LAST_NAME: return lastName(value);
                case PHONE: return phone(value);
                case FAX: return fax(value);
                case MOBILE: return mobile(value);
                case STREET: return street(value);
                case ZIP: return zip(value);
                case CITY: return city(value);
                case COUNTRY: return country(value);
                case COMMENT: return comment(value);
                default: throw new AssertionError(field);
            }
        }

        /** Replaces the additional customer IDs; blank ones are dropped. */
        public Builder additionalCustomerIds(Collection<String> ids) {
            additionalCustomerIds.clear();
            for (String id : ids) {
                String c = clean(id);
                if (c != null) {
                    additionalCustomerIds.add(c);
                }
            }
            return this;
        }

        public Builder additionalCustomerIds(String... ids) {
            return additionalCustomerIds(java.util.Arrays.asList(ids));
        }

        /** Sets an extra attribute; a blank value removes it. */
        public Builder attribute(String name, @Nullable String value) {
            String n = clean(name);
            if (n == null) {
                throw ValidationException.ofArgument("attribute", "name must not be blank");
            }
            String v = clean(value);
            if (v == null) {
                attributes.remove(n);
            } else {
                attributes.put(n, v);
            }
            return this;
        }

        public Builder attributes(Map<String, String> attributes) {
            this.attributes.clear();
            attributes.forEach(this::attribute);
            return this;
        }

        public Builder created(@Nullable Instant created) { this.created = created; return this; }
        public Builder changed(@Nullable Instant changed) { this.changed = changed; return this; }

        public Builder version(long version) {
            if (version < 0) {
                throw ValidationException.ofArgument("version", "must not be negative, was " + version);
            }
            this.version = version;
            return this;
        }

        /**
         * Builds the customer.
         *
         * @throws CustomerValidationException if the login is missing (the only field a customer value cannot be
         *         without); it lists every other bad field too, as a create would, so a form shows them all at once
         */
        public Customer build() {
            Customer c = new Customer(this);
            if (login == null) {
                throw new CustomerValidationException(dev.clientele.internal.Validation.errors(c));
            }
            return c;
        }

        private static @Nullable String clean(@Nullable String s) {
            if (s == null) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }
    }
}
