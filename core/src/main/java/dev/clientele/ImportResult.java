package dev.clientele;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param added    customers stored (in a {@link ImportOptions#dryRun() dry run}: that would be stored)
 * @param updated  existing customers updated from their row ({@link ImportOptions.OnExisting#UPDATE})
 * @param skipped  rows left out because their login exists ({@link ImportOptions.OnExisting#SKIP}): their
 *                 indexes, from 0, in order
 * @param refused  rows not stored, each with why, in row order
 * @param stopped  true if the import stopped early ({@link ImportOptions#stopOnError()})
 * @param dryRun   true if nothing was written ({@link ImportOptions#dryRun()})
 */
public record ImportResult(int added, int updated, List<Integer> skipped, List<Refused> refused, boolean stopped,
        boolean dryRun) {

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
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    /** The result of an import that neither updated nor skipped rows, and wrote. */
    public ImportResult(int added, List<Refused> refused, boolean stopped) {
        this(added, 0, List.of(), refused, stopped, false);
    }
}
