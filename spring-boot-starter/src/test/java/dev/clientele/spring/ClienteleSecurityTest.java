package dev.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.Validity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

@DisplayName("Spring Security through the directory")
class ClienteleSecurityTest {
    static {
        BuildProperties.forget();
    }

    private static final char[] PASSWORD = "Corr3ct-Horse".toCharArray();
    private AuthenticationProvider provider;
    private PermissionEvaluator evaluator;
    private CustomerDirectory directory;

    /** Runs {@code test} in a fresh context whose directory holds three customers (memory back-end). */
    private void run(Runnable test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClienteleAutoConfiguration.class,
                        ClienteleSecurityAutoConfiguration.class))
                .withPropertyValues("clientele.backend.local.type=memory", "clientele.policy.group-support=true",
                        "clientele.password.iterations=1000", "clientele.login.max-failures=2")
                .run(context -> {
                    provider = context.getBean(AuthenticationProvider.class);
                    evaluator = context.getBean(PermissionEvaluator.class);
                    directory = context.getBean(CustomerDirectory.class);
                    seed();
                    test.run();
                });
    }

    private void seed() {
        directory.createGroup(Group.of("support"));
        directory.createGroup(Group.of("billing"));
        for (String login : new String[] {"jdoe", "gone", "locked"}) {
            directory.createCustomer(Customer.builder(login).email(login + "@acme.example").customerId("acme")
                    .firstName("J").lastName("Doe").build(), PASSWORD.clone());
        }
        directory.link("jdoe", "support", Permission.RW);
        directory.link("jdoe", "billing", Permission.RO);
        directory.updateCustomer(directory.getCustomer("gone").toBuilder().validity(Validity.INVALID).build());
    }

    private Authentication login(String login, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, password));
    }

    @Test
    @DisplayName("a right password gives the customer, with its effective groups as GROUP_<name>_RO/_RW")
    void success() {
        run(() -> {
            Authentication a = login("jdoe", "Corr3ct-Horse");
            assertThat(a).isInstanceOf(ClienteleAuthenticationToken.class);
            assertThat(a.isAuthenticated()).isTrue();
            assertThat(a.getName()).isEqualTo("jdoe");
            assertThat(a.getCredentials()).isNull();
            assertThat(((ClienteleAuthenticationToken) a).customer()).hasValueSatisfying(c ->
                    assertThat(c.email()).isEqualTo("jdoe@acme.example"));
            assertThat(a.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .contains("GROUP_support_RO", "GROUP_support_RW", "GROUP_billing_RO")
                    .doesNotContain("GROUP_billing_RW");
        });
    }

    @Test
    @DisplayName("a wrong password and an unknown login are both BadCredentialsException")
    void badCredentials() {
        run(() -> {
            assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("jdoe", "wrong"));
            assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("nobody", "wrong"));
        });
    }

    @Test
    @DisplayName("an invalid account is DisabledException; a locked one answers BadCredentialsException even with the"
            + " right password (a lock-out must not tell that a login exists)")
    void disabledAndLocked() {
        run(() -> {
            assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> login("gone", "Corr3ct-Horse"));
            assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("locked", "bad-1"));
            assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("locked", "bad-2"));
            assertThatExceptionOfType(BadCredentialsException.class)
                    .isThrownBy(() -> login("locked", "Corr3ct-Horse"));
        });
    }

    @Test
    @DisplayName("hasPermission asks the directory: RW implies RO, no link is no, a live change applies at once")
    void permissionEvaluator() {
        run(() -> {
            Authentication a = login("jdoe", "Corr3ct-Horse");
            assertThat(evaluator.hasPermission(a, "support", "rw")).isTrue();
            assertThat(evaluator.hasPermission(a, "support", "RO")).isTrue();
            assertThat(evaluator.hasPermission(a, "billing", "rw")).isFalse();
            assertThat(evaluator.hasPermission(a, "support", "group", "rw")).isTrue();
            assertThat(evaluator.hasPermission(a, "support", "queue", "rw")).isFalse();
            assertThat(evaluator.hasPermission(a, "support", "admin")).isFalse();

            directory.link("jdoe", "billing", Permission.RW);
            assertThat(evaluator.hasPermission(a, "billing", "rw")).isTrue();
            directory.link("jdoe", "billing", Permission.RO);
        });
    }

    @Test
    @DisplayName("hasPermission is no for a user that another provider logged in, even under a customer's name")
    void otherProvidersGetNothing() {
        run(() -> {
            Authentication impostor = new TestingAuthenticationToken("jdoe", null, "ROLE_USER");
            impostor.setAuthenticated(true);
            assertThat(evaluator.hasPermission(impostor, "support", "ro")).isFalse();
        });
    }
}
