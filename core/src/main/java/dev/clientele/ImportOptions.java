package dev.clientele;

/**
 * How {@link CustomerDirectory#importCustomers(Iterable, ImportOptions)} behaves.
 *
 * @param stopOnError stop at the first refused row instead of reporting it and going on (rows before it stay)
 * @param batchSize   how many customers are written to the store at once (1 to 10,000)
 * @param keepTimestamps keep a row's own created/changed timestamps (a migration: the original dates), where
 *                    given, instead of stamping the import's time; off by default
 * @throws ValidationException naming {@code batchSize} when it is out of range
 */
public record ImportOptions(boolean stopOnError, int batchSize, boolean keepTimestamps) {
    public ImportOptions {
        if (batchSize < 1 || batchSize > 10_000) {
            throw ValidationException.ofArgument("batchSize", "must be between 1 and 10000, was " + batchSize);
        }
    }

    /** Options that stamp every row with the import's time. */
    public ImportOptions(boolean stopOnError, int batchSize) {
        this(stopOnError, batchSize, false);
    }

    /** Go on past refused rows, 1,000 at a time, rows stamped now. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, 1_000, false);
    }

    public ImportOptions withStopOnError(boolean stop) {
        return new ImportOptions(stop, batchSize, keepTimestamps);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(stopOnError, size, keepTimestamps);
    }

    /** Keep each row's created/changed timestamps where it has them (see {@link #keepTimestamps()}). */
    public ImportOptions withKeepTimestamps(boolean keep) {
        return new ImportOptions(stopOnError, batchSize, keep);
    }
}
