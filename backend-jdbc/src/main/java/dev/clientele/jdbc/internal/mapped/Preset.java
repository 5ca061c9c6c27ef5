package dev.clientele.jdbc.internal.mapped;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The table layouts of the helpdesks whose databases the mapped mode reads and writes (setting {@code preset}). They
 * differ only in the table of groups: {@code permission_groups} since Znuny 7, {@code groups} before.
 */
public enum Preset {
    /** Znuny 7: groups in {@code permission_groups}. */
    ZNUNY7("znuny7", "permission_groups"),
    /** Znuny 6 (LTS): groups in {@code groups}. */
    ZNUNY6("znuny6", "groups"),
    /** OTRS 6 (Community Edition): groups in {@code groups}. */
    OTRS6("otrs6", "groups");

    private final String key;
    private final String groupTable;

    Preset(String key, String groupTable) {
        this.key = key;
        this.groupTable = groupTable;
    }

    /** The setting's value: {@code znuny7}, {@code znuny6} or {@code otrs6}. */
    public String key() {
        return key;
    }

    /** The table of (permission) groups. */
    public String groupTable() {
        return groupTable;
    }

    /** The preset named by a setting's value, in any case. */
    public static Optional<Preset> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(p -> p.key.equals(t)).findFirst();
    }

    /** The presets, for messages: {@code znuny7, znuny6, otrs6}. */
    public static String names() {
        return Stream.of(values()).map(Preset::key).collect(Collectors.joining(", "));
    }
}
