package dev.clientele.examples.cli;

import dev.clientele.Customer;
import dev.clientele.Permission;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Rows of an import file, read one at a time and handed to {@code CustomerDirectory.importCustomers} as an
 * {@link Iterable} — never loaded into a list first. Rows that cannot be read are left out and remembered as
 * failed (with where they are and why); group links of the rows are kept for after the import. Single use.
 */
abstract class ImportSource implements Iterable<Customer>, Closeable {
    /** A row that could not be read, or a link that could not be stored. */
    record Problem(String where, String login, String message) {
        @Override
        public String toString() {
            return where + (login == null ? "" : " (login " + login + ")") + ": " + message;
        }
    }

    /** The group links given on a row, to store once the row's customer exists. */
    record Links(int row, String login, Map<String, Permission> groups) {
    }

    final List<Problem> failed = new ArrayList<>();
    final List<Links> links = new ArrayList<>();
    /** Why reading stopped before the end of the input, or null. */
    String stoppedBecause;
    private int[] rowWhere = new int[1024];
    private int rows;
    private long read;
    private Progress progress;
    private boolean used;

    /** Reads the next customer; null at the end. Records unreadable rows in {@link #failed} and goes on. */
    protected abstract Customer readNext();

    /** Where a row is for people ({@code line 12}), from the position given to {@link #yielded(int)}. */
    protected abstract String where(int position);

    /** Bytes read so far, for progress (-1 if unknown). */
    protected abstract long bytesRead();

    void progress(Progress p) {
        this.progress = p;
    }

    /** Records (for {@link #whereOfRow(int)}) where the row about to be handed out is. */
    protected final void yielded(int position) {
        if (rows == rowWhere.length) {
            rowWhere = Arrays.copyOf(rowWhere, rows * 2);
        }
        rowWhere[rows++] = position;
    }

    /** Where the row with this index (as counted by the import, from 0) is. */
    String whereOfRow(int row) {
        return row >= 0 && row < rows ? where(rowWhere[row]) : "row " + (row + 1);
    }

    /** Rows handed to the import. */
    int rowsYielded() {
        return rows;
    }

    /** Records read, readable or not. */
    long recordsRead() {
        return read;
    }

    protected final void counted() {
        read++;
        if (progress != null) {
            progress.update(read, bytesRead());
        }
    }

    @Override
    public Iterator<Customer> iterator() {
        if (used) {
            throw new IllegalStateException("an import source can be read once");
        }
        used = true;
        return new Iterator<>() {
            private Customer next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = readNext();
                }
                return next != null;
            }

            @Override
            public Customer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Customer c = next;
                next = null;
                return c;
            }
        };
    }
}
