package dev.clientele.examples.cli;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import dev.clientele.Customer;
import dev.clientele.CustomerField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Customers as LDIF, for loading into (or reading from) an LDAP directory, with the attributes of the LDAP back-end's
 * {@code inetorgperson} preset: {@code uid} (login), {@code mail}, {@code o} (customerId), {@code title},
 * {@code givenName}, {@code sn}, {@code telephoneNumber}, {@code facsimileTelephoneNumber}, {@code mobile},
 * {@code street}, {@code postalCode}, {@code l} (city), {@code description} (comment), and {@code cn} (the display
 * name) on export. Not in LDIF: the country (inetOrgPerson has no attribute for a country name), validity, additional
 * customer IDs, extra attributes and group links — use CSV for those.
 */
final class LdifFormat {
    static final String DEFAULT_BASE = "ou=customers,dc=example,dc=com";
    static final Map<CustomerField, String> ATTRIBUTES = attributes();

    private LdifFormat() {
    }

    private static Map<CustomerField, String> attributes() {
        Map<CustomerField, String> m = new EnumMap<>(CustomerField.class);
        m.put(CustomerField.LOGIN, "uid");
        m.put(CustomerField.EMAIL, "mail");
        m.put(CustomerField.CUSTOMER_ID, "o");
        m.put(CustomerField.TITLE, "title");
        m.put(CustomerField.FIRST_NAME, "givenName");
        m.put(CustomerField.LAST_NAME, "sn");
        m.put(CustomerField.PHONE, "telephoneNumber");
        m.put(CustomerField.FAX, "facsimileTelephoneNumber");
        m.put(CustomerField.MOBILE, "mobile");
        m.put(CustomerField.STREET, "street");
        m.put(CustomerField.ZIP, "postalCode");
        m.put(CustomerField.CITY, "l");
        m.put(CustomerField.COMMENT, "description");
        return m;
    }

    /** The entry of a customer under the base DN. */
    static Entry entry(Customer c, DN base) {
        DN dn = new DN(new RDN("uid", c.login()), base);
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"));
        ATTRIBUTES.forEach((f, a) -> {
            String v = f.get(c);
            if (v != null) {
                attrs.add(new Attribute(a, v));
            }
        });
        attrs.add(new Attribute("cn", c.displayName()));
        if (c.lastName() == null) {
            attrs.add(new Attribute("sn", c.login()));   // sn is mandatory in a person entry
        }
        return new Entry(dn, attrs);
    }

    /** Customers from LDIF entries; entries without {@code uid} (containers, groups) are passed over. */
    static final class Source extends ImportSource {
        private final StrictReader bytes;
        private final LDIFReader reader;
        private int entries;
        int passedOver;

        /** LDIF is UTF-8 (RFC 2849); bytes that are not valid UTF-8 are refused, naming line and offset. */
        Source(InputStream in) {
            this.bytes = new StrictReader(in, StandardCharsets.UTF_8);
            this.reader = new LDIFReader(new BufferedReader(bytes));
        }

        @Override
        protected Customer readNext() {
            while (true) {
                Entry e;
                try {
                    e = reader.readEntry();
                } catch (LDIFException ex) {
                    entries++;
                    counted();
                    failed.add(new Problem("line " + ex.getLineNumber(), null, "unreadable LDIF: "
                            + ex.getExceptionMessage()));
                    if (ex.mayContinueReading()) {
                        continue;
                    }
                    stoppedBecause = "line " + ex.getLineNumber() + ": the LDIF cannot be read from here on";
                    return null;
                } catch (IOException ex) {
                    StrictReader.Undecodable u = StrictReader.Undecodable.in(ex);
                    if (u != null) {
                        throw u.refusal();
                    }
                    stoppedBecause = "cannot read the file: " + ex.getMessage();
                    failed.add(new Problem("entry " + (entries + 1), null, stoppedBecause));
                    return null;
                }
                if (e == null) {
                    return null;
                }
                entries++;
                counted();
                String login = e.getAttributeValue("uid");
                if (login == null || login.isBlank()) {
                    passedOver++;
                    continue;
                }
                Customer.Builder b = Customer.builder(login);
                ATTRIBUTES.forEach((f, a) -> {
                    if (f != CustomerField.LOGIN) {
                        b.set(f, e.getAttributeValue(a));
                    }
                });
                yielded(entries);
                return b.build();
            }
        }

        @Override
        protected String where(int position) {
            return "entry " + position;
        }

        @Override
        protected long bytesRead() {
            return bytes.bytesRead();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
