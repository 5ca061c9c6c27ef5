package dev.clientele.jdbc.internal.mapped;

import dev.clientele.CustomerField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where the mapped mode finds each thing (the OTRS {@code CustomerUser} {@code Map} idea): the tables, the column of
 * every customer field with its flags, the password column, extra attribute columns, the user id written into
 * {@code create_by}/{@code change_by}, and whether logins compare case-sensitively. Immutable; read from settings by
 * {@link MappedSettings}.
 *
 * <p>The other columns are Znuny's and fixed: {@code valid_id} (1 valid, 2 invalid, 3 invalid-temporarily),
 * {@code create_time}, {@code create_by}, {@code change_time}, {@code change_by} in every table that has them; the
 * link tables' {@code user_id}, {@code customer_id}, {@code group_id}, {@code permission_key},
 * {@code permission_value}, {@code permission_context}; the preference table's {@code user_id},
 * {@code preferences_key}, {@code preferences_value}.
 */
public final class FieldMap {
    /** What a mapped customer field is, as the OTRS map says per row. */
    public enum Flag {
        /** Must have a value when written (beyond core's mandatory fields). */
        REQUIRED,
        /** Matched by a search (when core's search fields name it too). */
        SEARCHABLE,
        /** Written on create only, never changed by an update. */
        READ_ONLY,
        /** Shown in lists of customers (OTRS {@code CustomerUserListFields}); informational for Clientele. */
        LISTED;

        /** The setting's spelling: {@code required}, {@code searchable}, {@code read-only}, {@code listed}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Flag> parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Flag f : values()) {
                if (f.key().equals(t)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The tables, each with its setting and Znuny's name. */
    public enum Table {
        CUSTOMERS("customer-table", "customer_user"),
        COMPANIES("company-table", "customer_company"),
        GROUPS("group-table", null),
        CUSTOMER_LINKS("customer-group-table", "group_customer_user"),
        COMPANY_LINKS("company-group-table", "group_customer"),
        CUSTOMER_IDS("customer-ids-table", "customer_user_customer"),
        PREFERENCES("preferences-table", "customer_preferences"),
        /** Znuny's validity table: only read (checked at start) and row-locked, never written. */
        VALID("valid-table", "valid");

        private final String setting;
        private final @Nullable String znunyName;

        Table(String setting, @Nullable String znunyName) {
            this.setting = setting;
            this.znunyName = znunyName;
        }

        /** The setting that overrides it: {@code mapping.customer-table}, ... */
        public String setting() {
            return "mapping." + setting;
        }

        String nameIn(Preset preset) {
            return znunyName != null ? znunyName : preset.groupTable();
        }
    }

    /** A mapped customer field: its column and flags. */
    public record Column(String name, Set<Flag> flags) {
        public Column {
            Objects.requireNonNull(name, "name");
            flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
        }

        public boolean has(Flag f) {
            return flags.contains(f);
        }
    }

    private final Preset preset;
    private final @Nullable String schema;
    private final Map<Table, String> tables;
    private final Map<CustomerField, Column> columns;
    private final @Nullable String passwordColumn;
    private final Map<String, String> attributeColumns;
    private final int userId;
    private final boolean caseSensitiveLogin;

    FieldMap(Preset preset, @Nullable String schema, Map<Table, String> tables, Map<CustomerField, Column> columns,
            @Nullable String passwordColumn, Map<String, String> attributeColumns, int userId,
            boolean caseSensitiveLogin) {
        this.preset = preset;
        this.schema = schema;
        this.tables = Collections.unmodifiableMap(new EnumMap<>(tables));
        this.columns = Collections.unmodifiableMap(new EnumMap<>(columns));
        this.passwordColumn = passwordColumn;
        this.attributeColumns = Collections.unmodifiableMap(new TreeMap<>(attributeColumns));
        this.userId = userId;
        this.caseSensitiveLogin = caseSensitiveLogin;
    }

    /** A preset as it is, without overrides, in a schema ({@code null}: the connection's). */
    public static FieldMap of(Preset preset, @Nullable String schema) {
        Map<Table, String> tables = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            tables.put(t, t.nameIn(preset));
        }
        return new FieldMap(preset, schema, tables, defaultColumns(), "pw", Map.of(), 1, false);
    }

    /** Znuny's default customer map: the columns of {@code customer_user}, the flags of its default config. */
    static Map<CustomerField, Column> defaultColumns() {
        Map<CustomerField, Column> m = new EnumMap<>(CustomerField.class);
        for (CustomerField f : CustomerField.values()) {
            Set<Flag> flags = EnumSet.of(Flag.SEARCHABLE);
            if (f == CustomerField.LOGIN || f == CustomerField.EMAIL || f == CustomerField.CUSTOMER_ID
                    || f == CustomerField.FIRST_NAME || f == CustomerField.LAST_NAME) {
                flags.add(Flag.REQUIRED);
            }
            if (f == CustomerField.LOGIN || f == CustomerField.EMAIL || f == CustomerField.FIRST_NAME
                    || f == CustomerField.LAST_NAME) {
                flags.add(Flag.LISTED);
            }
            m.put(f, new Column(defaultColumn(f), flags));
        }
        return m;
    }

    /** The {@code customer_user} column of a field: {@code first_name}, ..., {@code comments}. */
    static String defaultColumn(CustomerField f) {
        if (f == CustomerField.COMMENT) {
            return "comments";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : f.key().toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    public Preset preset() {
        return preset;
    }

    /** The table's (schema-qualified) name. */
    public String table(Table t) {
        String name = tables.get(t);
        return schema == null ? name : schema + "." + name;
    }

    /** The table's name without schema, for the start-up check. */
    public String tableName(Table t) {
        return tables.get(t);
    }

    public @Nullable String schema() {
        return schema;
    }

    /** The mapped fields (login always), each with its column. */
    public Map<CustomerField, Column> columns() {
        return columns;
    }

    /** The column of a field, if it is mapped. */
    public Optional<Column> column(CustomerField f) {
        return Optional.ofNullable(columns.get(f));
    }

    /** The column of the login. */
    public String loginColumn() {
        return columns.get(CustomerField.LOGIN).name();
    }

    /** The column of the password hash, or {@code null} if passwords are not kept here. */
    public @Nullable String passwordColumn() {
        return passwordColumn;
    }

    /** Extra customer attributes: attribute name to column. */
    public Map<String, String> attributeColumns() {
        return attributeColumns;
    }

    /** The user id written into {@code create_by} and {@code change_by} (Znuny's agent; 1 is its admin). */
    public int userId() {
        return userId;
    }

    /** True if logins are matched exactly as stored (Znuny's own behaviour on a case-sensitive database). */
    public boolean caseSensitiveLogin() {
        return caseSensitiveLogin;
    }

    @Override
    public String toString() {
        return "FieldMap[" + preset.key() + (schema == null ? "" : ", schema " + schema) + ", " + tables + "]";
    }
}
