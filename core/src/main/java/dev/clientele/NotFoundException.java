package dev.clientele;

/** No customer, company, group or token with the given key. */
public class NotFoundException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String key;

    public NotFoundException(String kind, String key) {
        super("no " + kind + " '" + key + "'");
        this.kind = kind;
        this.key = key;
    }

    /** {@code customer}, {@code company}, {@code group}, ... */
    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }
}
