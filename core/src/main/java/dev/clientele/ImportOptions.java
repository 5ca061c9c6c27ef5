package dev.clientele;

/**
 * How {@link CustomerDirectory#importCustomers(Iterable, ImportOptions)} behaves.
 *
 * @param stopOnError stop at the first refused row instead of reporting it and going on (rows before it stay)
 * @param batchSize   how many customers are written to the store at once (1 to 10,000)
 * @throws ValidationException naming {@code batchSize} when it is out of range
 */
public record ImportOptions(boolean stopOnError, int batchSize) {
    public ImportOptions {
        if (batchSize < 1 || batchSize > 10_000) {
            throw ValidationException.ofArgument("batchSize", "must be between 1 and 10000, was " + batchSize);
        }
    }

    /** Go on past refused rows, 1,000 at a time. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, 1_000);
    }

    public ImportOptions withStopOnError(boolean stop) {
        return new ImportOptions(stop, batchSize);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(stopOnError, size);
    }
}
