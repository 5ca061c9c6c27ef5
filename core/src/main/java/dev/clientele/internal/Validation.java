package dev.clientele.internal;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerValidationException;
import dev.clientele.Group;
import dev.clientele.ValidationException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules for customers, companies and groups: the one place they are written. */
public final class Validation {
    /** Fields a customer cannot be created or updated without. */
    public static final Set<CustomerField> MANDATORY = EnumSet.of(CustomerField.LOGIN, CustomerField.EMAIL,
            CustomerField.CUSTOMER_ID, CustomerField.FIRST_NAME, CustomerField.LAST_NAME);
    public static final int MAX_ATTRIBUTE_NAME = 100;
    public static final int MAX_ATTRIBUTE_VALUE = 1000;

    /** local@domain.tld: no spaces, one @, a domain of dot-separated labels of letters, digits and '-'. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\\\\\]]{1,64}@(?=.{1,253}$)([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
                    + "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    private Validation() {
    }

    /** Checks every rule and throws one exception listing every bad field. */
    public static void check(Customer c) {
        check(c, Set.of());
    }

    /**
     * Checks every rule, with {@code storeRequired} also required (the fields the target store cannot keep a
     * customer without, {@link dev.clientele.spi.CustomerStore#requiredFields()}), and throws one exception listing
     * every bad field.
     */
    public static void check(Customer c, Set<CustomerField> storeRequired) {
        Map<String, String> errors = errors(c, storeRequired);
        if (!errors.isEmpty()) {
            throw new CustomerValidationException(errors);
        }
    }

    /** Every bad field of the customer, field key to message, in field order; empty if it passes. */
    public static Map<String, String> errors(Customer c) {
        return errors(c, Set.of());
    }

    /** {@link #errors(Customer)} with the fields of {@code storeRequired} required too. */
    public static Map<String, String> errors(Customer c, Set<CustomerField> storeRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (CustomerField f : CustomerField.values()) {
            String v = f.get(c);
            if (v == null) {
                if (MANDATORY.contains(f)) {
                    errors.put(f.key(), "is required");
                } else if (storeRequired.contains(f)) {
                    errors.put(f.key(), "is required by the back-end that keeps this customer");
                }
                continue;
            }
            text(errors, f.key(), v, f.maxLength());
        }
        if (c.email() != null && !errors.containsKey("email") && !isEmail(c.email())) {
            errors.put("email", "is not a valid email address");
        }
        for (String id : c.additionalCustomerIds()) {
            text(errors, "additionalCustomerIds", id, CustomerField.CUSTOMER_ID.maxLength());
        }
        c.attributes().forEach((k, v) -> {
            text(errors, "attributes", k, MAX_ATTRIBUTE_NAME);
            text(errors, "attribute." + k, v, MAX_ATTRIBUTE_VALUE);
        });
        return errors;
    }

    public static boolean isEmail(String s) {
        return EMAIL.matcher(s).matches() && !s.startsWith(".") && !s.contains("..") && !s.contains(".@");
    }

    public static void check(Company c) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "customerId", c.customerId(), CustomerField.CUSTOMER_ID.maxLength());
        if (c.name() == null) {
            errors.put("name", "is required");
        }
        text(errors, "name", c.name(), 200);
        text(errors, "street", c.street(), 200);
        text(errors, "zip", c.zip(), 200);
        text(errors, "city", c.city(), 200);
        text(errors, "country", c.country(), 200);
        text(errors, "url", c.url(), 200);
        text(errors, "comment", c.comment(), 250);
        if (!errors.isEmpty()) {
            throw new ValidationException("company", errors);
        }
    }

    public static void check(Group g) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "name", g.name(), 200);
        text(errors, "comment", g.comment(), 250);
        if (!errors.isEmpty()) {
            throw new ValidationException("group", errors);
        }
    }

    /** A customer preference: a key of at most 200 characters and a value of at most 4000, both required. */
    public static void checkPreference(String key, String value) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (key == null || key.isBlank()) {
            errors.put("key", "is required");
        }
        text(errors, "key", key, 200);
        if (value == null) {
            errors.put("value", "is required (remove a preference with removePreference)");
        }
        text(errors, "value", value, 4000);
        if (!errors.isEmpty()) {
            throw new ValidationException("preference", errors);
        }
    }

    private static void text(Map<String, String> errors, String field, String v, int max) {
        if (v == null || errors.containsKey(field)) {
            return;
        }
        if (v.length() > max) {
            errors.put(field, "must be at most " + max + " characters, was " + v.length());
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isISOControl(ch)) {
                errors.put(field, "must not contain control characters");
                return;
            }
            if (Character.isHighSurrogate(ch) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                // Not Unicode text: PostgreSQL stores it as '?', a directory cannot read it back.
                errors.put(field, "must not contain an unpaired surrogate (not valid Unicode)");
                return;
            }
        }
    }
}
