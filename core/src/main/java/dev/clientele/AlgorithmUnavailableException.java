package dev.clientele;

/**
 * The Java runtime lacks a cryptographic algorithm Clientele needs ({@code PBKDF2WithHmacSHA256}, {@code SHA-256},
 * {@code MD5}, ...), or its provider failed to compute with it. Every Java 17 runtime ships these algorithms, so
 * this means a stripped-down or misconfigured runtime (a custom security provider list, a FIPS mode that forbids
 * the algorithm), never bad input: no caller can fix it by passing something else. The provider's exception is
 * the cause.
 */
public class AlgorithmUnavailableException extends ClienteleException {
    private static final long serialVersionUID = 1L;

    private final String algorithm;

    /** The runtime has no provider of {@code algorithm}. */
    public AlgorithmUnavailableException(String algorithm, Throwable cause) {
        this(algorithm, algorithm + " is not available in this JDK", cause);
    }

    /** {@code algorithm} is there but failed as {@code message} says. */
    public AlgorithmUnavailableException(String algorithm, String message, Throwable cause) {
        super(message, cause);
        this.algorithm = algorithm;
    }

    /** The JCA name of the algorithm, such as {@code PBKDF2WithHmacSHA256}. */
    public String algorithm() {
        return algorithm;
    }
}
