package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;

/**
 * The text of the LDAP back-end's failures: a result code and the server's message in a few words, every filter,
 * value or server message cut to {@value #MAX_SHOWN} characters, and the exceptions a failure becomes (the back-end
 * unavailable, or a write refused). Static: it owns no connection.
 */
final class LdapMessages {
    private LdapMessages() {
    }

    /** The failure as a {@link BackendUnavailableException} of the back-end {@code backend}. */
    static BackendUnavailableException unavailable(String backend, String what, LDAPException e) {
        return new BackendUnavailableException(backend, "cannot " + shortened(what) + ": " + describe(e),
                bounded(e));
    }

    /** The longest piece of a filter, value or server message put into an exception message or a log line. */
    static final int MAX_SHOWN = 200;

    /** Text cut to {@value #MAX_SHOWN} characters (a filter or a value can be megabytes long), saying how long it was. */
    static String shortened(String text) {
        if (text == null || text.length() <= MAX_SHOWN) {
            return text;
        }
        return text.substring(0, MAX_SHOWN) + "... (" + text.length() + " characters)";
    }

    /**
     * A copy of the SDK's exception with its message shortened: the SDK's own message of a client-side timeout
     * quotes the whole request, filter included. Same result code and stack trace; the SDK's cause is not copied.
     */
    static LDAPException bounded(LDAPException e) {
        LDAPException copy = new LDAPException(e.getResultCode(), shortened(e.getMessage()),
                shortened(e.getMatchedDN()), null);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A write the directory refused for a reason other than a duplicate or a connection problem. */
    static ClienteleException refused(String backend, String what, LDAPException e) {
        if (!e.getResultCode().isConnectionUsable() || e.getResultCode() == ResultCode.BUSY
                || e.getResultCode() == ResultCode.UNAVAILABLE) {
            return unavailable(backend, what, e);
        }
        return new dev.clientele.BackendRefusedException(backend,
                "LDAP back-end '" + backend + "': the directory refused to " + shortened(what)
                + ": " + describe(e), bounded(e));
    }

    /**
     * A result code and the server's message, for people. A failure to reach the server says why in a few words
     * ({@code connect error (91): connection refused (server 127.0.0.1:1)}), not in the SDK's nested message with its
     * version and revision.
     */
    static String describe(LDAPException e) {
        String network = network(e);
        if (network != null) {
            return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + "): " + network;
        }
        String diagnostic = e.getDiagnosticMessage();
        String message = diagnostic != null && !diagnostic.isBlank() ? diagnostic : e.getMessage();
        return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + ")"
                + (message == null || message.isBlank() ? "" : ": " + shortened(message));
    }

    /** Why the server could not be reached, from the network exception under the SDK's, or null if none is. */
    private static String network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused" + address(e);
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host " + shortened(String.valueOf(t.getMessage()).replaceFirst(":.*", ""));
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "no answer in time" + address(e);
            }
            if (t instanceof java.net.NoRouteToHostException) {
                return "no route to host" + address(e);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile(
            "to (?:establish a connection to )?server /?([^\\s:]+:\\d+)");

    /** {@code " (server HOST:PORT)"}, as the SDK names the server in its message, or nothing. */
    private static String address(Throwable e) {
        java.util.regex.Matcher m = SERVER.matcher(String.valueOf(e.getMessage()));
        return m.find() ? " (server " + m.group(1) + ")" : "";
    }
}
