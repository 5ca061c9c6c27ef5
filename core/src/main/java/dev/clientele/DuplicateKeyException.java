package dev.clientele;

/** Something with this key exists already (a group name, a company's customer ID, a membership). */
public class DuplicateKeyException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public DuplicateKeyException(String kind, String field, String value) {
        super(kind + " with " + field + " '" + value + "' exists already");
        this.field = field;
        this.value = value;
    }

    /** The field that must be unique, e.g. {@code login} or {@code email}. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
