package dev.clientele.memory.internal;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Validity;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored customer, held compactly: its fourteen field values, version and validity in one object, the rarely set
 * values (instants, additional customer IDs, attributes) in a second one only when set. 88 bytes against about 260
 * for a {@link Customer} with its (mostly empty) collections; {@link #toCustomer()} builds the value on each read,
 * sharing the strings. Its values never change: {@link #share} only swaps a string for an equal one.
 */
final class CustomerRow {
    private static final CustomerField[] FIELDS = CustomerField.values();
    private static final Validity[] VALIDITIES = Validity.values();

    private final String login;
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
    private final long version;
    private final byte validity;
    private final @Nullable Rest rest;

    /** The values few customers have. */
    private static final class Rest {
        final @Nullable Instant created;
        final @Nullable Instant changed;
        final String[] additionalCustomerIds;
        /** Name, value, name, value, ... in name order. */
        final String[] attributes;

        Rest(Customer c) {
            created = c.created();
            changed = c.changed();
            additionalCustomerIds = c.additionalCustomerIds().toArray(new String[0]);
            attributes = new String[c.attributes().size() * 2];
            int i = 0;
            for (Map.Entry<String, String> e : c.attributes().entrySet()) {
                attributes[i++] = e.getKey();
                attributes[i++] = e.getValue();
            }
        }
    }

    CustomerRow(Customer c) {
        login = c.login();
        email = c.email();
        customerId = c.customerId();
        title = c.title();
        firstName = c.firstName();
        lastName = c.lastName();
        phone = c.phone();
        fax = c.fax();
        mobile = c.mobile();
        street = c.street();
        zip = c.zip();
        city = c.city();
        country = c.country();
        comment = c.comment();
        version = c.version();
        validity = (byte) c.validity().ordinal();
        rest = c.created() == null && c.changed() == null && c.additionalCustomerIds().isEmpty()
                && c.attributes().isEmpty() ? null : new Rest(c);
    }

    /** The customer value, built anew (its strings are the row's). */
    Customer toCustomer() {
        Customer.Builder b = Customer.builder(login).email(email).customerId(customerId).title(title)
                .firstName(firstName).lastName(lastName).phone(phone).fax(fax).mobile(mobile).street(street).zip(zip)
                .city(city).country(country).comment(comment).validity(VALIDITIES[validity]).version(version);
        if (rest != null) {
            b.created(rest.created).changed(rest.changed).additionalCustomerIds(rest.additionalCustomerIds);
            for (int i = 0; i < rest.attributes.length; i += 2) {
                b.attribute(rest.attributes[i], rest.attributes[i + 1]);
            }
        }
        return b.build();
    }

    /** The value of the field with this ordinal ({@link CustomerField#ordinal()}), or {@code null}. */
    @Nullable String value(int field) {
        switch (field) {
            case 0: return login;
            case 1: return email;
            case 2: return customerId;
            case 3: return title;
            case 4: return firstName;
            case 5: return lastName;
            case 6: return phone;
            case 7: return fax;
            case 8: return mobile;
            case 9: return street;
            case 10: return zip;
            case 11: return city;
            case 12: return country;
            case 13: return comment;
            default: throw new IllegalArgumentException("no field " + field + " of " + FIELDS.length);
        }
    }

    /**
     * Holds {@code value}, which must equal the field's value, instead of it: a value many customers have (a
     * customer ID, a street, a zip code) is then one string, not one per customer. Under the store's write lock.
     */
    void share(int field, String value) {
        if (!value.equals(value(field)) || field == 0) {
            throw new IllegalArgumentException("not the login, nor a different value");
        }
        switch (field) {
            case 1: email = value; break;
            case 2: customerId = value; break;
            case 3: title = value; break;
            case 4: firstName = value; break;
            case 5: lastName = value; break;
            case 6: phone = value; break;
            case 7: fax = value; break;
            case 8: mobile = value; break;
            case 9: street = value; break;
            case 10: zip = value; break;
            case 11: city = value; break;
            case 12: country = value; break;
            case 13: comment = value; break;
            default: throw new IllegalArgumentException("no field " + field + " of " + FIELDS.length);
        }
    }

    long version() {
        return version;
    }

    boolean isValid() {
        return VALIDITIES[validity].isValid();
    }
}
