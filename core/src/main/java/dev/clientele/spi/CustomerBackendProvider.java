package dev.clientele.spi;

/**
 * Entry point of a back-end module, listed in {@code META-INF/services/dev.clientele.spi.CustomerBackendProvider}
 * and found with {@link java.util.ServiceLoader}; can also be registered explicitly with
 * {@code CustomerDirectory.builder().provider(...)}.
 */
public interface CustomerBackendProvider {

    /** The type named in configuration ({@code clientele.backend.NAME.type}), e.g. {@code memory}, {@code jdbc}. */
    String type();

    /**
     * Creates a back-end instance from its settings. Problems with the settings are reported all at once with
     * {@link dev.clientele.ConfigurationException}, naming the full keys; secrets never appear in messages.
     * A back-end that cannot reach its store at start throws {@link dev.clientele.BackendUnavailableException}.
     */
    CustomerBackend create(BackendSettings settings);
}
