package dev.clientele;

/** No customer source has a customer with this login. */
public class CustomerNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public CustomerNotFoundException(String login) {
        super("customer", login);
    }
}
