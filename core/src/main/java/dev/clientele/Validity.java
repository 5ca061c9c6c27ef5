package dev.clientele;

/**
 * Whether a customer, company or group is in use. Customers are invalidated, not deleted: tickets refer to them.
 * Only {@link #VALID} grants anything.
 */
public enum Validity {
    VALID,
    INVALID,
    INVALID_TEMPORARILY;

    public boolean isValid() {
        return this == VALID;
    }
}
