package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import dev.clientele.BackendUnavailableException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' binds, on the pool used only for them: each connection is opened without a bind and is only ever bound by
 * a user whose password it checks, never used to search or write. Owns the retry of a bind once on another
 * connection when its connection was dead, what a refused bind leaves behind (the connection closed), and the
 * UTF-8 bytes of a password (never a String).
 */
final class UserBinds {
    private static final Logger LOG = LoggerFactory.getLogger(UserBinds.class);

    /** Which back-end this is, for messages. */
    private final SettingsOrigin settings;
    private final LDAPConnectionPool bindPool;

    UserBinds(SettingsOrigin settings, LDAPConnectionPool bindPool) {
        this.settings = settings;
        this.bindPool = bindPool;
    }

    /** UTF-8 bytes of a password, without making a String of it. */
    static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    /**
     * One simple bind as {@code dn} with the password, on a connection of the pool used only for users' binds.
     * Returns the result code: SUCCESS, or why the server refused. A connection whose bind was refused is closed
     * (never handed back in an unknown state); one bound as a user goes back to that pool, where it will only ever
     * be bound again. A dead connection is replaced and the bind tried once more on another. Unreachable server:
     * {@link BackendUnavailableException}.
     */
    ResultCode bindAsUser(String dn, char[] password) {
        byte[] bytes = utf8(password);
        try {
            for (int attempt = 1; ; attempt++) {
                LDAPConnection conn;
                try {
                    conn = bindPool.getConnection();
                } catch (LDAPException e) {
                    throw LdapMessages.unavailable(settings.name(), "bind", e);
                }
                boolean bound = false;
                try {
                    conn.bind(new SimpleBindRequest(dn, bytes));
                    bound = true;
                    return ResultCode.SUCCESS;
                } catch (LDAPException e) {
                    ResultCode rc = e.getResultCode();
                    if (!rc.isConnectionUsable() && attempt == 1 && rc != ResultCode.TIMEOUT) {
                        LOG.debug("LDAP back-end '{}': bind failed on a dead connection, retrying once: {}",
                                settings.name(), LdapMessages.describe(e));
                        continue;
                    }
                    if (!rc.isConnectionUsable() || rc == ResultCode.BUSY || rc == ResultCode.UNAVAILABLE) {
                        throw LdapMessages.unavailable(settings.name(), "bind", e);
                    }
                    return rc;
                } finally {
                    if (bound) {
                        bindPool.releaseConnection(conn);
                    } else {
                        bindPool.releaseDefunctConnection(conn);
                    }
                }
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
