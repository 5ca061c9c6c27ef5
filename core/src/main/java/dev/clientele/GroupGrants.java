package dev.clientele;

import dev.clientele.spi.Keys;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists of group grants as written in configuration ({@code clientele.policy.always-groups}), fixtures, CSV files
 * and back-end settings: {@code support:rw, billing:ro}. The one parser of that syntax.
 *
 * <ul>
 *   <li>Entries are separated by commas or semicolons; blanks around entries and around the {@code :} are
 *       ignored, and empty entries are skipped. A group name may hold spaces but no {@code :}, {@code ,} or
 *       {@code ;}.</li>
 *   <li>An entry is {@code GROUP:PERMISSION}, the permission {@code ro} or {@code rw} in any case
 *       ({@link Permission#parse(String)}). An entry that is just {@code GROUP} gets {@link #DEFAULT_PERMISSION}
 *       ({@code rw}, as OTRS' {@code CustomerGroupAlwaysGroups}), unless the caller requires the permission to be
 *       written.</li>
 *   <li>A group listed twice, in any case ({@link Keys#of(String)}), is an error.</li>
 * </ul>
 *
 * <p>Every error message quotes the bad entry and never names a key or file: callers add that context.
 */
public final class GroupGrants {
    /** The permission of an entry written without one: {@link Permission#RW}. */
    public static final Permission DEFAULT_PERMISSION = Permission.RW;

    private GroupGrants() {
    }

    /**
     * Parses a list, an entry without permission getting {@link #DEFAULT_PERMISSION}.
     *
     * @return group name (as written) to permission, in the order given; unmodifiable
     * @throws BadEntryException at the first bad entry, quoting it
     */
    public static Map<String, Permission> parse(String text) {
        return parse(text, false, problem -> {
            throw problem;
        });
    }

    /**
     * Parses a list, reporting every bad entry to {@code problems} (one each; its message quotes the entry) and
     * returning the good ones.
     *
     * @param permissionRequired true to refuse an entry without permission instead of giving it
     *                           {@link #DEFAULT_PERMISSION}
     * @return group name (as written) to permission, in the order given; unmodifiable
     */
    public static Map<String, Permission> parse(String text, boolean permissionRequired,
            Consumer<? super BadEntryException> problems) {
        Map<String, Permission> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        if (text == null) {
            return Collections.unmodifiableMap(out);
        }
        for (String item : text.split("[,;]")) {
            if (item.isBlank()) {
                continue;
            }
            Map.Entry<String, Permission> e;
            try {
                e = parseEntry(item, permissionRequired);
            } catch (BadEntryException bad) {
                problems.accept(bad);
                continue;
            }
            if (!seen.add(Keys.of(e.getKey()))) {
                problems.accept(new BadEntryException(item.strip(), "lists group '" + e.getKey() + "' again",
                        "group '" + e.getKey() + "' is listed twice", null));
                continue;
            }
            out.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Parses one entry, {@code GROUP:PERMISSION} or (unless {@code permissionRequired}) {@code GROUP}.
     *
     * @return the group name (stripped) and its permission
     * @throws BadEntryException if the entry names no group, names a group with {@code :}, or has a permission
     *                           other than {@code ro}/{@code rw} (or none when required)
     */
    public static Map.Entry<String, Permission> parseEntry(String entry, boolean permissionRequired) {
        String s = entry == null ? "" : entry.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0 && permissionRequired) {
            throw new BadEntryException(s, "has no permission", "'" + s + "' must be 'group:rw' or 'group:ro'", null);
        }
        String group = colon < 0 ? s : s.substring(0, colon).strip();
        if (group.isEmpty()) {
            throw new BadEntryException(s, "names no group", "'" + s + "' names no group", null);
        }
        if (group.indexOf(':') >= 0) {
            String reason = "holds more than one ':' (separate entries with commas)";
            throw new BadEntryException(s, reason, "'" + s + "' " + reason, null);
        }
        Permission permission;
        try {
            permission = colon < 0 ? DEFAULT_PERMISSION : Permission.parse(s.substring(colon + 1).strip());
        } catch (ValidationException e) {
            throw new BadEntryException(s, e.getMessage(), "'" + s + "': " + e.getMessage(), e);
        }
        return Map.entry(group, permission);
    }

    /**
     * A bad entry of a list: its message quotes the entry; {@link #entry()} and {@link #reason()} give the parts, and
     * {@link #errors()} maps the entry to the reason.
     */
    public static final class BadEntryException extends ValidationException {
        private static final long serialVersionUID = 1L;

        private final String entry;
        private final String reason;

        BadEntryException(String entry, String reason, String message, Throwable cause) {
            super(message, Map.of(entry, reason), cause);
            this.entry = entry;
            this.reason = reason;
        }

        /** The entry as written (stripped). */
        public String entry() {
            return entry;
        }

        /** Why it is refused, without the entry: {@code permission must be 'ro' or 'rw', not 'rx'}. */
        public String reason() {
            return reason;
        }
    }
}
