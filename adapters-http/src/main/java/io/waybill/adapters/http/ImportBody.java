package io.waybill.adapters.http;

import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSV request body as an import reads it, never whole in memory: {@link #streamed} lines straight from the request,
 * once; or {@link #spooled} lines read from the request the first time and copied, as they are read, to a temporary
 * file that later readings come from. So a strict import checks the lines while they arrive, finds a bad header at
 * once, and reads the network once. {@link #close} deletes the file, whatever happened. Not thread-safe.
 *
 * <p>Failures to read carry an {@link IOException} that says whose they are: {@link BrokenOffException} when the
 * request ended too soon or broke off, {@link TooLargeException} when a spooled body outgrew its bound. Any other is
 * the server's (the temporary file's).
 */
final class ImportBody implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportBody.class);

    /** The request's body could not be read to its end. */
    static final class BrokenOffException extends IOException {

        BrokenOffException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A body to spool was larger than allowed; nothing of it is kept. */
    static final class TooLargeException extends IOException {

        TooLargeException(long maxBytes) {
            super("the body is larger than " + maxBytes + " bytes");
        }
    }

    private final InputStream request;
    private final Path directory;
    private final long maxSpoolBytes;
    private Spool spool;
    private int readings;

    private ImportBody(InputStream request, Path directory, long maxSpoolBytes) {
        this.request = new Request(request);
        this.directory = directory;
        this.maxSpoolBytes = maxSpoolBytes;
    }

    /** A body that can be read once. */
    static ImportBody streamed(InputStream request) {
        return new ImportBody(request, null, 0);
    }

    /** A body that can be read any number of times, at most {@code maxBytes} long, kept in {@code directory}. */
    static ImportBody spooled(InputStream request, long maxBytes, Path directory) {
        return new ImportBody(request, directory, maxBytes);
    }

    /**
     * The lines, from the start; see {@link ShipmentCsv#importLines}. A spooled body's later readings first copy
     * what the earlier left unread.
     *
     * @throws IllegalStateException when a streamed body is read again
     * @throws UncheckedIOException with one of the causes above
     */
    Stream<Line> lines() {
        readings++;
        Stream<Line> lines;
        if (readings == 1) {
            lines = ShipmentCsv.importLines(directory == null ? request : spool());
        } else if (directory == null) {
            throw new IllegalStateException("a streamed body can be read only once");
        } else {
            lines = ShipmentCsv.importLines(spool.copied());
        }
        return lines;
    }

    @Override
    public void close() {
        if (spool != null) {
            spool.delete();
        }
    }

    private Spool spool() {
        try {
            spool = new Spool(Files.createTempFile(directory, "waybill-import-", ".csv"));
            return spool;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a file to keep the import's body in " + directory, e);
        }
    }

    /** The request's body, whose failures are {@link BrokenOffException}s, and which only the server closes. */
    private static final class Request extends FilterInputStream {

        Request(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return in.read(bytes, offset, length);
            } catch (IOException | RuntimeException e) {
                throw new BrokenOffException(e); // Jetty reports a malformed chunk as a RuntimeException
            }
        }

        @Override
        public void close() {
            // the server's to close
        }
    }

    /** The request, copied to {@code file} as it is read. */
    private final class Spool extends InputStream {

        private final Path file;
        private final OutputStream out;
        private long size;
        private boolean ended;

        Spool(Path file) throws IOException {
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = request.read(bytes, offset, length);
            if (read < 0) {
                ended = true;
            } else if (read > 0) {
                size += read;
                if (size > maxSpoolBytes) {
                    throw new TooLargeException(maxSpoolBytes);
                }
                out.write(bytes, offset, read);
            }
            return read;
        }

        @Override
        public void close() {
            // read to its end and closed by copied(), or deleted by delete()
        }

        /** The whole body, once copied. */
        InputStream copied() {
            try {
                if (!ended) {
                    transferTo(OutputStream.nullOutputStream());
                }
                out.close();
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void delete() {
            try {
                out.close();
            } catch (IOException e) {
                // deleted anyway
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The import is done either way; its answer should not be lost for a file left behind.
                LOG.warn("Cannot delete the import's temporary file {}", file, e);
            }
        }
    }
}
