package io.waybill.application.port.out;

import io.waybill.domain.Shipment;
import java.io.OutputStream;

/** Writes shipments in the track-and-trace file format, which an import reads back ({@link ShipmentFileReader}). */
@FunctionalInterface
public interface ShipmentFileWriter {

    /**
     * Writes the header at once; {@code bytes} is closed with the file.
     *
     * @throws java.io.UncheckedIOException when writing fails, here or later
     */
    File open(OutputStream bytes);

    /** A file being written. Not thread-safe. */
    interface File extends AutoCloseable {

        /**
         * Writes the shipment, a row for each article; a shipment without articles is left out, since a row is an
         * article.
         *
         * @return how many rows
         */
        int write(Shipment shipment);

        /** Flushes and closes the file and its bytes. */
        @Override
        void close();
    }
}
