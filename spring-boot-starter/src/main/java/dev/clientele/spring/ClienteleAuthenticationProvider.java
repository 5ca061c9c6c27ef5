package dev.clientele.spring;

import dev.clientele.AuthenticationResult;
import dev.clientele.BackendUnavailableException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.ValidationException;
import java.util.Arrays;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Logs customers in through {@link CustomerDirectory#authenticate}, so everything Clientele does at a login applies:
 * lock-out, the same cost for an unknown login as for a wrong password, re-hashing an old hash, login events.
 *
 * <table>
 *   <caption>Outcomes</caption>
 *   <tr><th>Clientele</th><th>Spring Security</th></tr>
 *   <tr><td>{@code SUCCESS}</td><td>a {@link ClienteleAuthenticationToken} with the customer's group authorities
 *       ({@link CustomerGroupAuthorities})</td></tr>
 *   <tr><td>{@code BAD_CREDENTIALS} (unknown login, wrong or no password)</td><td>{@link BadCredentialsException}</td></tr>
 *   <tr><td>{@code ACCOUNT_INVALID}</td><td>{@link DisabledException}</td></tr>
 *   <tr><td>a locked account</td><td>{@link BadCredentialsException}: the directory answers {@code BAD_CREDENTIALS}
 *       while an account is locked, so that a lock-out does not tell that a login exists (an admin sees the lock in
 *       {@code loginStatus} and the events); {@code LOCKED_OUT}, should a directory answer it, is
 *       {@link LockedException}</td></tr>
 *   <tr><td>a back-end that cannot be reached</td><td>{@link AuthenticationServiceException} (not a bad password)</td></tr>
 * </table>
 *
 * The messages say nothing about the account beyond the exception's type; show users one text for every failure if
 * the existence of logins must stay hidden (an invalid account answers differently after the right password).
 */
public final class ClienteleAuthenticationProvider implements AuthenticationProvider {
    private final CustomerDirectory directory;

    public ClienteleAuthenticationProvider(CustomerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (login == null || login.isBlank() || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        char[] password = credentials.toString().toCharArray();
        AuthenticationResult result;
        try {
            result = directory.authenticate(login, password);
        } catch (ValidationException e) {
            throw new BadCredentialsException("Bad credentials");
        } catch (BackendUnavailableException e) {
            throw new AuthenticationServiceException("The customer directory cannot be reached", e);
        } finally {
            Arrays.fill(password, '\0');
        }
        switch (result.outcome()) {
            case SUCCESS:
                Customer customer = result.customer().orElseThrow();
                ClienteleAuthenticationToken token = new ClienteleAuthenticationToken(customer,
                        CustomerGroupAuthorities.of(directory.permissions(customer.login())));
                token.setDetails(authentication.getDetails());
                return token;
            case ACCOUNT_INVALID:
                throw new DisabledException("User is disabled");
            case LOCKED_OUT:
                throw new LockedException("User account is locked");
            default:
                throw new BadCredentialsException("Bad credentials");
        }
    }

    /** User name and password logins (form login, HTTP Basic). */
    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
