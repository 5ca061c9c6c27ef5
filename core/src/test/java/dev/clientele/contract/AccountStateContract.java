package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.LoginStatus;
import dev.clientele.ValidationException;
import dev.clientele.Validity;
import dev.clientele.password.LockoutPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the directory tells an admin of a customer's account (last login, failed logins, lock-out), the
 * customer's preferences, and what a temporarily invalid account may do (nothing). Lock-out here: 3 failures within 15 minutes lock the account for 10 minutes.
 */
public abstract class AccountStateContract extends BackendContractSupport {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(10);
    private static final String WRONG = "Wr0ng-Horse-Battery";

    private CustomerDirectory dir;

    @BeforeEach
    void lockoutDirectory() {
        dir = newDirectory(b -> b.lockout(LockoutPolicy.of(3, WINDOW, LOCK)));
        dir.createCustomer(customer("JDoe").build(), PASSWORD.toCharArray());
    }

    private Outcome login(String login, String password) {
        return dir.authenticate(login, password.toCharArray()).outcome();
    }

    @Test
    @DisplayName("a customer who never logged in has no last login, no failures and no lock")
    void fresh() {
        assertThat(dir.loginStatus("jdoe"))
                .isEqualTo(new LoginStatus("JDoe", Optional.empty(), 0, Optional.empty()));
    }

    @Test
    @DisplayName("failed logins are counted, and the one that reaches the limit locks the account until a known time")
    void failuresThenLock() {
        login("jdoe", WRONG);
        login("jdoe", WRONG);
        assertThat(dir.loginStatus("jdoe").failedLogins()).isEqualTo(2);
        assertThat(dir.loginStatus("jdoe").locked()).isFalse();

        login("jdoe", WRONG);

        LoginStatus locked = dir.loginStatus("JDOE");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.lockedUntil()).contains(clock.instant().plus(LOCK));
    }

    @Test
    @DisplayName("copyLoginStateTo carries the last login, the failures and the lock into another directory; nothing"
            + " to copy is false")
    void copyLoginStateTo() {
        CustomerDirectory target = build(directoryBuilder(newBackendClosedLater("other"))
                .lockout(LockoutPolicy.of(3, WINDOW, LOCK)));
        target.createCustomer(customer("jdoe").build());
        assertThat(dir.copyLoginStateTo("jdoe", target)).isFalse();
        assertThat(target.loginStatus("jdoe").lastLogin()).isEmpty();

        assertThat(login("jdoe", PASSWORD)).isEqualTo(Outcome.SUCCESS);
        java.time.Instant lastLogin = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            login("jdoe", WRONG);
        }
        LoginStatus here = dir.loginStatus("jdoe");

        assertThat(dir.copyLoginStateTo("JDOE", target)).isTrue();

        LoginStatus there = target.loginStatus("jdoe");
        assertThat(there.lastLogin()).contains(lastLogin);
        assertThat(there.failedLogins()).isEqualTo(here.failedLogins());
        assertThat(there.lockedUntil()).isEqualTo(here.lockedUntil()).isPresent();
    }

    @Test
    @DisplayName("a successful login sets the last login and clears the failures")
    void successSetsLastLogin() {
        login("jdoe", WRONG);
        clock.advance(Duration.ofMinutes(1));

        assertThat(login("jdoe", PASSWORD)).isEqualTo(Outcome.SUCCESS);

        LoginStatus s = dir.loginStatus("jdoe");
        assertThat(s.lastLogin()).contains(clock.instant());
        assertThat(s.failedLogins()).isZero();
    }

    @Test
    @DisplayName("failures of a window that has ended count for nothing, and a lock that has run out is not shown")
    void windowAndLockRunOut() {
        login("jdoe", WRONG);
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(dir.loginStatus("jdoe").failedLogins()).isZero();

        login("jdoe", WRONG);
        login("jdoe", WRONG);
        login("jdoe", WRONG);
        assertThat(dir.loginStatus("jdoe").locked()).isTrue();
        clock.advance(LOCK.plusSeconds(1));

        assertThat(dir.loginStatus("jdoe").locked()).isFalse();
        assertThat(dir.loginStatus("jdoe").lockedUntil()).isEmpty();
    }

    @Test
    @DisplayName("unlock lifts the lock at once and the status says so")
    void unlock() {
        login("jdoe", WRONG);
        login("jdoe", WRONG);
        login("jdoe", WRONG);

        dir.unlock("jdoe");

        assertThat(dir.loginStatus("jdoe").locked()).isFalse();
        assertThat(login("jdoe", PASSWORD)).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    @DisplayName("the status of an unknown login is CustomerNotFoundException")
    void unknown() {
        assertThatExceptionOfType(CustomerNotFoundException.class).isThrownBy(() -> dir.loginStatus("nobody"));
    }

    @Test
    @DisplayName("a temporarily invalid customer cannot log in, even with the right password")
    void invalidTemporarilyCannotLogIn() {
        dir.updateCustomer(dir.getCustomer("jdoe").toBuilder().validity(Validity.INVALID_TEMPORARILY).build());

        assertThat(login("jdoe", PASSWORD)).isEqualTo(Outcome.ACCOUNT_INVALID);
    }

    // ----- preferences

    @Test
    @DisplayName("preferences are set, replaced, read under any case of the login and removed one by one")
    void preferences() {
        dir.setPreference("jdoe", "language", "de");
        dir.setPreference("JDOE", "theme", "dark");
        dir.setPreference("jdoe", "theme", "light");

        assertThat(dir.preferences("JDoe")).isEqualTo(Map.of("language", "de", "theme", "light"));
        assertThat(dir.removePreference("jdoe", "theme")).isTrue();
        assertThat(dir.removePreference("jdoe", "theme")).isFalse();
        assertThat(dir.preferences("jdoe")).isEqualTo(Map.of("language", "de"));
    }

    @Test
    @DisplayName("a preference without key or value, or with control characters, is refused naming the field; nothing stored")
    void badPreference() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> dir.setPreference("jdoe", " ", "x"))
                .satisfies(e -> assertThat(e.errors()).containsKey("key"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> dir.setPreference("jdoe", "k", null))
                .satisfies(e -> assertThat(e.errors()).containsKey("value"));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> dir.setPreference("jdoe", "k", "a\u0000b"))
                .satisfies(e -> assertThat(e.errors()).containsKey("value"));

        assertThat(dir.preferences("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("the preferences of an unknown login are CustomerNotFoundException, and none are stored for it")
    void preferencesOfUnknown() {
        assertThatExceptionOfType(CustomerNotFoundException.class)
                .isThrownBy(() -> dir.setPreference("nobody", "language", "de"));
        assertThatExceptionOfType(CustomerNotFoundException.class).isThrownBy(() -> dir.preferences("nobody"));
    }

    @Test
    @DisplayName("erasing a customer removes its preferences")
    void eraseRemovesPreferences() {
        dir.setPreference("jdoe", "language", "de");

        dir.eraseCustomer("jdoe");
        dir.createCustomer(customer("jdoe").build());

        assertThat(dir.preferences("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("a temporarily invalid customer has no permission at all, even on an always-group")
    void invalidTemporarilyGrantsNothing() {
        dir.createGroup(dev.clientele.Group.of("users"));
        dir.createGroup(dev.clientele.Group.of("support"));
        dir.link("jdoe", "support", dev.clientele.Permission.RW);
        dir.setPolicy(dev.clientele.CustomerGroupPolicy.builder().groupSupport(true).build());
        assertThat(dir.hasPermission("jdoe", "support", dev.clientele.Permission.RW)).isTrue();

        dir.updateCustomer(dir.getCustomer("jdoe").toBuilder().validity(Validity.INVALID_TEMPORARILY).build());

        assertThat(dir.hasPermission("jdoe", "support", dev.clientele.Permission.RO)).isFalse();
        assertThat(dir.hasPermission("jdoe", "users", dev.clientele.Permission.RO)).isFalse();
        assertThat(dir.permissions("jdoe").groups()).isEmpty();
    }

    @Test
    @DisplayName("a temporarily invalid customer is hidden from search unless invalid ones are asked for")
    void invalidTemporarilyHiddenFromSearch() {
        dir.updateCustomer(dir.getCustomer("jdoe").toBuilder().validity(Validity.INVALID_TEMPORARILY).build());

        assertThat(dir.search("jdoe").customers()).isEmpty();
        assertThat(dir.search(dev.clientele.CustomerQuery.builder().text("jdoe").includeInvalid(true).build())
                .customers()).extracting(dev.clientele.Customer::login).containsExactly("JDoe");
    }
}
