package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.Validity;
import dev.clientele.spi.SearchTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries to customers, by the attribute mapping of the settings: the attributes to ask for, the filters that find
 * customers, and the customer an entry holds (its validity from the validity attribute, Active Directory's disabled
 * flag and the valid-filter). The way back, customers to entries and modifications, is {@link CustomerAttributes}'
 * ({@link #attributes()}). Every filter is built from components ({@link Filter#createEqualityFilter(String, String)},
 * {@link Filter#createSubstringFilter(String, String, String[], String)}, ...): a value is never parsed as filter
 * text, so no login or search term can change a filter.
 */
public final class CustomerMapper {
    /** A character beyond ASCII, whose case a directory server may fold differently from core. */
    private static final Pattern BEYOND_ASCII = Pattern.compile("[^\\x00-\\x7F]");
    private static final Logger LOG = LoggerFactory.getLogger(CustomerMapper.class);
    /** Active Directory's userAccountControl flag ACCOUNTDISABLE. */
    static final int UAC_DISABLED = 0x2;
    /** Active Directory's userAccountControl of a normal account. */
    static final int UAC_NORMAL = 0x200;
    static final String UAC = "userAccountControl";

    private final SettingsOrigin origin;
    private final MappingSettings mapping;
    private final SearchSettings search;
    private final String login;
    private final Map<CustomerField, String> fields;
    private final String[] requested;
    private final Filter customerFilter;
    private final CustomerAttributes attributes;

    public CustomerMapper(SettingsOrigin origin, MappingSettings mapping, SearchSettings search) {
        this.origin = origin;
        this.mapping = mapping;
        this.search = search;
        this.login = mapping.loginAttribute();
        this.fields = mapping.fieldAttributes();
        Set<String> attrs = new LinkedHashSet<>();
        attrs.add(login);
        attrs.addAll(fields.values());
        mapping.additionalIdsAttribute().ifPresent(attrs::add);
        attrs.addAll(mapping.extraAttributes().values());
        mapping.validityAttribute().ifPresent(attrs::add);
        search.validFilter().ifPresent(f -> collectAttributes(f, attrs));
        if (mapping.preset().activeDirectory()) {
            attrs.add(UAC);
        }
        attrs.add("createTimestamp");
        attrs.add("modifyTimestamp");
        this.requested = attrs.toArray(new String[0]);
        List<Filter> base = new ArrayList<>();
        base.add(Filter.createPresenceFilter(login));
        search.alwaysFilter().ifPresent(base::add);
        if (search.alwaysFilter().isEmpty() && mapping.preset().activeDirectory()) {
            base.add(Filter.createEqualityFilter("objectCategory", "person"));
            base.add(Filter.createEqualityFilter("objectClass", "user"));
        }
        this.customerFilter = base.size() == 1 ? base.get(0) : Filter.createANDFilter(base);
        this.attributes = new CustomerAttributes(origin, mapping, search);
    }

    private static void collectAttributes(Filter f, Set<String> out) {
        if (f.getAttributeName() != null) {
            out.add(f.getAttributeName());
        }
        for (Filter c : f.getComponents()) {
            collectAttributes(c, out);
        }
        if (f.getNOTComponent() != null) {
            collectAttributes(f.getNOTComponent(), out);
        }
    }

    /** The attributes to ask for when reading customers. */
    public String[] requestedAttributes() {
        return requested.clone();
    }

    public String loginAttribute() {
        return login;
    }

    /** Customers to entries: the DN, the new entry and the modifications of a customer. */
    CustomerAttributes attributes() {
        return attributes;
    }

    // ----- filters ------------------------------------------------------------------------------------------

    /** Every customer entry: has the login attribute and matches the always-filter (or the preset's). */
    public Filter customers() {
        return customerFilter;
    }

    /** Customers and this condition. */
    public Filter customersAnd(Filter condition) {
        List<Filter> all = new ArrayList<>();
        if (customerFilter.getFilterType() == Filter.FILTER_TYPE_AND) {
            all.addAll(List.of(customerFilter.getComponents()));
        } else {
            all.add(customerFilter);
        }
        if (condition.getFilterType() == Filter.FILTER_TYPE_AND) {
            all.addAll(List.of(condition.getComponents()));
        } else {
            all.add(condition);
        }
        return Filter.createANDFilter(all);
    }

    public Filter byLogin(String value) {
        return customersAnd(Filter.createEqualityFilter(login, value.strip()));
    }

    /** Null when emails are not mapped. */
    public Filter byEmail(String value) {
        String mail = fields.get(CustomerField.EMAIL);
        return mail == null ? null : customersAnd(Filter.createEqualityFilter(mail, value.strip()));
    }

    /** Null when the customer ID is a fixed value or not mapped. */
    public Filter byCustomerId(String value) {
        String attr = fields.get(CustomerField.CUSTOMER_ID);
        return attr == null ? null : customersAnd(Filter.createEqualityFilter(attr, value.strip()));
    }

    /**
     * A filter for one search term over these fields: an OR of a filter per mapped attribute. Null when no field
     * can match the term (nothing mapped), so the search finds nothing; a term that matches the fixed customer ID
     * matches every customer.
     */
    public Filter term(SearchTerm term, Set<CustomerField> searched) {
        List<Filter> any = new ArrayList<>();
        for (CustomerField f : searched) {
            if (f == CustomerField.CUSTOMER_ID && mapping.fixedCustomerId().isPresent()) {
                if (term.matches(mapping.fixedCustomerId().get())) {
                    return Filter.createPresenceFilter(login);
                }
                continue;
            }
            String attr = f == CustomerField.LOGIN ? login : fields.get(f);
            if (attr != null) {
                any.add(matching(attr, term));
            }
        }
        if (any.isEmpty()) {
            return null;
        }
        return any.size() == 1 ? any.get(0) : Filter.createORFilter(any);
    }

    /**
     * The term as a filter on one attribute: presence, equality or substring, from its parsed parts. A directory
     * server folds case its own way (Unicode case folding, or ASCII only), which for characters beyond ASCII can
     * differ from core's fold ({@code İ} folds to {@code i} plus a combining dot in Java, {@code ǅ} to {@code ǆ}):
     * so every character beyond ASCII is left to a wildcard in the filter, which is then wider than the term, never
     * narrower, and core's own match of the entries read removes what does not match. No matching entry is lost.
     */
    static Filter matching(String attr, SearchTerm term) {
        boolean lead = term.leadingWildcard();
        boolean trail = term.trailingWildcard();
        List<String> parts = new ArrayList<>();
        List<String> folded = term.parts();
        for (int i = 0; i < folded.size(); i++) {
            String[] pieces = BEYOND_ASCII.split(folded.get(i), -1);
            if (pieces.length > 1) {
                lead |= i == 0 && pieces[0].isEmpty();
                trail |= i == folded.size() - 1 && pieces[pieces.length - 1].isEmpty();
            }
            for (String piece : pieces) {
                if (!piece.isEmpty()) {
                    parts.add(piece);
                }
            }
        }
        if (parts.isEmpty()) {
            return Filter.createPresenceFilter(attr);
        }
        if (!lead && !trail && parts.size() == 1) {
            return Filter.createEqualityFilter(attr, parts.get(0));
        }
        String initial = lead ? null : parts.get(0);
        String fin = trail ? null : parts.get(parts.size() - 1);
        int from = initial == null ? 0 : 1;
        int to = fin == null ? parts.size() : parts.size() - 1;
        List<String> middle = to > from ? parts.subList(from, to) : List.of();
        return Filter.createSubstringFilter(attr, initial, middle.isEmpty() ? null : middle.toArray(new String[0]),
                fin);
    }

    // ----- entries to customers -----------------------------------------------------------------------------

    /** The login value of an entry, or null if it has none. */
    public String loginOf(Entry e) {
        return e.getAttributeValue(login);
    }

    /** The customer an entry holds; null if the entry has no login value. */
    public Customer toCustomer(Entry e) {
        String l = loginOf(e);
        if (l == null || l.isBlank()) {
            return null;
        }
        Customer.Builder b = Customer.builder(l);
        fields.forEach((field, attr) -> b.set(field, e.getAttributeValue(attr)));
        mapping.fixedCustomerId().ifPresent(b::customerId);
        mapping.additionalIdsAttribute().ifPresent(a -> {
            String[] values = e.getAttributeValues(a);
            if (values != null) {
                b.additionalCustomerIds(values);
            }
        });
        mapping.extraAttributes().forEach((name, attr) -> {
            String v = e.getAttributeValue(attr);
            if (v != null) {
                b.attribute(name, v);
            }
        });
        b.validity(validity(e));
        b.created(time(e, "createTimestamp"));
        b.changed(time(e, "modifyTimestamp"));
        return b.build();
    }

    private static Instant time(Entry e, String attr) {
        try {
            java.util.Date d = e.getAttributeValueAsDate(attr);
            return d == null ? null : d.toInstant();
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** Validity: the validity attribute, Active Directory's disabled flag, then the valid-filter. */
    Validity validity(Entry e) {
        Validity v = Validity.VALID;
        if (mapping.validityAttribute().isPresent()) {
            v = parseValidity(e.getAttributeValue(mapping.validityAttribute().get()));
        }
        if (mapping.preset().activeDirectory()) {
            Integer uac = e.getAttributeValueAsInteger(UAC);
            if (uac != null && (uac & UAC_DISABLED) != 0 && v == Validity.VALID) {
                v = Validity.INVALID;
            }
        }
        if (search.validFilter().isPresent() && v == Validity.VALID) {
            try {
                if (!search.validFilter().get().matchesEntry(e)) {
                    v = Validity.INVALID;
                }
            } catch (LDAPException ex) {
                LOG.warn("LDAP back-end '{}': valid-filter cannot be evaluated on {}: {}", origin.name(),
                        e.getDN(), ex.getMessage());
                v = Validity.INVALID;
            }
        }
        return v;
    }

    /**
     * Values of the validity attribute, read by {@link Validity#parse(String)} (valid, invalid, invalid-temporarily
     * or OTRS's 1, 2, 3); leniently: none or blank is valid, anything else unknown is invalid.
     */
    static Validity parseValidity(String value) {
        if (value == null || value.isBlank()) {
            return Validity.VALID;
        }
        try {
            return Validity.parse(value);
        } catch (dev.clientele.ValidationException unknown) {
            return Validity.INVALID;
        }
    }
}
