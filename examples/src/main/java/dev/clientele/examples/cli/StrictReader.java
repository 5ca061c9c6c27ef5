package dev.clientele.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes an import file in one charset and refuses bytes that are not valid in it, naming the line and the byte
 * offset, instead of turning them into U+FFFD as {@link java.io.InputStreamReader} does (a Latin-1 {@code ü} read as
 * UTF-8 would become {@code J\uFFFDrgen} in the store). Counts the bytes it has taken, for progress.
 */
final class StrictReader extends Reader {
    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    /** Bytes consumed by the decoder before the current {@link #bytes} content. */
    private long consumedBefore;
    private long line = 1;
    private boolean eof;
    private boolean flushed;

    StrictReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    /** Bytes decoded so far. */
    long bytesRead() {
        return consumedBefore + bytes.position();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes more characters; false at the end. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (!eof && bytes.remaining() < 16) {
                    consumedBefore += bytes.position();
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
                CoderResult r = decoder.decode(bytes, chars, eof);
                if (r.isError()) {
                    countLines();
                    throw refused(r);
                }
                if (eof && !bytes.hasRemaining()) {
                    if (!flushed) {
                        decoder.flush(chars);
                        flushed = true;
                    }
                    return chars.position() > 0;
                }
            }
            countLines();
            return true;
        } finally {
            chars.flip();
        }
    }

    private void countLines() {
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    private Undecodable refused(CoderResult r) {
        return new Undecodable("line " + line + ", byte offset " + bytesRead() + ": " + r.length()
                + " byte(s) that are not valid " + charset.name());
    }

    /** Bytes that are not valid in the charset; the message names the line and the byte offset. */
    static final class Undecodable extends IOException {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message);
        }

        /** The undecodable bytes in this failure's cause chain, if any. */
        static Undecodable in(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof Undecodable) {
                    return (Undecodable) c;
                }
            }
            return null;
        }

        /** What the tool says: the place, and what to do. */
        CliException refusal() {
            return CliException.user(getMessage() + "; nothing was imported (for a file from a spreadsheet, give"
                    + " its encoding, e.g. --encoding windows-1252)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
