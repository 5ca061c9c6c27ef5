package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult;
import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.NotFoundException;
import dev.clientele.PasswordPolicyException;
import dev.clientele.password.LockoutPolicy;
import dev.clientele.password.PasswordPolicy;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.password.PasswordHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Logins, lock-out, re-hashing, password policy and reset tokens. Lock-out here: 3 failures within 15 minutes
 * lock the account for 10 minutes.
 */
public abstract class AuthenticationContract extends BackendContractSupport {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(10);
    private static final String WRONG = "Wr0ng-Horse-Battery";
    private static final String WEAK = "Sh0rt";

    /** The directory under test: lock-out 3 in 15 min for 10 min, password policy at its defaults. */
    private CustomerDirectory auth;

    @BeforeEach
    void lockoutDirectory() {
        auth = newDirectory(b -> b.lockout(LockoutPolicy.of(3, WINDOW, LOCK)).passwordPolicy(PasswordPolicy.defaults()));
    }

    private Customer createWithPassword(String login) {
        return auth.createCustomer(customer(login).build(), PASSWORD.toCharArray());
    }

    private AuthenticationResult login(String login, String password) {
        return auth.authenticate(login, password.toCharArray());
    }

    private void fail(String login, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(login(login, WRONG).outcome()).as("failure %d", i + 1).isEqualTo(Outcome.BAD_CREDENTIALS);
        }
    }

    private String storedHash(String login) {
        return credentialStore().passwordHash(login).orElseThrow(() -> new AssertionError("no hash stored"));
    }

    // ----- outcomes -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("the right password gives SUCCESS with the customer")
    void success() {
        createWithPassword("jdoe");

        AuthenticationResult result = login("jdoe", PASSWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.customer()).get().extracting(Customer::login).isEqualTo("jdoe");
    }

    @Test
    @DisplayName("the login is matched case-insensitively")
    void loginAnyCase() {
        createWithPassword("JDoe");

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("a wrong password gives BAD_CREDENTIALS without a customer")
    void wrongPassword() {
        createWithPassword("jdoe");

        AuthenticationResult result = login("jdoe", WRONG);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(result.customer()).isEmpty();
    }

    @Test
    @DisplayName("an unknown login gives BAD_CREDENTIALS, the same outcome as a wrong password")
    void unknownLogin() {
        AuthenticationResult result = login("nobody", PASSWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(result.customer()).isEmpty();
    }

    @Test
    @DisplayName("a customer without a password gives BAD_CREDENTIALS")
    void noPasswordSet() {
        auth.createCustomer(customer("jdoe").build());

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("an invalid customer with the right password gives ACCOUNT_INVALID")
    void invalidCustomer() {
        createWithPassword("jdoe");
        auth.invalidateCustomer("jdoe");

        AuthenticationResult result = login("jdoe", PASSWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.ACCOUNT_INVALID);
        assertThat(result.customer()).isEmpty();
    }

    // ----- lock-out -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("after 3 failures the account is locked: even the right password gets BAD_CREDENTIALS")
    void lockedAfterMaxFailures() {
        createWithPassword("jdoe");
        fail("jdoe", 3);

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("2 failures do not lock the account")
    void notLockedBelowMax() {
        createWithPassword("jdoe");
        fail("jdoe", 2);

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("the lock holds for the whole lock duration")
    void lockHolds() {
        createWithPassword("jdoe");
        fail("jdoe", 3);

        clock.advance(LOCK.minusSeconds(1));

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("once the lock duration is over the right password works again")
    void lockExpires() {
        createWithPassword("jdoe");
        fail("jdoe", 3);
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);

        clock.advance(LOCK.plusSeconds(1));

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("failures outside the window do not add up: 2 failures, 16 minutes, 2 failures do not lock")
    void failuresOutsideWindowDoNotAccumulate() {
        createWithPassword("jdoe");
        fail("jdoe", 2);
        clock.advance(WINDOW.plusMinutes(1));
        fail("jdoe", 2);

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("a successful login resets the failure count")
    void successResetsFailures() {
        createWithPassword("jdoe");
        fail("jdoe", 2);
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
        fail("jdoe", 2);

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("unlock lifts a lock at once")
    void unlockClearsLock() {
        createWithPassword("jdoe");
        fail("jdoe", 3);
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);

        auth.unlock("jdoe");

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("unlock clears the failure count too")
    void unlockClearsFailureCount() {
        createWithPassword("jdoe");
        fail("jdoe", 2);

        auth.unlock("jdoe");
        fail("jdoe", 2);

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("with LockoutPolicy.disabled() failures never lock")
    void lockoutDisabled() {
        CustomerDirectory lenient = newDirectory(b -> b.lockout(LockoutPolicy.disabled()));
        lenient.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        for (int i = 0; i < 10; i++) {
            assertThat(lenient.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        }

        assertThat(lenient.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    // ----- lock-out under concurrency -----------------------------------------------------------------------

    private static final int THREADS = 16;
    private static final int TRIES_PER_THREAD = 3;
    private static final int LIMIT = 5;

    /** A fast hasher that counts the passwords checked against a real stored hash (not against the dummy one). */
    private static final class CountingHasher implements PasswordHasher {
        private final PasswordHasher inner = Pbkdf2PasswordHasher.withIterations(FAST_ITERATIONS);
        private final AtomicInteger verified = new AtomicInteger();

        @Override
        public String hash(char[] password) {
            return inner.hash(password);
        }

        @Override
        public boolean verify(char[] password, @Nullable String encoded) {
            if (encoded != null && !encoded.equals(inner.dummyHash())) {
                verified.incrementAndGet();
            }
            return inner.verify(password, encoded);
        }

        @Override
        public boolean needsRehash(String encoded) {
            return inner.needsRehash(encoded);
        }

        @Override
        public String dummyHash() {
            return inner.dummyHash();
        }
    }

    /** A directory with the counting hasher and a limit of {@link #LIMIT}, holding jdoe with {@link #PASSWORD}. */
    private CustomerDirectory countingDirectory(CountingHasher hasher) {
        CustomerDirectory dir = newDirectory(b -> b.passwordHasher(hasher).lockout(LockoutPolicy.of(LIMIT, WINDOW, LOCK)));
        dir.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        return dir;
    }

    /**
     * Runs {@code tries} logins of jdoe on each of {@link #THREADS} threads, all started together; thread {@code t}
     * tries {@code passwords[(t + i) % passwords.length]} the {@code i}-th time. The outcomes of all of them.
     */
    private static List<Outcome> concurrently(CustomerDirectory dir, int tries, String... passwords) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < tries; i++) {
                        String password = passwords[(thread + i) % passwords.length];
                        outcomes.add(dir.authenticate("jdoe", password.toCharArray()).outcome());
                    }
                    return outcomes;
                }));
            }
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("16 threads trying wrong passwords against a limit of 5: at most 5 are verified, and the account ends locked")
    void concurrentWrongPasswordsVerifiedAtMostLimit() throws Exception {
        CountingHasher hasher = new CountingHasher();
        CustomerDirectory dir = countingDirectory(hasher);

        List<Outcome> outcomes = concurrently(dir, TRIES_PER_THREAD, WRONG);

        assertThat(hasher.verified.get()).as("wrong passwords verified").isLessThanOrEqualTo(LIMIT);
        assertThat(outcomes).containsOnly(Outcome.BAD_CREDENTIALS);
        assertThat(dir.loginStatus("jdoe").locked()).isTrue();
    }

    @Test
    @DisplayName("the right password among 16 threads of wrong ones: at most 5 passwords are verified between two "
            + "successes, and once locked the right password gets BAD_CREDENTIALS without being verified")
    void concurrentRightPasswordNoSuccessOnceLocked() throws Exception {
        CountingHasher hasher = new CountingHasher();
        CustomerDirectory dir = countingDirectory(hasher);

        List<Outcome> mixed = concurrently(dir, TRIES_PER_THREAD + 1, WRONG, WRONG, WRONG, PASSWORD);

        // Only a success clears the count, so each success lets at most LIMIT more passwords be verified.
        long successes = mixed.stream().filter(o -> o == Outcome.SUCCESS).count();
        assertThat((long) hasher.verified.get()).as("passwords verified, with %d successes", successes)
                .isLessThanOrEqualTo(LIMIT * (successes + 1));

        dir.unlock("jdoe");
        concurrently(dir, 1, WRONG);
        assertThat(dir.loginStatus("jdoe").locked()).isTrue();
        int verifiedWhenLocked = hasher.verified.get();

        List<Outcome> right = concurrently(dir, TRIES_PER_THREAD, PASSWORD);

        assertThat(right).containsOnly(Outcome.BAD_CREDENTIALS);
        assertThat(hasher.verified.get()).as("passwords verified once locked").isEqualTo(verifiedWhenLocked);
    }

    // ----- hashes -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("the stored credential is a PBKDF2 PHC string, never the password")
    void storedHashIsPhc() {
        createWithPassword("jdoe");

        String hash = storedHash("jdoe");

        assertThat(hash).startsWith("$pbkdf2-sha256$").doesNotContain(PASSWORD);
    }

    @Test
    @DisplayName("a successful login with an outdated hash re-hashes it with the current iterations")
    void successfulLoginRehashes() {
        createWithPassword("jdoe");
        String before = storedHash("jdoe");
        CustomerDirectory stronger = newDirectory(b -> b.passwordHasher(Pbkdf2PasswordHasher.withIterations(2_000)));

        assertThat(stronger.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);

        String after = storedHash("jdoe");
        assertThat(after).isNotEqualTo(before).startsWith("$pbkdf2-sha256$").contains("i=2000");
        assertThat(stronger.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("a failed login does not re-hash")
    void failedLoginDoesNotRehash() {
        createWithPassword("jdoe");
        String before = storedHash("jdoe");
        CustomerDirectory stronger = newDirectory(b -> b.passwordHasher(Pbkdf2PasswordHasher.withIterations(2_000)));

        assertThat(stronger.authenticate("jdoe", WRONG.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);

        assertThat(storedHash("jdoe")).isEqualTo(before);
    }

    @Test
    @DisplayName("a login with a current hash leaves it alone")
    void currentHashNotRehashed() {
        createWithPassword("jdoe");
        String before = storedHash("jdoe");

        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);

        assertThat(storedHash("jdoe")).isEqualTo(before);
    }

    // ----- password policy ----------------------------------------------------------------------------------

    @Test
    @DisplayName("setPassword sets a password that then authenticates, and the old one no longer does")
    void setPassword() {
        createWithPassword("jdoe");

        auth.setPassword("jdoe", OTHER_PASSWORD.toCharArray());

        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("setPassword with a too short password throws PasswordPolicyException and keeps the old password")
    void setPasswordChecksPolicy() {
        createWithPassword("jdoe");
        String before = storedHash("jdoe");

        assertThatExceptionOfType(PasswordPolicyException.class)
                .isThrownBy(() -> auth.setPassword("jdoe", WEAK.toCharArray()))
                .satisfies(e -> assertThat(e.violations()).isNotEmpty());

        assertThat(storedHash("jdoe")).isEqualTo(before);
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("createCustomer with a too short password throws PasswordPolicyException and creates nothing")
    void createChecksPolicy() {
        assertThatExceptionOfType(PasswordPolicyException.class)
                .isThrownBy(() -> auth.createCustomer(customer("jdoe").build(), WEAK.toCharArray()));

        assertThat(auth.findCustomer("jdoe")).isEmpty();
        assertThat(customerStore().count()).isZero();
        assertNoStoredPassword("jdoe");
    }

    @Test
    @DisplayName("a stricter policy is applied: no digit is rejected when needDigit is on")
    void policyRulesApplied() {
        CustomerDirectory strict = newDirectory(b -> b.passwordPolicy(
                PasswordPolicy.builder().minLength(8).needDigit(true).build()));
        strict.createCustomer(customer("jdoe").build());

        assertThatExceptionOfType(PasswordPolicyException.class)
                .isThrownBy(() -> strict.setPassword("jdoe", "NoDigitsHere".toCharArray()));
        assertNoStoredPassword("jdoe");
        assertThat(strict.authenticate("jdoe", "NoDigitsHere".toCharArray()).outcome())
                .isEqualTo(AuthenticationResult.Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("setPassword of an unknown login throws CustomerNotFoundException")
    void setPasswordUnknown() {
        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> auth.setPassword("ghost", PASSWORD.toCharArray()));
        assertNoStoredPassword("ghost");
    }

    // ----- reset tokens -------------------------------------------------------------------------------------

    @Test
    @DisplayName("resetPassword with a token sets the new password; the old one no longer works")
    void resetSetsPassword() {
        createWithPassword("jdoe");
        String token = auth.createPasswordResetToken("jdoe");
        assertThat(token).isNotBlank();

        auth.resetPassword(token, OTHER_PASSWORD.toCharArray());

        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    @DisplayName("a customer without a password can set one with a reset token")
    void resetWithoutPriorPassword() {
        auth.createCustomer(customer("jdoe").build());
        String token = auth.createPasswordResetToken("jdoe");

        auth.resetPassword(token, OTHER_PASSWORD.toCharArray());

        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("a reset token works once: the second use throws NotFoundException")
    void tokenWorksOnce() {
        createWithPassword("jdoe");
        String token = auth.createPasswordResetToken("jdoe");
        auth.resetPassword(token, OTHER_PASSWORD.toCharArray());

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> auth.resetPassword(token, "Y3t-Another-Phrase".toCharArray()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo("reset token"));
        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("a reset token still works just before its default lifetime of 1 hour is over")
    void tokenWorksWithinLifetime() {
        createWithPassword("jdoe");
        String token = auth.createPasswordResetToken("jdoe");
        clock.advance(Duration.ofMinutes(59));

        auth.resetPassword(token, OTHER_PASSWORD.toCharArray());

        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("a reset token expires after its default lifetime of 1 hour: NotFoundException")
    void tokenExpires() {
        createWithPassword("jdoe");
        String token = auth.createPasswordResetToken("jdoe");
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> auth.resetPassword(token, OTHER_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo("reset token"));
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("resetTokenLifetime sets how long a token works")
    void configuredLifetime() {
        CustomerDirectory shortLived = newDirectory(b -> b.resetTokenLifetime(Duration.ofMinutes(5)));
        shortLived.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        String token = shortLived.createPasswordResetToken("jdoe");
        clock.advance(Duration.ofMinutes(6));

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> shortLived.resetPassword(token, OTHER_PASSWORD.toCharArray()));
    }

    @Test
    @DisplayName("an unknown token throws NotFoundException of kind reset token")
    void unknownToken() {
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> auth.resetPassword("no-such-token", OTHER_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo("reset token"));
    }

    @Test
    @DisplayName("a weak new password throws PasswordPolicyException and the token still works afterwards")
    void weakPasswordKeepsToken() {
        createWithPassword("jdoe");
        String token = auth.createPasswordResetToken("jdoe");

        assertThatExceptionOfType(PasswordPolicyException.class)
                .isThrownBy(() -> auth.resetPassword(token, WEAK.toCharArray()));
        assertThat(login("jdoe", PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);

        auth.resetPassword(token, OTHER_PASSWORD.toCharArray());
        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("the state store holds only a hash of the token, never the token itself")
    void tokenStoredAsHash() {
        createWithPassword("jdoe");
        String token = auth.createPasswordResetToken("jdoe");

        assertThat(stateStore().takeResetToken(token)).isEmpty();

        auth.resetPassword(token, OTHER_PASSWORD.toCharArray());
        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("redeeming a reset token invalidates every other outstanding token of that customer, not of others")
    void redeemingInvalidatesOtherTokens() {
        createWithPassword("jdoe");
        auth.createCustomer(customer("jane").email("jane@acme.example").build(), PASSWORD.toCharArray());
        String older = auth.createPasswordResetToken("jdoe");
        String newer = auth.createPasswordResetToken("jdoe");
        String janes = auth.createPasswordResetToken("jane");

        auth.resetPassword(newer, OTHER_PASSWORD.toCharArray());

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> auth.resetPassword(older, "Y3t-Another-Phrase".toCharArray()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo("reset token"));
        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
        auth.resetPassword(janes, OTHER_PASSWORD.toCharArray());
        assertThat(login("jane", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("setPassword invalidates every outstanding reset token of that customer")
    void setPasswordInvalidatesTokens() {
        createWithPassword("jdoe");
        String first = auth.createPasswordResetToken("jdoe");
        String second = auth.createPasswordResetToken("jdoe");

        auth.setPassword("jdoe", OTHER_PASSWORD.toCharArray());

        for (String token : List.of(first, second)) {
            assertThatExceptionOfType(NotFoundException.class)
                    .isThrownBy(() -> auth.resetPassword(token, "Y3t-Another-Phrase".toCharArray()))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo("reset token"));
        }
        assertThat(login("jdoe", OTHER_PASSWORD).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    // ----- migration ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("copyPasswordTo carries the stored hash into another directory: the customer logs in there as before")
    void copyPasswordTo() {
        credentialStore();
        createWithPassword("jdoe");
        auth.createCustomer(customer("nopw").email("nopw@acme.example").build());
        CustomerBackend other = newBackendClosedLater("other");
        CustomerDirectory target = build(directoryBuilder(other));
        target.createCustomer(customer("jdoe").build());
        target.createCustomer(customer("nopw").email("nopw@acme.example").build());

        assertThat(auth.copyPasswordTo("jdoe", target)).isTrue();
        assertThat(auth.copyPasswordTo("nopw", target)).isFalse();

        assertThat(target.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(target.authenticate("nopw", PASSWORD.toCharArray()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(other.credentials().orElseThrow().passwordHash("jdoe")).contains(storedHash("jdoe"));
    }

    @Test
    @DisplayName("copyPasswordTo a directory without that customer throws CustomerNotFoundException")
    void copyPasswordToUnknownTarget() {
        credentialStore();
        createWithPassword("jdoe");
        CustomerDirectory target = build(directoryBuilder(newBackendClosedLater("other")));

        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> auth.copyPasswordTo("jdoe", target));
    }
}
