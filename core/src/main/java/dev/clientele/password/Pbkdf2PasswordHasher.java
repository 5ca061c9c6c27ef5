package dev.clientele.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import dev.clientele.AlgorithmUnavailableException;
import dev.clientele.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * PBKDF2-HMAC-SHA256 password hashing with the JDK's {@code PBKDF2WithHmacSHA256}, encoded as a PHC string:
 *
 * <pre>{@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>}</pre>
 *
 * <p>where {@code i} is the iteration count, {@code l} the length of the derived key in bytes, and salt and hash
 * are standard base64 without padding (the PHC "B64" encoding). Each hash has a fresh 16-byte salt from a shared
 * {@link SecureRandom} and a 32-byte derived key. The default of {@value #DEFAULT_ITERATIONS} iterations is
 * OWASP's recommendation for PBKDF2-HMAC-SHA256.
 *
 * <p>{@link #verify(char[], String)} reads the parameters from the stored string, so hashes made with other
 * iteration counts still verify, and it also verifies the legacy Znuny/OTRS hashes described in
 * {@link LegacyHashes} (every Znuny/OTRS type but {@code plain}: hex SHA-256, SHA-512, SHA-1 and MD5 digests,
 * MD5-crypt {@code $1$} and {@code $apr1$}, Unix DES crypt, bcrypt as {@code BCRYPT:cost:salt:hash} and
 * {@code $2a$/$2b$/$2y$}). {@link #needsRehash(String)} is {@code true} for those and
 * for PBKDF2 hashes with fewer iterations than configured (or another salt or key length), so a successful login
 * upgrades the stored hash. A hash with <em>more</em> iterations than configured is left alone.
 *
 * <p>Stored strings are not trusted: a malformed string, bad base64, or absurd parameters (more than
 * {@value #MAX_ITERATIONS} iterations, salt or key lengths outside 8 to 64 bytes) make {@code verify} return
 * {@code false} at once, without throwing and without doing the work. Checking a legacy hash costs about as much as
 * checking a current one, so response times don't tell which accounts still have legacy hashes.
 *
 * <p>Immutable and thread-safe.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {
    /** The default iteration count, OWASP's recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** The lowest iteration count a hasher can be configured with; low counts are only for tests. */
    public static final int MIN_ITERATIONS = 1_000;

    /**
     * The highest iteration count a hasher can be configured with, and the highest {@code verify} accepts in a
     * stored hash (a higher one is treated as malformed rather than computed).
     */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String ID = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final int MIN_STORED_BYTES = 8;
    private static final int MAX_STORED_BYTES = 64;
    /** Longer stored strings are rejected before parsing; a valid one is about 100 characters. */
    private static final int MAX_ENCODED_LENGTH = 512;

    private static final Pattern PHC = Pattern.compile(
            "\\$pbkdf2-sha256\\$i=([1-9][0-9]{0,8})(?:,l=([1-9][0-9]{0,2}))?\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** Made on first use (it costs a full hash); {@code volatile} for the double-checked read in dummyHash(). */
    private volatile @Nullable String dummyHash;

    private Pbkdf2PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw ValidationException.ofArgument("iterations", "must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + ", was " + iterations);
        }
        this.iterations = iterations;
        factory(); // fail fast when the JDK lacks the algorithm
    }

    /** A hasher with {@value #DEFAULT_ITERATIONS} iterations. */
    public static Pbkdf2PasswordHasher withDefaults() {
        return new Pbkdf2PasswordHasher(DEFAULT_ITERATIONS);
    }

    /**
     * A hasher with this many iterations.
     *
     * @throws ValidationException naming {@code iterations} when it is below {@value #MIN_ITERATIONS} or above
     *                             {@value #MAX_ITERATIONS}
     */
    public static Pbkdf2PasswordHasher withIterations(int iterations) {
        return new Pbkdf2PasswordHasher(iterations);
    }

    /** The iteration count new hashes are made with. */
    public int iterations() {
        return iterations;
    }

    @Override
    public String hash(char[] password) {
        if (password == null) {
            throw ValidationException.ofArgument("password", "is required");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, iterations, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + ID + "$i=" + iterations + ",l=" + KEY_BYTES + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(key);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Accepts this class's PHC strings with any iteration count up to {@value #MAX_ITERATIONS}, and the legacy
     * formats of {@link LegacyHashes}. A {@code null} password does not match anything.
     */
    @Override
    public boolean verify(char @Nullable [] password, @Nullable String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        Optional<Phc> phc = Phc.parse(encoded);
        if (phc.isPresent()) {
            Phc p = phc.get();
            byte[] actual = derive(password, p.salt, p.iterations, p.hash.length);
            return MessageDigest.isEqual(actual, p.hash);
        }
        if (LegacyHashes.isLegacy(encoded)) {
            // Spend what a current hash costs, so timing doesn't reveal which accounts have legacy hashes.
            Phc dummy = Phc.parse(dummyHash()).orElseThrow();
            MessageDigest.isEqual(derive(password, dummy.salt, dummy.iterations, dummy.hash.length), dummy.hash);
            return LegacyHashes.verify(password, encoded);
        }
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code true} for legacy formats, for anything that is not a well-formed PBKDF2 PHC string, and for PBKDF2
     * hashes with fewer iterations than {@link #iterations()} or a salt or key length other than 16 and 32 bytes.
     */
    @Override
    public boolean needsRehash(@Nullable String encoded) {
        if (encoded == null) {
            return true;
        }
        Optional<Phc> phc = Phc.parse(encoded);
        if (phc.isEmpty()) {
            return true;
        }
        Phc p = phc.get();
        return p.iterations < iterations || p.salt.length != SALT_BYTES || p.hash.length != KEY_BYTES;
    }

    /** Whether a stored string is one of this class's PHC strings (by its prefix; it may still be malformed). */
    static boolean isPhc(String encoded) {
        return encoded.startsWith("$" + ID + "$");
    }

    @Override
    public String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    hash = makeDummyHash();
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }

    @Override
    public String toString() {
        return "Pbkdf2PasswordHasher[iterations=" + iterations + "]";
    }

    private String makeDummyHash() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        char[] random = Base64.getEncoder().encodeToString(bytes).toCharArray();
        return hash(random);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return factory().generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new AlgorithmUnavailableException(ALGORITHM, ALGORITHM + " failed", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static SecretKeyFactory factory() {
        try {
            return SecretKeyFactory.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new AlgorithmUnavailableException(ALGORITHM, e);
        }
    }

    /** A parsed, sanity-checked PBKDF2 PHC string. */
    private static final class Phc {
        final int iterations;
        final byte[] salt;
        final byte[] hash;

        private Phc(int iterations, byte[] salt, byte[] hash) {
            this.iterations = iterations;
            this.salt = salt;
            this.hash = hash;
        }

        static Optional<Phc> parse(String encoded) {
            if (encoded.length() > MAX_ENCODED_LENGTH) {
                return Optional.empty();
            }
            Matcher m = PHC.matcher(encoded);
            if (!m.matches()) {
                return Optional.empty();
            }
            int iterations = Integer.parseInt(m.group(1)); // at most 9 digits: no overflow
            if (iterations > MAX_ITERATIONS) {
                return Optional.empty();
            }
            byte[] salt;
            byte[] hash;
            try {
                salt = Base64.getDecoder().decode(m.group(3));
                hash = Base64.getDecoder().decode(m.group(4));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!sane(salt.length) || !sane(hash.length)) {
                return Optional.empty();
            }
            if (m.group(2) != null && Integer.parseInt(m.group(2)) != hash.length) {
                return Optional.empty();
            }
            return Optional.of(new Phc(iterations, salt, hash));
        }

        private static boolean sane(int bytes) {
            return bytes >= MIN_STORED_BYTES && bytes <= MAX_STORED_BYTES;
        }
    }
}
