package dev.clientele.benchmarks.store;

import com.unboundid.util.Debug;
import com.unboundid.util.DebugType;
import java.util.EnumSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Counts the LDAP requests every connection of the JVM sends, through the UnboundID SDK's debug log (on only while
 * counting: it costs time), into a {@link Counting}'s statements.
 */
final class LdapRequests extends Handler {
    private final Counting counting;

    private LdapRequests(Counting counting) {
        this.counting = counting;
    }

    /** Starts counting into {@code counting}; close the returned handle to stop. */
    static AutoCloseable countInto(Counting counting) {
        LdapRequests handler = new LdapRequests(counting);
        Debug.getLogger().setUseParentHandlers(false);
        Debug.getLogger().addHandler(handler);
        Debug.setEnabled(true, EnumSet.of(DebugType.LDAP));
        return () -> {
            Debug.setEnabled(false);
            Debug.getLogger().removeHandler(handler);
        };
    }

    @Override
    public void publish(LogRecord record) {
        String m = record.getMessage();
        if (m != null && m.contains("sending-ldap-request")) {
            counting.statements.incrementAndGet();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
