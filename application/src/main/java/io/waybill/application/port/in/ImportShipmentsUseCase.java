package io.waybill.application.port.in;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Imports shipments from the track-and-trace format, one row per article: the rows with the same tracking number and
 * carrier are one shipment, with its sender and receiver addresses and its carrier status, which the status mapping
 * turns into a canonical status. Whole shipments only: a shipment is stored with all its rows or not at all.
 *
 * <p>Importing again is safe. A stored shipment with the same details and carrier status is unchanged; one whose
 * carrier status differs gets an event of the new status (if the transition table allows it), and counts as
 * updated; one stored with other articles or addresses is refused, since an import never changes details.
 */
public interface ImportShipmentsUseCase {

    /** How many rejected lines a report lists; it counts them all. */
    int MAX_LISTED = 100;

    /**
     * Reads the lines and imports the shipments they hold, as the mode says. Bad lines never throw: each is in the
     * report with its reason, and every row of its shipment is refused with it.
     *
     * @throws MalformedFileException when the bytes are not the format at all (empty, not UTF-8, a header that does
     *     not name every column), before anything is imported
     * @throws IncompleteImportException when the lines could not be read to their end; its report says exactly what
     *     was done with those read before
     * @throws io.waybill.application.port.out.StorageUnavailableException when the database fails; the shipments
     *     written before stay, each whole
     */
    Report importShipments(Command command);

    /**
     * Reading the lines failed part way, for the reason its cause gives (bytes that are not UTF-8, a request that broke
     * off). Unless the mode writes nothing, every shipment read before the break was handled as in a whole file, and is
     * counted in the {@link #report}, but for the last one read, whose rows may go on past the break: it is refused
     * with that reason and left as it was. Nothing after the break was read.
     */
    final class IncompleteImportException extends RuntimeException {

        private final transient Report report;

        public IncompleteImportException(Report report, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.report = report;
        }

        public Report report() {
            return report;
        }
    }

    /**
     * The bytes are not the track-and-trace format; the message says why and where. Thrown by the reader of the format
     * ({@link io.waybill.application.port.out.ShipmentFileReader}), at once or where the file stops being readable.
     */
    final class MalformedFileException extends RuntimeException {

        public MalformedFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    enum Mode {
        /** Valid shipments are imported, invalid ones skipped whole. */
        IMPORT,
        /**
         * Nothing is imported when any line is bad: the lines are read once and written in one transaction, which is
         * rolled back when one of them is bad.
         */
        STRICT,
        /** The lines are checked, and the database read to tell what would be created, updated or unchanged. */
        DRY_RUN
    }

    /**
     * @param bytes the file, read once, as it arrives, and closed when read; a failure to read it (an
     *     {@link java.io.UncheckedIOException} whose cause the caller may recognise) ends the import as a break does
     * @param name what the file is called (its path, "the request body"), which the reader of the format is given
     * @param progress told how many lines were read so far, every {@link #PROGRESS_EVERY} lines and at the end
     */
    record Command(InputStream bytes, String name, Mode mode, LongConsumer progress) {

        public static final int PROGRESS_EVERY = 10_000;

        public Command {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /** A line of the file: a row, or a line that could not be read as one. */
    sealed interface Line permits Row, Unreadable {

        /** Where it starts in the file, from 1 for the header. */
        long number();
    }

    /** A row's fields as written; they are checked by the import. */
    record Row(long number, String trackingNumber, String carrier, String senderAddress, String receiverAddress,
            String articleName, String articleQuantity, String articlePrice, String sku, String status)
            implements Line {}

    record Unreadable(long number, String reason) implements Line {}

    record Rejection(long line, String reason) {}

    /**
     * @param lines how many lines were read, the header aside
     * @param rejectedLines every line refused, alone or with its shipment
     * @param rejections the first {@link #MAX_LISTED} of them, in the order they were found
     * @param written false for a dry run, and for a strict import that found bad lines
     */
    record Report(long lines, long created, long updated, long unchanged, long rejectedShipments, long rejectedLines,
            List<Rejection> rejections, boolean written) {

        public Report {
            rejections = List.copyOf(rejections);
        }
    }
}
