package dev.clientele;

import java.util.Map;

/** A customer was rejected: {@link #errors()} names every bad field of it (login, email, firstName, ...). */
public class CustomerValidationException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public CustomerValidationException(Map<String, String> errors) {
        super("customer", errors);
    }
}
