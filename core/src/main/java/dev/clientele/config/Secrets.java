package dev.clientele.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Which configuration keys hold secrets, and how they are shown: {@value #MASK}. */
public final class Secrets {
    /** What is shown instead of a secret value. */
    public static final String MASK = "<masked>";

    private Secrets() {
    }

    private static final java.util.regex.Pattern INLINE = java.util.regex.Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret)=)[^&;\\s]*");
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

    /**
     * A value as it may be shown: the whole value masked for a secret key; otherwise passwords written inside it
     * masked — {@code password=...} parameters of a JDBC URL, {@code user:password@} in a URL.
     */
    public static @Nullable String shown(String key, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (isSecret(key)) {
            return MASK;
        }
        String v = INLINE.matcher(value).replaceAll("$1" + MASK);
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
