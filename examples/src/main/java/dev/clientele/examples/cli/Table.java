package dev.clientele.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a terminal: columns as wide as their content, the widest shrunk first until the
 * table fits the width ({@code COLUMNS} or 80); a cut cell ends with {@code ~}.
 */
final class Table {
    private static final int MIN_COLUMN = 4;
    private static final String GAP = "  ";

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers.clone();
    }

    Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "" : oneLine(cells[i].toString());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out, int width) {
        int n = headers.length;
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = headers[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        int total = GAP.length() * (n - 1);
        for (int x : w) {
            total += x;
        }
        while (total > width) {
            int widest = 0;
            for (int i = 1; i < n; i++) {
                if (w[i] > w[widest]) {
                    widest = i;
                }
            }
            if (w[widest] <= MIN_COLUMN) {
                break;
            }
            w[widest]--;
            total--;
        }
        line(out, headers, w);
        String[] rule = new String[n];
        for (int i = 0; i < n; i++) {
            rule[i] = "-".repeat(w[i]);
        }
        line(out, rule, w);
        for (String[] r : rows) {
            line(out, r, w);
        }
    }

    private static void line(PrintStream out, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (c.length() > w[i]) {
                c = c.substring(0, Math.max(0, w[i] - 1)) + "~";
            }
            sb.append(c);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(w[i] - c.length())).append(GAP);
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
