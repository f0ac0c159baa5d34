package io.waybill.adapters.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as an import reads it: straight from the request, as it arrives, never whole in memory. Failures to
 * read it say whose they are: {@link BrokenOffException} when the request ended too soon or broke off,
 * {@link TooLargeException} when a bounded body outgrew its bound. The server closes the request, not the import.
 * Not thread-safe.
 */
final class ImportBody extends FilterInputStream {

    /** The request's body could not be read to its end. */
    static final class BrokenOffException extends IOException {

        BrokenOffException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A bounded body was larger than allowed. */
    static final class TooLargeException extends IOException {

        TooLargeException(long maxBytes) {
            super("the body is larger than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private long size;

    private ImportBody(InputStream request, long maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    /** A body of any size. */
    static ImportBody streamed(InputStream request) {
        return new ImportBody(request, Long.MAX_VALUE);
    }

    /** A body of at most {@code maxBytes}, such as a strict import's, whose transaction grows with it. */
    static ImportBody bounded(InputStream request, long maxBytes) {
        return new ImportBody(request, maxBytes);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read;
        try {
            read = in.read(bytes, offset, length);
        } catch (IOException | RuntimeException e) {
            throw new BrokenOffException(e); // Jetty reports a malformed chunk as a RuntimeException
        }
        if (read > 0) {
            size += read;
            if (size > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
        }
        return read;
    }

    @Override
    public void close() {
        // the server's to close
    }
}
