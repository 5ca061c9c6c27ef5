package dev.clientele.spi;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which configuration keys hold secrets, and how secrets are shown: {@value #MASK}. The one place of that rule,
 * for core's configuration, {@link BackendSettings} and every back-end's messages (JDBC URLs, bind passwords).
 *
 * <p>The rule errs on the side of masking: a key is secret when its last part names a secret, even misspelt
 * ({@link #isSecret(String)}), since a misspelt key is still read (and shown) until its reader rejects it: a
 * back-end's key reaches {@link BackendSettings#toString()} before the back-end checks its settings. A key its
 * reader does not recognise at all has its value masked whatever its name ({@link #shown(String, String, boolean)}).
 */
public final class Secrets {
    /** What is shown instead of a secret value. */
    public static final String MASK = "<masked>";

    /** {@code password=...}, {@code pwd=...}, {@code secret=...} (and e.g. {@code passwordKey=}) parameters. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd|secret)[a-z_-]*=)[^&;\\s]*");
    /** {@code //user:password@} (the user may be empty). */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?\\s]*:)[^/@;?\\s]*@");

    /** Words naming a secret, found in a key's last part even misspelt ({@link #ERRORS_PER_LETTERS}). */
    private static final List<String> SECRET_WORDS = List.of("password", "passphrase", "secret", "credential",
            "token");
    /** Pieces that, anywhere in a key's last part, make it secret whatever surrounds them. */
    private static final List<String> SECRET_PIECES = List.of("pass", "pwd", "secr", "cred");
    /** A misspelt secret word may have one letter wrong per this many letters of the word (at least one). */
    private static final int ERRORS_PER_LETTERS = 4;

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
     * A value as it may be shown, {@code known} saying whether its reader recognises the key: a recognised key's
     * value as {@link #shown(String, String)}; an unrecognised one's masked whole, whatever its name, since a
     * misspelt or malformed key may be a secret one.
     */
    public static String shown(String key, String value, boolean known) {
        return known || value == null ? shown(key, value) : MASK;
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

    /**
     * True for keys whose last part (after the last {@code .}) names a password, passphrase, secret, credential,
     * token or key, also misspelt: it holds {@code pass}, {@code pwd}, {@code secr} or {@code cred}; or one of
     * the words password, passphrase, secret, credential, token with at most one letter wrong (left out, added,
     * replaced or two swapped) per four letters of the word ({@code bind-pasword}, {@code passwrd},
     * {@code secert}, {@code tokn}); or the word {@code pw}; or it ends in {@code key} ({@code api-key}).
     */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        String last = k.substring(k.lastIndexOf('.') + 1);
        for (String piece : SECRET_PIECES) {
            if (last.contains(piece)) {
                return true;
            }
        }
        for (String word : SECRET_WORDS) {
            if (nearestIn(word, last) <= Math.max(1, word.length() / ERRORS_PER_LETTERS)) {
                return true;
            }
        }
        for (String w : last.split("[^a-z]+")) {
            if (w.equals("pw")) {
                return true;
            }
        }
        return last.endsWith("key");
    }

    /**
     * The fewest letters to leave out, add, replace or swap (neighbours) in some stretch of {@code text} to make it
     * {@code word} (an approximate search: the stretch may start and end anywhere).
     */
    private static int nearestIn(String word, String text) {
        int m = word.length();
        int n = text.length();
        int[][] d = new int[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            d[i][0] = i;
        }
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                int cost = word.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && word.charAt(i - 1) == text.charAt(j - 2)
                        && word.charAt(i - 2) == text.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        int best = m;
        for (int j = 0; j <= n; j++) {
            best = Math.min(best, d[m][j]);
        }
        return best;
    }
}
