package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import dev.clientele.Customer;
import dev.clientele.CustomerNotFoundException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.PasswordVerifier;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login by bind: one simple bind as the user's entry with the password, on the connections used only for users'
 * binds. The entry is the one core located (its DN remembered by {@link LdapCustomerStore#findByLogin(String)}), so a
 * login is one search and one bind; given only a login, the entry is searched first with the service account (or
 * anonymously). An empty password never reaches the server (it would be an unauthenticated bind, which servers
 * accept). With {@code required-group-dn}, only members may log in. Passwords are set with the password modify
 * extended operation, or in {@code unicodePwd} for Active Directory.
 */
public final class LdapPasswordVerifier implements PasswordVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(LdapPasswordVerifier.class);

    private final SettingsOrigin origin;
    private final LoginSettings login;
    private final boolean writable;
    private final boolean activeDirectory;
    private final LdapConnections ldap;
    private final LdapCustomerStore customers;
    private final CustomerMapper mapper;
    private final GroupResolver groups;
    /** An entry that does not exist (a random naming value under the base DN): what an unknown login binds as. */
    private final String absentLogin = "clientele-absent-" + UUID.randomUUID();
    private final String absentDn;

    /** {@code activeDirectory}: passwords go to {@code unicodePwd} instead of the password modify operation. */
    public LdapPasswordVerifier(SettingsOrigin origin, LoginSettings login, boolean writable, boolean activeDirectory,
            LdapConnections ldap, LdapCustomerStore customers, CustomerMapper mapper, GroupResolver groups) {
        this.origin = origin;
        this.login = login;
        this.writable = writable;
        this.activeDirectory = activeDirectory;
        this.ldap = ldap;
        this.customers = customers;
        this.mapper = mapper;
        this.groups = groups;
        this.absentDn = mapper.attributes().dnFor(absentLogin).toString();
    }

    @Override
    public Verification verify(String loginValue, char[] password) {
        Optional<SearchResultEntry> entry = customers.entryOf(loginValue);
        if (entry.isEmpty()) {
            return Verification.UNKNOWN_LOGIN;
        }
        return bind(entry.get().getDN(), mapper.loginOf(entry.get()), password);
    }

    /** Binds as the entry the customer was read from, without searching; by login for a customer not read here. */
    @Override
    public Verification verify(Customer located, char[] password) {
        Optional<String> dn = customers.locatedDn(located);
        if (dn.isEmpty()) {
            return verify(located.login(), password);
        }
        return bind(dn.get(), located.login(), password);
    }

    private Verification bind(String dn, String loginValue, char[] password) {
        if (password == null || password.length == 0) {
            return Verification.INVALID;
        }
        if (login.requiredGroupDn().isPresent() && !groups.isMember(dn, loginValue, login.requiredGroupDn().get())) {
            LOG.debug("LDAP back-end '{}': {} is not in the required group", origin.name(), dn);
            return Verification.INVALID;
        }
        ResultCode rc = ldap.userBinds().bindAsUser(dn, password);
        if (rc == ResultCode.SUCCESS) {
            return Verification.VALID;
        }
        LOG.debug("LDAP back-end '{}': bind as {} refused: {}", origin.name(), dn, rc);
        return Verification.INVALID;
    }

    /**
     * What a wrong password costs, for a login the directory does not have: the same calls as {@link #bind} for a
     * member — the required-group check if configured, then a simple bind with this password — as an entry that
     * does not exist, so the server refuses it without counting it against anyone.
     */
    @Override
    public void verifyAbsent(char[] password) {
        if (password == null || password.length == 0) {
            return;
        }
        login.requiredGroupDn().ifPresent(g -> groups.isMember(absentDn, absentLogin, g));
        ldap.userBinds().bindAsUser(absentDn, password);
    }

    @Override
    public boolean readOnly() {
        return !writable;
    }

    @Override
    public void setPassword(String loginValue, char[] password) {
        if (!writable) {
            throw new ReadOnlyBackendException(origin.name(), "change the password of " + loginValue);
        }
        SearchResultEntry user = customers.entryOf(loginValue)
                .orElseThrow(() -> new CustomerNotFoundException(loginValue));
        if (activeDirectory) {
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
        byte[] bytes = UserBinds.utf8(password);
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
