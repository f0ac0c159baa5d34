package io.waybill.adapters.persistence.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text that fails exactly where the bytes stop being UTF-8: every character before the bad bytes is delivered
 * first, then reading fails with a {@link NotUtf8Exception} that names their line. An {@code InputStreamReader} fails
 * as soon as it decodes them, dropping what it had decoded of the same chunk, so the rows just before them were lost
 * and the failure seemed to come some lines earlier. Lines are counted as CSV counts them: LF, CR or CRLF ends one.
 * Not thread-safe.
 */
final class Utf8Reader extends Reader {

    /** Bytes that are not UTF-8, at {@link #line}. */
    static final class NotUtf8Exception extends CharacterCodingException {

        private final long line;

        NotUtf8Exception(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return "bytes at line " + line + " are not valid UTF-8";
        }
    }

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private boolean ended;
    private boolean flushed;
    private boolean malformed;
    private long line = 1;
    private boolean afterCarriageReturn;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(buffer, offset, count);
        countLines(buffer, offset, count);
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // Decodes the next characters; false at the end. Throws only once every character before bad bytes is read.
    private boolean decodeMore() throws IOException {
        if (malformed) {
            throw new NotUtf8Exception(line);
        }
        chars.clear();
        try {
            while (!flushed) {
                CoderResult result = decoder.decode(bytes, chars, ended);
                if (result.isError()) {
                    malformed = true;
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (ended) {
                    decoder.flush(chars); // UTF-8 keeps no state to flush: this cannot overflow
                    flushed = true;
                } else if (chars.position() > 0) {
                    break; // what is decoded goes now, rather than wait for more bytes
                } else {
                    fill();
                }
            }
        } finally {
            chars.flip();
        }
        if (chars.hasRemaining()) {
            return true;
        }
        if (malformed) {
            throw new NotUtf8Exception(line);
        }
        return false;
    }

    private void fill() throws IOException {
        bytes.compact();
        try {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                ended = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        } finally {
            bytes.flip();
        }
    }

    private void countLines(char[] buffer, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = buffer[i];
            if (c == '\n' && !afterCarriageReturn || c == '\r') {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
    }
}
