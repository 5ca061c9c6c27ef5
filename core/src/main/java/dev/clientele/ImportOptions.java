package dev.clientele;

/**
 * How {@link CustomerDirectory#importCustomers(Iterable, ImportOptions)} behaves.
 *
 * @param stopOnError    stop at the first refused row instead of reporting it and going on (rows before it stay)
 * @param batchSize      how many customers are written to the store at once (1 to 10,000)
 * @param onExisting     what a row whose login exists already does: refused (the default), skipped, or updated
 * @param dryRun         apply every rule and report as a real import would, but write nothing
 * @param keepTimestamps keep a row's own created/changed timestamps (a migration: the original dates), where
 *                       given, instead of stamping the import's time; off by default
 * @throws ValidationException naming {@code batchSize} when it is out of range, {@code onExisting} when null
 */
public record ImportOptions(boolean stopOnError, int batchSize, OnExisting onExisting, boolean dryRun,
        boolean keepTimestamps) {

    /** What an import does with a row whose login exists already (in any source). */
    public enum OnExisting {
        /** The row is refused: "login exists already" (the default). */
        FAIL,
        /** The row is left out and counted as skipped; the stored customer stays as it is. */
        SKIP,
        /**
         * The stored customer takes every field of the row (a row is the whole record: an empty optional field
         * clears it), keeping its login, creation time and password; refused if its source is read-only.
         */
        UPDATE
    }

    public ImportOptions {
        if (batchSize < 1 || batchSize > 10_000) {
            throw ValidationException.ofArgument("batchSize", "must be between 1 and 10000, was " + batchSize);
        }
        if (onExisting == null) {
            throw ValidationException.ofArgument("onExisting", "is required");
        }
    }

    /** Options that refuse existing logins, write, and stamp every row with the import's time. */
    public ImportOptions(boolean stopOnError, int batchSize) {
        this(stopOnError, batchSize, OnExisting.FAIL, false, false);
    }

    /** Go on past refused rows, 1,000 at a time, refuse existing logins, write, rows stamped now. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, 1_000);
    }

    public ImportOptions withStopOnError(boolean stop) {
        return new ImportOptions(stop, batchSize, onExisting, dryRun, keepTimestamps);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(stopOnError, size, onExisting, dryRun, keepTimestamps);
    }

    public ImportOptions withOnExisting(OnExisting what) {
        return new ImportOptions(stopOnError, batchSize, what, dryRun, keepTimestamps);
    }

    public ImportOptions withDryRun(boolean dry) {
        return new ImportOptions(stopOnError, batchSize, onExisting, dry, keepTimestamps);
    }

    /** Keep each row's created/changed timestamps where it has them (see {@link #keepTimestamps()}). */
    public ImportOptions withKeepTimestamps(boolean keep) {
        return new ImportOptions(stopOnError, batchSize, onExisting, dryRun, keep);
    }
}
