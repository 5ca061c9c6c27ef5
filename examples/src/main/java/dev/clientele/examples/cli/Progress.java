package dev.clientele.examples.cli;

import java.io.PrintStream;

/**
 * Progress of a long import on stderr: a bar redrawn in place on a terminal, plain lines (every 10,000 records or
 * 5 seconds) otherwise, or nothing.
 */
final class Progress {
    /** How to show progress. */
    enum Mode {
        AUTO, BAR, LINES, NONE
    }

    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final Mode mode;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private final boolean json;
    /** From the start, so that the first line comes after the first interval, not at the first record. */
    private long lastShown = start;
    private long lastRecords;
    private boolean drawn;

    /**
     * @param json lines as JSON objects ({@code {"progress": {"records": ..., "percent": ..., "perSecond": ...}}}),
     *             for a caller that reads stderr with {@code --json}; a bar is then a line too
     */
    Progress(PrintStream err, Mode mode, long totalBytes, boolean json) {
        this.err = err;
        this.mode = json && mode == Mode.BAR ? Mode.LINES : mode;
        this.totalBytes = totalBytes;
        this.json = json;
    }

    void update(long records, long bytes) {
        long now = System.nanoTime();
        if (mode == Mode.BAR) {
            if (now - lastShown >= 200_000_000L) {
                lastShown = now;
                bar(records, bytes, now);
            }
        } else if (mode == Mode.LINES) {
            if (records - lastRecords >= 10_000 || now - lastShown >= 5_000_000_000L) {
                lastShown = now;
                lastRecords = records;
                if (json) {
                    err.println("{\"progress\": {\"records\": " + records + (totalBytes > 0 ? ", \"percent\": "
                            + Math.min(100, 100 * bytes / totalBytes) : "") + ", \"perSecond\": " + rate(records, now)
                            + "}}");
                } else {
                    err.println("import: " + records + " records read" + percent(bytes) + ", "
                            + rate(records, now) + " records/s");
                }
            }
        }
    }

    /** Ends the bar's line. */
    void done(long records, long bytes) {
        if (mode == Mode.BAR && drawn) {
            bar(records, totalBytes > 0 ? totalBytes : bytes, System.nanoTime());
            err.println();
        }
    }

    private void bar(long records, long bytes, long now) {
        drawn = true;
        StringBuilder sb = new StringBuilder("\r[");
        if (totalBytes > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * bytes / totalBytes);
            sb.append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
            sb.append(Math.min(100, 100 * bytes / totalBytes)).append("% ");
        } else {
            int pos = (int) (records / 1000 % BAR_WIDTH);
            sb.append(" ".repeat(pos)).append('#').append(" ".repeat(BAR_WIDTH - pos - 1)).append("] ");
        }
        sb.append(records).append(" records, ").append(rate(records, now)).append("/s");
        err.print(sb);
        err.flush();
    }

    private String percent(long bytes) {
        return totalBytes > 0 ? " (" + Math.min(100, 100 * bytes / totalBytes) + "%)" : "";
    }

    private long rate(long records, long now) {
        double secs = Math.max(0.001, (now - start) / 1e9);
        return Math.round(records / secs);
    }
}
