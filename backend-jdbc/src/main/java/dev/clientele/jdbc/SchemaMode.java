package dev.clientele.jdbc;

import java.util.Locale;

/** What the back-end does with its database schema at start (setting {@code schema-mode}). */
public enum SchemaMode {
    /** Create the schema if it is missing and migrate it to this version (Flyway {@code migrate}). The default. */
    MANAGE,
    /**
     * Touch nothing, but refuse to start with a {@link dev.clientele.ConfigurationException} if the schema is missing,
     * older than this version needs, or does not match its migrations. For databases migrated by a DBA.
     */
    VALIDATE,
    /** Neither migrate nor check: the schema is someone else's business. */
    NONE;

    /** The setting's value: {@code manage}, {@code validate} or {@code none}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code manage}, {@code validate} or {@code none}, in any case. */
    public static SchemaMode parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SchemaMode m : values()) {
            if (m.key().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("must be manage, validate or none, was '" + text + "'");
    }
}
