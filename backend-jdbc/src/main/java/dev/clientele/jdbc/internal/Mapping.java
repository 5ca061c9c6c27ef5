package dev.clientele.jdbc.internal;

import dev.clientele.CustomerField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the back-end's data lives: table names and the columns of the customer and company tables. The stores
 * build their SQL from this one object, so that another mapping (a later preset for an existing helpdesk table such
 * as Znuny's {@code customer_user}) changes no code. {@link #DEFAULT} is the back-end's own schema, created by the
 * migrations in {@code db/clientele/<database>/migration}.
 *
 * <p>Customer columns: per {@link CustomerField} a value column (the value as given) and a search column (the value
 * lower-cased by Java in the root locale; for login, email and customer ID it is the key column, which holds
 * {@code Keys.of(value)}, the same thing for stripped values). The tables of links, credentials and customer state
 * have fixed column names (see the migrations); only their table names are mapped.
 */
public final class Mapping {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** The back-end's own tables, in the connection's default schema. */
    public static final Mapping DEFAULT = new Mapping(null);

    private final String schema;
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<CustomerField, String> valueColumns = new EnumMap<>(CustomerField.class);
    private final Map<CustomerField, String> searchColumns = new EnumMap<>(CustomerField.class);
    private final Map<String, String> companyColumns = new LinkedHashMap<>();

    private Mapping(String schema) {
        this.schema = schema;
        String q = schema == null ? "" : schema + ".";
        for (String t : new String[] {"customers", "email_locks", "credentials", "companies", "groups", "links",
            "login_state", "reset_tokens", "preferences"}) {
            tables.put(t, q + "clientele_" + t);
        }
        column(CustomerField.LOGIN, "login", "login_key");
        column(CustomerField.EMAIL, "email", "email_key");
        column(CustomerField.CUSTOMER_ID, "customer_id", "customer_id_key");
        column(CustomerField.TITLE, "title", "title_lc");
        column(CustomerField.FIRST_NAME, "first_name", "first_name_lc");
        column(CustomerField.LAST_NAME, "last_name", "last_name_lc");
        column(CustomerField.PHONE, "phone", "phone_lc");
        column(CustomerField.FAX, "fax", "fax_lc");
        column(CustomerField.MOBILE, "mobile", "mobile_lc");
        column(CustomerField.STREET, "street", "street_lc");
        column(CustomerField.ZIP, "zip", "zip_lc");
        column(CustomerField.CITY, "city", "city_lc");
        column(CustomerField.COUNTRY, "country", "country_lc");
        column(CustomerField.COMMENT, "comments", "comments_lc");
        for (String c : new String[] {"customer_id", "customer_id_key", "name", "street", "zip", "city", "country",
            "url", "comments", "validity"}) {
            companyColumns.put(c, c);
        }
    }

    private void column(CustomerField f, String value, String search) {
        valueColumns.put(f, value);
        searchColumns.put(f, search);
    }

    /** The default mapping with every table in this schema ({@code null}: the connection's default schema). */
    public static Mapping inSchema(String schema) {
        if (schema == null) {
            return DEFAULT;
        }
        if (!isIdentifier(schema)) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + schema);
        }
        return new Mapping(schema);
    }

    /** True for a plain SQL identifier (letters, digits, underscore; not starting with a digit): safe in SQL text. */
    public static boolean isIdentifier(String s) {
        return s != null && IDENTIFIER.matcher(s).matches();
    }

    /** The schema the tables are in; {@code null} for the connection's default. */
    public String schema() {
        return schema;
    }

    /** The (schema-qualified) name of one of the tables: customers, email_locks, credentials, companies, ... */
    public String table(String name) {
        return Objects.requireNonNull(tables.get(name), () -> "no table " + name);
    }

    /** Every table by its logical name, for the placeholders of dialect statements. */
    public Map<String, String> tables() {
        return Collections.unmodifiableMap(tables);
    }

    public String customers() {
        return table("customers");
    }

    /** The column holding a customer field's value as given. */
    public String valueColumn(CustomerField f) {
        return valueColumns.get(f);
    }

    /** The column a search term is matched against: the lower-cased value (the key for login, email, customer ID). */
    public String searchColumn(CustomerField f) {
        return searchColumns.get(f);
    }

    public String loginKey() {
        return searchColumn(CustomerField.LOGIN);
    }

    public String emailKey() {
        return searchColumn(CustomerField.EMAIL);
    }

    public String customerIdKey() {
        return searchColumn(CustomerField.CUSTOMER_ID);
    }

    public String validity() {
        return "validity";
    }

    public String additionalCustomerIds() {
        return "additional_customer_ids";
    }

    public String attributes() {
        return "attributes";
    }

    public String created() {
        return "created";
    }

    public String changed() {
        return "changed";
    }

    public String version() {
        return "version";
    }

    /** A column of the company table by its logical name (customer_id, customer_id_key, name, ..., validity). */
    public String companyColumn(String name) {
        return Objects.requireNonNull(companyColumns.get(name), () -> "no company column " + name);
    }
}
