package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.PasswordVerifier;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login by bind: the user's entry is found with the service account (or anonymously), then a bind as that DN with
 * the password is tried on the connections set apart for binds. An empty password never reaches the server (it
 * would be an unauthenticated bind, which servers accept). With {@code required-group-dn}, only members may log in.
 * Passwords are set with the password modify extended operation, or in {@code unicodePwd} for Active Directory.
 */
public final class LdapPasswordVerifier implements PasswordVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(LdapPasswordVerifier.class);

    private final LdapSettings settings;
    private final LdapConnections ldap;
    private final LdapCustomerStore customers;
    private final GroupResolver groups;

    public LdapPasswordVerifier(LdapSettings settings, LdapConnections ldap, LdapCustomerStore customers,
            GroupResolver groups) {
        this.settings = settings;
        this.ldap = ldap;
        this.customers = customers;
        this.groups = groups;
    }

    @Override
    public Verification verify(String login, char[] password) {
        Optional<SearchResultEntry> entry = customers.entryOf(login);
        if (entry.isEmpty()) {
            return Verification.UNKNOWN_LOGIN;
        }
        if (password == null || password.length == 0) {
            return Verification.INVALID;
        }
        SearchResultEntry user = entry.get();
        if (settings.requiredGroupDn().isPresent() && !groups.isMember(user, settings.requiredGroupDn().get())) {
            LOG.debug("LDAP back-end '{}': {} is not in the required group", settings.name(), user.getDN());
            return Verification.INVALID;
        }
        ResultCode rc = ldap.bind(user.getDN(), password);
        if (rc == ResultCode.SUCCESS) {
            return Verification.VALID;
        }
        LOG.debug("LDAP back-end '{}': bind as {} refused: {}", settings.name(), user.getDN(), rc);
        return Verification.INVALID;
    }

    @Override
    public boolean readOnly() {
        return !settings.writable();
    }

    @Override
    public void setPassword(String login, char[] password) {
        if (!settings.writable()) {
            throw new ReadOnlyBackendException(settings.name(), "change the password of " + login);
        }
        SearchResultEntry user = customers.entryOf(login).orElseThrow(() -> new CustomerNotFoundException(login));
        if (settings.preset().activeDirectory()) {
            byte[] quoted = unicodePwd(password);
            try {
                ldap.call(pool -> pool.modify(user.getDN(),
                        new Modification(ModificationType.REPLACE, "unicodePwd", quoted)));
            } catch (LDAPException e) {
                throw ldap.refused("set the password of " + user.getDN() + " (Active Directory needs ldaps:// or "
                        + "start-tls for unicodePwd)", e);
            } finally {
                Arrays.fill(quoted, (byte) 0);
            }
            return;
        }
        byte[] bytes = LdapConnections.utf8(password);
        try {
            PasswordModifyExtendedRequest request = new PasswordModifyExtendedRequest(user.getDN(), null, bytes);
            ExtendedResult result = ldap.call(pool -> pool.processExtendedOperation(request));
            if (result.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(result);
            }
        } catch (LDAPException e) {
            throw ldap.refused("set the password of " + user.getDN() + " (password modify extended operation)", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Active Directory's form: the password in double quotes, UTF-16LE. */
    static byte[] unicodePwd(char[] password) {
        char[] quoted = new char[password.length + 2];
        quoted[0] = '"';
        System.arraycopy(password, 0, quoted, 1, password.length);
        quoted[quoted.length - 1] = '"';
        ByteBuffer b = StandardCharsets.UTF_16LE.encode(CharBuffer.wrap(quoted));
        Arrays.fill(quoted, '\0');
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
