package dev.clientele;

import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The string fields of a {@link Customer} (the OTRS default map), each with its name as used in messages,
 * configuration and mappings, and its maximum length (those of the OTRS {@code customer_user} table).
 */
public enum CustomerField {
    LOGIN("login", 200, Customer::login),
    EMAIL("email", 150, Customer::email),
    CUSTOMER_ID("customerId", 150, Customer::customerId),
    TITLE("title", 50, Customer::title),
    FIRST_NAME("firstName", 100, Customer::firstName),
    LAST_NAME("lastName", 100, Customer::lastName),
    PHONE("phone", 150, Customer::phone),
    FAX("fax", 150, Customer::fax),
    MOBILE("mobile", 150, Customer::mobile),
    STREET("street", 150, Customer::street),
    ZIP("zip", 200, Customer::zip),
    CITY("city", 200, Customer::city),
    COUNTRY("country", 200, Customer::country),
    COMMENT("comment", 250, Customer::comment);

    private final String key;
    private final int maxLength;
    private final Function<Customer, @Nullable String> getter;

    CustomerField(String key, int maxLength, Function<Customer, @Nullable String> getter) {
        this.key = key;
        this.maxLength = maxLength;
        this.getter = getter;
    }

    /** The field's name in messages and configuration, e.g. {@code firstName}. */
    public String key() {
        return key;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The field's value of a customer, or {@code null}. */
    public @Nullable String get(Customer customer) {
        return getter.apply(customer);
    }

    /**
     * Accepts {@code firstName}, {@code first-name}, {@code first_name} or {@code FIRST_NAME}.
     *
     * @throws ValidationException naming {@code field} when the text names no field
     */
    public static CustomerField parse(String text) {
        String wanted = text == null ? "" : text.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (CustomerField f : values()) {
            if (f.key.toLowerCase(Locale.ROOT).equals(wanted)) {
                return f;
            }
        }
        throw ValidationException.ofArgument("field", "must name a customer field, not '" + text + "'");
    }
}
