package dev.clientele;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer company: immutable. Its key is the {@link #customerId()}, which customers point to with
 * {@link Customer#customerId()} and {@link Customer#additionalCustomerIds()}.
 */
public final class Company {
    private final String customerId;
    private final @Nullable String name;
    private final @Nullable String street;
    private final @Nullable String zip;
    private final @Nullable String city;
    private final @Nullable String country;
    private final @Nullable String url;
    private final @Nullable String comment;
    private final Validity validity;

    private Company(Builder b) {
        this.customerId = b.customerId;
        this.name = b.name;
        this.street = b.street;
        this.zip = b.zip;
        this.city = b.city;
        this.country = b.country;
        this.url = b.url;
        this.comment = b.comment;
        this.validity = b.validity;
    }

    public static Builder builder(@Nullable String customerId) {
        return new Builder().customerId(customerId);
    }

    public Builder toBuilder() {
        return new Builder().customerId(customerId).name(name).street(street).zip(zip).city(city).country(country)
                .url(url).comment(comment).validity(validity);
    }

    public String customerId() { return customerId; }
    public @Nullable String name() { return name; }
    public @Nullable String street() { return street; }
    public @Nullable String zip() { return zip; }
    public @Nullable String city() { return city; }
    public @Nullable String country() { return country; }
    public @Nullable String url() { return url; }
    public @Nullable String comment() { return comment; }
    public Validity validity() { return validity; }

    public boolean isValid() {
        return validity.isValid();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Company)) {
            return false;
        }
        Company c = (Company) o;
        return customerId.equals(c.customerId) && Objects.equals(name, c.name) && Objects.equals(street, c.street)
                && Objects.equals(zip, c.zip) && Objects.equals(city, c.city) && Objects.equals(country, c.country)
                && Objects.equals(url, c.url) && Objects.equals(comment, c.comment) && validity == c.validity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, name);
    }

    @Override
    public String toString() {
        return "Company[customerId=" + customerId + ", name=" + name + ", validity=" + validity + "]";
    }

    /** Builds a {@link Company}. Strings are stripped; blank becomes {@code null}. */
    public static final class Builder {
        private @Nullable String customerId;
        private @Nullable String name;
        private @Nullable String street;
        private @Nullable String zip;
        private @Nullable String city;
        private @Nullable String country;
        private @Nullable String url;
        private @Nullable String comment;
        private Validity validity = Validity.VALID;

        private Builder() {
        }

        public Builder customerId(@Nullable String v) { customerId = clean(v); return this; }
        public Builder name(@Nullable String v) { name = clean(v); return this; }
        public Builder street(@Nullable String v) { street = clean(v); return this; }
        public Builder zip(@Nullable String v) { zip = clean(v); return this; }
        public Builder city(@Nullable String v) { city = clean(v); return this; }
        public Builder country(@Nullable String v) { country = clean(v); return this; }
        public Builder url(@Nullable String v) { url = clean(v); return this; }
        public Builder comment(@Nullable String v) { comment = clean(v); return this; }
        public Builder validity(Validity v) {
            if (v == null) {
                throw ValidationException.ofArgument("validity", "is required");
            }
            validity = v;
            return this;
        }

        /** @throws ValidationException if the customer ID is missing */
        public Company build() {
            if (customerId == null) {
                throw new ValidationException("company", Map.of("customerId", "is required"));
            }
            return new Company(this);
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
