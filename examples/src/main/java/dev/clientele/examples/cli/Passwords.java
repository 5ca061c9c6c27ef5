package dev.clientele.examples.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads passwords: from the terminal without echo, or the first line of standard input with
 * {@code --password-stdin}. Never from the command line, where other users see it in the process list and the shell
 * keeps it in its history.
 */
final class Passwords {
    private Passwords() {
    }

    /** A password from standard input (the first line, without its line end) or asked on the terminal. */
    static char[] read(ClienteleCli cli, boolean fromStdin, boolean confirm, String prompt) {
        char[] p;
        if (fromStdin) {
            p = firstLine(cli.in);
        } else {
            Console console = cli.console();
            if (console == null) {
                throw CliException.user("no terminal to ask the password on: pipe it in with --password-stdin");
            }
            p = console.readPassword("%s", prompt);
            if (p == null) {
                throw CliException.user("no password given");
            }
            if (confirm) {
                char[] again = console.readPassword("%s", "Again: ");
                boolean same = again != null && Arrays.equals(p, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    Arrays.fill(p, '\0');
                    throw CliException.user("the two passwords differ; nothing was changed");
                }
            }
        }
        return p;
    }

    /** Reads up to the first line end, char by char, so the password never sits in a String. */
    static char[] firstLine(InputStream in) {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buf = new char[64];
        int n = 0;
        try {
            for (int c = r.read(); c != -1 && c != '\n'; c = r.read()) {
                if (n == buf.length) {
                    char[] bigger = Arrays.copyOf(buf, n * 2);
                    Arrays.fill(buf, '\0');
                    buf = bigger;
                }
                buf[n++] = (char) c;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        char[] p = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return p;
    }
}
