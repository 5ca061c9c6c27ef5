package dev.clientele.spi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which configuration keys hold secrets, and how secrets are shown: {@value #MASK}. The one place of that rule,
 * for core's configuration, {@link BackendSettings} and every back-end's messages (JDBC URLs, bind passwords).
 */
public final class Secrets {
    /** What is shown instead of a secret value. */
    public static final String MASK = "<masked>";

    /** {@code password=...}, {@code pwd=...}, {@code secret=...} (and e.g. {@code passwordKey=}) parameters. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd|secret)[a-z_-]*=)[^&;\\s]*");
    /** {@code //user:password@} (the user may be empty). */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?\\s]*:)[^/@;?\\s]*@");

    private Secrets() {
    }

    /**
     * A value as it may be shown: the whole value masked for a secret key ({@link #isSecret(String)}); otherwise
     * the passwords written inside it masked ({@link #masked(String)}).
     */
    public static String shown(String key, String value) {
        if (value == null) {
            return null;
        }
        return isSecret(key) ? MASK : masked(value);
    }

    /**
     * Text (typically a URL) with the passwords written inside it masked: {@code password=...} parameters of a
     * JDBC URL ({@code ;password=x}, {@code ?password=x&}) and {@code user:password@} in a URL. {@code null} stays
     * {@code null}.
     */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        String v = PARAMETER.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO.matcher(v).replaceAll("$1" + MASK + "@");
    }

    /** True for keys whose last part names a password, secret, credential or token. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        int dot = k.lastIndexOf('.');
        String last = dot < 0 ? k : k.substring(dot + 1);
        return last.contains("password") || last.contains("secret") || last.contains("credential")
                || last.contains("token") || last.equals("pw") || last.endsWith("-pw");
    }
}
