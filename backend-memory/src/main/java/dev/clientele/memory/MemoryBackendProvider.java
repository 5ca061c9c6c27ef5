package dev.clientele.memory;

import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerBackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The provider of type {@code memory}, found with {@link java.util.ServiceLoader}. Settings, under
 * {@code clientele.backend.NAME.}:
 * <ul>
 *   <li>{@code read-only} — {@code true} or {@code false} (default): a read-only instance refuses every write with
 *       {@link dev.clientele.ReadOnlyBackendException}, except to customer state;</li>
 *   <li>{@code fixture} — optional: a fixture file to seed the instance with at start (format: {@link Fixtures}; a
 *       relative path is resolved against the configuration file's folder),
 *       a file path or {@code classpath:name/of/resource}. It is loaded through a directory of its own over this
 *       back-end alone, with core's default validation, password policy and password hasher (so each password in
 *       it costs a full-strength hash at start), before the back-end is handed out and before a
 *       {@code read-only} instance turns read-only. For tests, prefer {@link ClienteleExtension} or
 *       {@link Fixtures} on the directory under test: they use the test directory's own settings.</li>
 * </ul>
 * Any other key is reported as a problem, all problems at once, in a {@link ConfigurationException}; so is a
 * fixture that cannot be found or loaded (the message names the fixture's file and line).
 *
 * <pre>
 * clientele.backend.local.type = memory
 * clientele.backend.local.fixture = classpath:demo-customers.fixture
 * </pre>
 */
public final class MemoryBackendProvider implements CustomerBackendProvider {
    /** Setting: read-only instance. */
    public static final String READ_ONLY = "read-only";
    /** Setting: fixture to seed at start. */
    public static final String FIXTURE = "fixture";

    private static final String CLASSPATH = "classpath:";

    /** For {@link java.util.ServiceLoader}. */
    public MemoryBackendProvider() {
    }

    @Override
    public String type() {
        return MemoryBackend.TYPE;
    }

    @Override
    public CustomerBackend create(BackendSettings settings) {
        BackendSettings.Reader reader = settings.reader();
        boolean readOnly = reader.bool(READ_ONLY, false);
        String fixture = reader.optional(FIXTURE)
                .map(f -> f.startsWith(CLASSPATH) ? f : settings.resolve(f)).orElse(null); // a file, or the class path
        if (fixture != null) {
            if (fixture.startsWith(CLASSPATH)) {
                if (fixture.substring(CLASSPATH.length()).isBlank()) {
                    reader.problem(FIXTURE, "names no class-path resource");
                }
            } else if (!Files.isReadable(Paths.get(fixture))) {
                reader.problem(FIXTURE, "file '" + fixture + "' does not exist or cannot be read");
            }
        }
        reader.rejectUnknownKeys().done();

        MemoryBackend backend = MemoryBackend.create(settings.name());
        if (fixture != null) {
            seed(backend, fixture, settings);
        }
        if (readOnly) {
            backend.makeReadOnly();
        }
        return backend;
    }

    private static void seed(MemoryBackend backend, String fixture, BackendSettings settings) {
        try (CustomerDirectory seeding = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO)
                .build()) {
            if (fixture.startsWith(CLASSPATH)) {
                Fixtures.loadResource(seeding, fixture.substring(CLASSPATH.length()).strip());
            } else {
                Fixtures.load(seeding, Path.of(fixture));
            }
        } catch (FixtureException e) {
            throw new ConfigurationException(settings.fullKey(FIXTURE), e.getMessage(), e);
        }
    }
}
