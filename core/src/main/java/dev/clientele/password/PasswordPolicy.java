package dev.clientele.password;

import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.clientele.PasswordPolicyException;
import dev.clientele.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The rules a new password must satisfy, after OTRS's customer password settings. Immutable; build with
 * {@link #builder()} or take {@link #defaults()} or {@link #none()}.
 *
 * <p>The rules, each reported with its own message by {@link #violations(char[])}:
 * <ul>
 *   <li>not empty — always;</li>
 *   <li>at least {@link #minLength()} and at most {@link #maxLength()} characters ({@code PasswordMinSize});</li>
 *   <li>{@link #mixedCase()}: at least 2 lower-case and 2 upper-case letters
 *       ({@code PasswordMin2Lower2UpperCharacters});</li>
 *   <li>{@link #needDigit()}: at least one digit ({@code PasswordNeedDigit});</li>
 *   <li>{@link #minTwoLetters()}: at least 2 letters ({@code PasswordMin2Characters});</li>
 *   <li>{@link #pattern()}: the whole password matches a regular expression ({@code PasswordRegExp}).</li>
 * </ul>
 *
 * <p>Lengths count Unicode code points; letters, cases and digits are Unicode's ({@link Character#isLetter(int)},
 * {@link Character#isLowerCase(int)}, {@link Character#isUpperCase(int)}, {@link Character#isDigit(int)}), so
 * {@code ä} is a lower-case letter. Messages never contain the password.
 */
public final class PasswordPolicy {
    /** The default and usual maximum length. */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    private static final PasswordPolicy DEFAULTS = builder().build();
    private static final PasswordPolicy NONE = builder().minLength(1).build();

    private final int minLength;
    private final int maxLength;
    private final boolean mixedCase;
    private final boolean needDigit;
    private final boolean minTwoLetters;
    private final @Nullable String regex;
    private final @Nullable Pattern pattern;

    private PasswordPolicy(Builder b) {
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
        this.mixedCase = b.mixedCase;
        this.needDigit = b.needDigit;
        this.minTwoLetters = b.minTwoLetters;
        this.regex = b.regex;
        this.pattern = b.pattern;
    }

    /** At least 8 and at most 1024 characters; no other rule. */
    public static PasswordPolicy defaults() {
        return DEFAULTS;
    }

    /** Only "not empty" and at most 1024 characters. */
    public static PasswordPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The minimum length in characters (code points); 0 or 1 mean only "not empty". */
    public int minLength() {
        return minLength;
    }

    /** The maximum length in characters (code points). */
    public int maxLength() {
        return maxLength;
    }

    /** Whether at least 2 lower-case and 2 upper-case letters are required. */
    public boolean mixedCase() {
        return mixedCase;
    }

    /** Whether at least one digit is required. */
    public boolean needDigit() {
        return needDigit;
    }

    /** Whether at least 2 letters are required. */
    public boolean minTwoLetters() {
        return minTwoLetters;
    }

    /** The regular expression the whole password must match, if any. */
    public Optional<String> pattern() {
        return Optional.ofNullable(regex);
    }

    /**
     * Every rule the password breaks, as short English messages in a fixed order (for example
     * {@code "must be at least 8 characters"}); empty when the password is acceptable. A {@code null} password is
     * treated as empty: it breaks {@code "must not be empty"} and every other rule an empty password breaks.
     * The password is not changed and never appears in a message.
     */
    public List<String> violations(char @Nullable [] password) {
        char[] pw = password == null ? new char[0] : password;
        List<String> violations = new ArrayList<>();
        int length = Character.codePointCount(pw, 0, pw.length);
        if (length == 0) {
            violations.add("must not be empty");
        }
        if (length < minLength && minLength > 1) { // shorter than 1 is empty, reported above
            violations.add("must be at least " + minLength + " characters");
        }
        if (length > maxLength) {
            violations.add("must be at most " + maxLength + " characters");
        }
        int lower = 0;
        int upper = 0;
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < pw.length; ) {
            int cp = Character.codePointAt(pw, i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
            }
            if (Character.isLowerCase(cp)) {
                lower++;
            }
            if (Character.isUpperCase(cp)) {
                upper++;
            }
            if (Character.isDigit(cp)) {
                digits++;
            }
        }
        if (mixedCase && (lower < 2 || upper < 2)) {
            violations.add("must contain at least 2 lower-case and 2 upper-case letters");
        }
        if (needDigit && digits == 0) {
            violations.add("must contain a digit");
        }
        if (minTwoLetters && letters < 2) {
            violations.add("must contain at least 2 letters");
        }
        if (pattern != null && !pattern.matcher(CharBuffer.wrap(pw)).matches()) {
            violations.add("must match the required pattern");
        }
        return List.copyOf(violations);
    }

    /**
     * Checks a new password.
     *
     * @throws PasswordPolicyException listing every {@link #violations(char[]) violation}, when there is any
     */
    public void check(char[] password) {
        List<String> violations = violations(password);
        if (!violations.isEmpty()) {
            throw new PasswordPolicyException(violations);
        }
    }

    /** Letters and digits a generated password is drawn from; no look-alikes (0/O, 1/l/I). */
    private static final String GENERATED_ALPHABET =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** The length of a generated password, unless the policy asks for more (or allows less). */
    private static final int GENERATED_LENGTH = 20;
    private static final int GENERATION_TRIES = 1_000;

    /**
     * A random password that satisfies this policy: {@code max(20, minLength)} letters and digits (at most
     * {@link #maxLength()}), drawn from a {@link SecureRandom}, with at least 2 lower-case and 2 upper-case
     * letters and 2 digits, so every rule but {@link #pattern()} holds by construction; with a pattern, passwords
     * are drawn until one matches. The caller clears the array when done.
     *
     * @throws PasswordPolicyException when no password of letters and digits satisfies the policy (a pattern that
     *                                 needs other characters): set the password by hand
     */
    public char[] generate() {
        SecureRandom random = new SecureRandom();
        int length = Math.min(Math.max(GENERATED_LENGTH, minLength), maxLength);
        for (int attempt = 0; attempt < GENERATION_TRIES; attempt++) {
            char[] pw = new char[length];
            for (int i = 0; i < length; i++) {
                pw[i] = GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length()));
            }
            if (violations(pw).isEmpty()) {
                return pw;
            }
            java.util.Arrays.fill(pw, '\0');
        }
        throw new PasswordPolicyException(List.of("no generated password of " + length
                + " letters and digits satisfies the policy; set one by hand"));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PasswordPolicy)) {
            return false;
        }
        PasswordPolicy other = (PasswordPolicy) o;
        return minLength == other.minLength && maxLength == other.maxLength && mixedCase == other.mixedCase
                && needDigit == other.needDigit && minTwoLetters == other.minTwoLetters
                && Objects.equals(regex, other.regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minLength, maxLength, mixedCase, needDigit, minTwoLetters, regex);
    }

    @Override
    public String toString() {
        return "PasswordPolicy[minLength=" + minLength + ", maxLength=" + maxLength + ", mixedCase=" + mixedCase
                + ", needDigit=" + needDigit + ", minTwoLetters=" + minTwoLetters + ", pattern="
                + (regex == null ? "none" : "/" + regex + "/") + "]";
    }

    /** Builds a {@link PasswordPolicy}; starts from {@link PasswordPolicy#defaults()}. */
    public static final class Builder {
        private int minLength = 8;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean mixedCase;
        private boolean needDigit;
        private boolean minTwoLetters;
        private @Nullable String regex;
        private @Nullable Pattern pattern;

        private Builder() {
        }

        /**
         * At least this many characters (OTRS {@code PasswordMinSize}); 0 or 1 leave only "not empty".
         *
         * @throws ValidationException naming {@code minLength} when negative
         */
        public Builder minLength(int minLength) {
            if (minLength < 0) {
                throw ValidationException.ofArgument("minLength", "must not be negative, was " + minLength);
            }
            this.minLength = minLength;
            return this;
        }

        /**
         * At most this many characters.
         *
         * @throws ValidationException naming {@code maxLength} when less than 1
         */
        public Builder maxLength(int maxLength) {
            if (maxLength < 1) {
                throw ValidationException.ofArgument("maxLength", "must be at least 1, was " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /** Require at least 2 lower-case and 2 upper-case letters (OTRS {@code PasswordMin2Lower2UpperCharacters}). */
        public Builder mixedCase(boolean mixedCase) {
            this.mixedCase = mixedCase;
            return this;
        }

        /** Require a digit (OTRS {@code PasswordNeedDigit}). */
        public Builder needDigit(boolean needDigit) {
            this.needDigit = needDigit;
            return this;
        }

        /** Require at least 2 letters (OTRS {@code PasswordMin2Characters}). */
        public Builder minTwoLetters(boolean minTwoLetters) {
            this.minTwoLetters = minTwoLetters;
            return this;
        }

        /**
         * Require the whole password to match this regular expression ({@link java.util.regex.Pattern} syntax;
         * OTRS {@code PasswordRegExp}); {@code null} removes the rule.
         *
         * @throws ValidationException naming {@code pattern} when the expression is invalid
         */
        public Builder pattern(@Nullable String regex) {
            if (regex == null) {
                this.regex = null;
                this.pattern = null;
                return this;
            }
            try {
                this.pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                ValidationException invalid = ValidationException.ofArgument("pattern",
                        "is not a valid regular expression: " + e.getDescription());
                invalid.initCause(e);
                throw invalid;
            }
            this.regex = regex;
            return this;
        }

        /**
         * The policy.
         *
         * @throws ValidationException naming {@code minLength} when it is greater than {@code maxLength}
         */
        public PasswordPolicy build() {
            if (minLength > maxLength) {
                throw ValidationException.ofArgument("minLength", "(" + minLength
                        + ") must not be greater than maxLength (" + maxLength + ")");
            }
            return new PasswordPolicy(this);
        }
    }
}
