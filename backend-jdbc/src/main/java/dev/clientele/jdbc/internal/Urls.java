package dev.clientele.jdbc.internal;

import java.util.regex.Pattern;

/** JDBC URLs in messages: a password written into the URL is masked. */
public final class Urls {
    /** What is shown instead of a secret (the same mask as core's configuration uses). */
    public static final String MASK = "<masked>";

    private static final Pattern PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd|secret)[a-z_]*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:;?]*:)[^/@;?]*@");

    private Urls() {
    }

    public static String mask(String url) {
        if (url == null) {
            return "(unknown URL)";
        }
        String s = PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(s).replaceAll("$1" + MASK + "@");
    }
}
