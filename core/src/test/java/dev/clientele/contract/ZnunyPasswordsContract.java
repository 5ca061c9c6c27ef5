package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.CustomerDirectory;
import dev.clientele.password.CryptType;
import dev.clientele.password.PasswordStorage;
import dev.clientele.password.RehashPolicy;
import dev.clientele.spi.CredentialStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Every Znuny/OTRS password type, stored as a Znuny table holds it, through the directory: the right password logs
 * in, the stored hash is then re-hashed as the back-end's {@code rehash} says (PBKDF2, the same Znuny type, or left
 * alone), and a wrong password still fails; {@code setPassword} writes the type a back-end keeps.
 *
 * <p>The stored strings are made in the test from the published algorithms (hex digests with the JDK, bcrypt with
 * Spring's {@link BCrypt}) or were made for this suite with independent implementations: OpenSSL's
 * {@code passwd -1} and {@code -apr1}, glibc's {@code crypt(3)} and Perl's {@code Crypt::Eksblowfish::Bcrypt}, the
 * bcrypt library Znuny itself calls. Skipped on back-ends that check passwords themselves (an LDAP bind).
 */
public abstract class ZnunyPasswordsContract extends BackendContractSupport {
    private static final String WRONG = "Wr0ng-Horse-Battery";

    /**
     * A stored password of {@link #PASSWORD}: its type, the string, and whether it is already in the form Znuny
     * writes for that type (so {@code keep-crypt-type} leaves it alone).
     */
    public record Stored(String label, CryptType type, String encoded, boolean znunyForm) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Stored> stored() {
        List<Stored> s = new ArrayList<>();
        s.add(new Stored("sha2", CryptType.SHA2, hex("SHA-256"), true));
        s.add(new Stored("sha2 upper-case", CryptType.SHA2, hex("SHA-256").toUpperCase(Locale.ROOT), false));
        s.add(new Stored("sha1", CryptType.SHA1, hex("SHA-1"), true));
        s.add(new Stored("sha512", CryptType.SHA512, hex("SHA-512"), true));
        s.add(new Stored("sha512 upper-case", CryptType.SHA512, hex("SHA-512").toUpperCase(Locale.ROOT), false));
        // openssl passwd -1 -salt Zn7uY2aq / -apr1 -salt q8Rt5LmN
        s.add(new Stored("md5", CryptType.MD5, "$1$Zn7uY2aq$PyCtctY2HxWfvoT5NzaPR/", true));
        s.add(new Stored("apr1", CryptType.APR1, "$apr1$q8Rt5LmN$JJ.IAqjAxTafx1xHrbuNv/", true));
        // glibc crypt(3) with salt "k9"
        s.add(new Stored("crypt", CryptType.CRYPT, "k9ylu7281VOvk", true));
        // Crypt::Eksblowfish::Bcrypt: bcrypt_hash({key_nul => 1, cost => 9, salt => 'Q3mZp8RtX1vB6nYc'}, ...)
        s.add(new Stored("bcrypt BCRYPT:", CryptType.BCRYPT, "BCRYPT:9:Q3mZp8RtX1vB6nYc:CYQ2TaPsKD54vhHJfOMagOA7zi/sJOO",
                true));
        // Crypt::Eksblowfish::Bcrypt::bcrypt with a $2a$09$ setting
        s.add(new Stored("bcrypt $2a$", CryptType.BCRYPT,
                "$2a$09$a0j2bETjZg/xWUvyGE7hb.Wj2Uhbzd.kZIPHXr00F2qY20yKTrkSC", false));
        s.add(new Stored("bcrypt $2b$", CryptType.BCRYPT, springBcrypt("$2b"), false));
        s.add(new Stored("bcrypt $2y$", CryptType.BCRYPT, springBcrypt("$2y"), false));
        s.add(new Stored("plain", CryptType.PLAIN, PASSWORD, true));
        return s;
    }

    static Stream<Arguments> storedAndPolicy() {
        return stored().stream().flatMap(s -> Stream.of(RehashPolicy.values()).map(p -> Arguments.of(s, p)));
    }

    private static String hex(String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String springBcrypt(String version) {
        return BCrypt.hashpw(PASSWORD.getBytes(StandardCharsets.UTF_8), BCrypt.gensalt(version, 4));
    }

    /** What a back-end with this policy for this type is configured with (plain needs its type to verify at all). */
    private static PasswordStorage storage(RehashPolicy policy, CryptType type) {
        CryptType configured = policy == RehashPolicy.PBKDF2 && type != CryptType.PLAIN ? null : type;
        PasswordStorage s = PasswordStorage.of(policy, configured);
        return type == CryptType.BCRYPT ? s.withBcryptCost(PasswordStorage.MIN_BCRYPT_COST) : s;
    }

    /** The form Znuny writes for a type. */
    private static String znunyForm(CryptType type) {
        switch (type) {
            case SHA2: return "[0-9a-f]{64}";
            case SHA1: return "[0-9a-f]{40}";
            case SHA512: return "[0-9a-f]{128}";
            case MD5: return "\\$1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}";
            case APR1: return "\\$apr1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}";
            case CRYPT: return "[./0-9A-Za-z]{13}";
            case BCRYPT: return "BCRYPT:9:[A-Za-z0-9]{16}:[./A-Za-z0-9]{31}";
            default: return java.util.regex.Pattern.quote(PASSWORD);
        }
    }

    private CustomerDirectory withStored(PasswordStorage storage, String encoded) {
        CredentialStore creds = credentialStore(); // first: skips a back-end that binds, before it is configured
        CustomerDirectory d = newDirectory(b -> b.passwordStorage(MAIN, storage));
        d.createCustomer(customer("jdoe").build());
        creds.setPasswordHash("jdoe", encoded);
        return d;
    }

    private String storedHash() {
        return credentialStore().passwordHash("jdoe").orElseThrow(() -> new AssertionError("no hash stored"));
    }

    @ParameterizedTest(name = "{0}, rehash = {1}")
    @MethodSource("dev.clientele.contract.ZnunyPasswordsContract#storedAndPolicy")
    @DisplayName("a Znuny hash logs in, is re-hashed as the policy says, and a wrong password still fails")
    void legacyLogin(Stored stored, RehashPolicy policy) {
        CustomerDirectory d = withStored(storage(policy, stored.type()), stored.encoded());

        assertThat(d.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(storedHash()).as("a failed login re-hashes nothing").isEqualTo(stored.encoded());

        assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);

        String after = storedHash();
        switch (policy) {
            case PBKDF2:
                assertThat(after).startsWith("$pbkdf2-sha256$");
                break;
            case KEEP_CRYPT_TYPE:
                if (stored.znunyForm()) {
                    assertThat(after).as("already what Znuny writes").isEqualTo(stored.encoded());
                } else {
                    assertThat(after).isNotEqualTo(stored.encoded()).matches(znunyForm(stored.type()));
                }
                break;
            default:
                assertThat(after).as("rehash = off").isEqualTo(stored.encoded());
        }
        assertThat(d.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CryptType.class)
    @DisplayName("with keep-crypt-type, setPassword writes the configured type, as Znuny does, and it logs in")
    void setPasswordKeepsType(CryptType type) {
        CustomerDirectory d = withStored(storage(RehashPolicy.KEEP_CRYPT_TYPE, type), "$pbkdf2-sha256$unused");

        d.setPassword("jdoe", PASSWORD.toCharArray());

        assertThat(storedHash()).matches(znunyForm(type));
        assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(storedHash()).as("not re-hashed: already the kept type").matches(znunyForm(type));
        assertThat(d.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("with keep-crypt-type, a PBKDF2 hash is re-hashed to the kept type at the next login")
    void pbkdf2BackToKeptType() {
        credentialStore();
        CustomerDirectory own = newDirectory(b -> b);
        own.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        assertThat(storedHash()).startsWith("$pbkdf2-sha256$");
        CustomerDirectory d = newDirectory(b -> b.passwordStorage(MAIN,
                PasswordStorage.of(RehashPolicy.KEEP_CRYPT_TYPE, CryptType.SHA2)));

        assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);

        assertThat(storedHash()).isEqualTo(hex("SHA-256"));
    }

    @Test
    @DisplayName("clear text does not log in on a back-end not configured with crypt-type = plain")
    void plainOnlyWhenConfigured() {
        CustomerDirectory d = withStored(PasswordStorage.defaults(), PASSWORD);

        assertThat(d.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(storedHash()).isEqualTo(PASSWORD);
    }
}
