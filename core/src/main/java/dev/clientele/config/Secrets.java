package dev.clientele.config;

import java.util.Locale;

/** Which configuration keys hold secrets, and how they are shown: {@value #MASK}. */
public final class Secrets {
    /** What is shown instead of a secret value. */
    public static final String MASK = "<masked>";

    private Secrets() {
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
