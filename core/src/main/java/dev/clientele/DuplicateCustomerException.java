package dev.clientele;

/** A customer with this login or email exists already, in this or another customer source. */
public class DuplicateCustomerException extends DuplicateKeyException {
    private static final long serialVersionUID = 1L;

    public DuplicateCustomerException(String field, String value) {
        super("customer", field, value);
    }
}
