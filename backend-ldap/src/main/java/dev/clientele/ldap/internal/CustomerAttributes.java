package dev.clientele.ldap.internal;

import static dev.clientele.ldap.internal.CustomerMapper.UAC;
import static dev.clientele.ldap.internal.CustomerMapper.UAC_DISABLED;
import static dev.clientele.ldap.internal.CustomerMapper.UAC_NORMAL;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerValidationException;
import dev.clientele.Validity;
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers to entries, by the attribute mapping of the settings: the DN a new customer gets, the entry it is
 * created as, and the modifications that turn a stored entry into it (replacing every mapped attribute but the
 * login, removing those it has no value for). A value no attribute is mapped to is refused with a
 * {@link CustomerValidationException} naming the key to set. The other way, entries to customers, is
 * {@link CustomerMapper}'s, which makes this one ({@link CustomerMapper#attributes()}).
 */
final class CustomerAttributes {
    private final SettingsOrigin origin;
    private final MappingSettings mapping;
    private final SearchSettings search;
    private final String login;
    private final Map<CustomerField, String> fields;

    CustomerAttributes(SettingsOrigin origin, MappingSettings mapping, SearchSettings search) {
        this.origin = origin;
        this.mapping = mapping;
        this.search = search;
        this.login = mapping.loginAttribute();
        this.fields = mapping.fieldAttributes();
    }

    /** The value of the validity attribute for a validity. */
    static String validityValue(Validity v) {
        return v.key();
    }

    /** The DN a new customer gets: the preset's naming attribute (the login's by default) under the base DN. */
    DN dnFor(String loginValue) {
        String rdn = mapping.preset().activeDirectory() ? "cn" : login;
        return new DN(new RDN(rdn, loginValue), search.baseDn());
    }

    /** Attribute values a customer is stored with, by attribute; a null list removes the attribute. */
    private Map<String, List<String>> values(Customer c, Entry current) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CustomerField f : CustomerField.values()) {
            if (f == CustomerField.LOGIN) {
                continue;
            }
            String value = f.get(c);
            if (f == CustomerField.CUSTOMER_ID && mapping.fixedCustomerId().isPresent()) {
                if (value != null && !Keys.same(value, mapping.fixedCustomerId().get())) {
                    errors.put(f.key(), "must be '" + mapping.fixedCustomerId().get() + "': LDAP back-end '"
                            + origin.name() + "' gives every customer that customer ID");
                }
                continue;
            }
            String attr = fields.get(f);
            if (attr == null) {
                if (value != null) {
                    errors.put(f.key(), notMapped("map." + f.key()));
                }
                continue;
            }
            out.put(attr, value == null ? null : List.of(value));
        }
        if (mapping.additionalIdsAttribute().isPresent()) {
            out.put(mapping.additionalIdsAttribute().get(), c.additionalCustomerIds().isEmpty() ? null
                    : List.copyOf(c.additionalCustomerIds()));
        } else if (!c.additionalCustomerIds().isEmpty()) {
            errors.put("additionalCustomerIds", notMapped("map.additional-customer-ids"));
        }
        for (Map.Entry<String, String> a : c.attributes().entrySet()) {
            if (!mapping.extraAttributes().containsKey(a.getKey())) {
                errors.put(a.getKey(), notMapped("attribute." + a.getKey()));
            }
        }
        mapping.extraAttributes().forEach((name, attr) -> {
            String v = c.attributes().get(name);
            out.put(attr, v == null ? null : List.of(v));
        });
        if (mapping.validityAttribute().isPresent()) {
            out.put(mapping.validityAttribute().get(), c.validity() == Validity.VALID ? null
                    : List.of(validityValue(c.validity())));
        } else if (mapping.preset().activeDirectory()) {
            int uac = current == null ? UAC_NORMAL : valueOr(current.getAttributeValueAsInteger(UAC), UAC_NORMAL);
            uac = c.validity() == Validity.VALID ? uac & ~UAC_DISABLED : uac | UAC_DISABLED;
            out.put(UAC, List.of(Integer.toString(uac)));
        } else if (c.validity() != Validity.VALID) {
            errors.put("validity", "cannot be stored by LDAP back-end '" + origin.name() + "': set "
                    + origin.key("validity-attribute") + " to keep invalid customers");
        }
        if (!out.containsKey("cn") && !mapping.preset().activeDirectory()) {
            out.put("cn", List.of(c.displayName()));
        }
        if (!errors.isEmpty()) {
            throw new CustomerValidationException(errors);
        }
        return out;
    }

    private static int valueOr(Integer v, int otherwise) {
        return v == null ? otherwise : v;
    }

    private String notMapped(String key) {
        return "is not stored by LDAP back-end '" + origin.name() + "': no attribute is mapped to it ("
                + origin.key(key) + ")";
    }

    /** A new entry for a customer. Throws CustomerValidationException for values that have no attribute. */
    Entry newEntry(Customer c) {
        Entry e = new Entry(dnFor(c.login()));
        e.addAttribute("objectClass", mapping.preset().objectClasses().toArray(new String[0]));
        e.addAttribute(login, c.login());
        if (mapping.preset().activeDirectory()) {
            e.addAttribute("cn", c.login());
        }
        values(c, null).forEach((attr, vs) -> {
            if (vs != null && !attr.equalsIgnoreCase(login)) {
                e.addAttribute(attr, vs.toArray(new String[0]));
            }
        });
        return e;
    }

    /** What turns the stored entry into the customer: replacements of every mapped attribute but the login. */
    List<Modification> changes(Entry current, Customer c) {
        List<Modification> mods = new ArrayList<>();
        values(c, current).forEach((attr, vs) -> {
            if (attr.equalsIgnoreCase(login)) {
                return;
            }
            Attribute now = current.getAttribute(attr);
            if (vs == null) {
                if (now != null) {
                    mods.add(new Modification(ModificationType.DELETE, attr));
                }
            } else if (now == null || !sameValues(now.getValues(), vs)) {
                mods.add(new Modification(ModificationType.REPLACE, attr, vs.toArray(new String[0])));
            }
        });
        return mods;
    }

    private static boolean sameValues(String[] a, List<String> b) {
        return List.of(a).equals(b);
    }
}
