package dev.clientele.memory.internal;

import dev.clientele.ReadOnlyBackendException;

/**
 * The read-only switch shared by the stores of one memory back-end. A back-end can be made read-only after it
 * was seeded (a fixture), never back.
 */
public final class WriteGuard {
    private final String backendName;
    private volatile boolean readOnly;

    public WriteGuard(String backendName, boolean readOnly) {
        this.backendName = backendName;
        this.readOnly = readOnly;
    }

    public String backendName() {
        return backendName;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Turns writes off for good. */
    public void makeReadOnly() {
        readOnly = true;
    }

    /** Throws {@link ReadOnlyBackendException} naming the operation if writes are off. */
    public void checkWritable(String operation) {
        if (readOnly) {
            throw new ReadOnlyBackendException(backendName, operation);
        }
    }
}
