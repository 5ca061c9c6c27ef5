package dev.clientele.jdbc.internal;

import dev.clientele.spi.BackendSettings;
import java.util.Locale;

/**
 * The file behind an embedded H2 URL. A relative one ({@code jdbc:h2:./data/clientele}, {@code jdbc:h2:file:data})
 * is made absolute with {@link BackendSettings#resolve(String)} — against the configuration file's folder — so
 * that one configuration file names the same database from any working folder, instead of H2 quietly creating a
 * new, empty one next to wherever the program was started.
 */
public final class H2Files {
    private static final String PREFIX = "jdbc:h2:";
    private static final String FILE = "file:";
    /** H2 URL kinds that name no local file (or that H2 resolves itself). */
    private static final String[] NOT_A_FILE = {"mem:", "tcp:", "ssl:", "zip:", "split:", "async:", "nio", "retry:"};

    private H2Files() {
    }

    /** The URL with its database file made absolute; any other URL as it is. */
    public static String resolve(String url, BackendSettings settings) {
        if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        for (String kind : NOT_A_FILE) {
            if (lower.startsWith(kind)) {
                return url;
            }
        }
        String scheme = lower.startsWith(FILE) ? rest.substring(0, FILE.length()) : "";
        String pathAndSettings = rest.substring(scheme.length());
        int semicolon = pathAndSettings.indexOf(';');
        String path = semicolon < 0 ? pathAndSettings : pathAndSettings.substring(0, semicolon);
        String settingsPart = semicolon < 0 ? "" : pathAndSettings.substring(semicolon);
        if (path.isBlank()) {
            return url;
        }
        return url.substring(0, PREFIX.length()) + scheme + settings.resolve(path) + settingsPart;
    }

    /** The database file of an embedded H2 URL, for messages ("the store ... is in use"), or the URL itself. */
    public static String location(String url) {
        if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        if (rest.regionMatches(true, 0, FILE, 0, FILE.length())) {
            rest = rest.substring(FILE.length());
        }
        int semicolon = rest.indexOf(';');
        return semicolon < 0 ? rest : rest.substring(0, semicolon);
    }
}
