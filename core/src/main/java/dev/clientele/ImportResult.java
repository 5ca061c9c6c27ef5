package dev.clientele;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param added    customers stored
 * @param refused  rows not stored, each with why, in row order
 * @param stopped  true if the import stopped early ({@link ImportOptions#stopOnError()})
 */
public record ImportResult(int added, List<Refused> refused, boolean stopped) {

    /**
     * A row that was not stored.
     *
     * @param row    index of the row in the input, from 0
     * @param login  its login (may be {@code null} if it had none)
     * @param errors field to message, as in {@link ValidationException#errors()}
     */
    public record Refused(int row, @Nullable String login, java.util.Map<String, String> errors) {
        public Refused {
            errors = java.util.Map.copyOf(errors);
        }
    }

    public ImportResult {
        refused = List.copyOf(refused);
    }
}
