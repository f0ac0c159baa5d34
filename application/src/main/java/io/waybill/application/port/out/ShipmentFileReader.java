package io.waybill.application.port.out;

import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import java.io.InputStream;
import java.util.stream.Stream;

/** Reads the track-and-trace file format, in which shipments are imported, as the lines an import takes in. */
@FunctionalInterface
public interface ShipmentFileReader {

    /**
     * The lines of the file, its header read and checked at once, the others one at a time as the stream is consumed,
     * never all in memory; closing the stream closes {@code bytes}. A line that cannot be read as a row (another number
     * of fields than the header) is an {@link io.waybill.application.port.in.ImportShipmentsUseCase.Unreadable}, and
     * reading goes on.
     *
     * @param name what the file is called, for the reader's messages
     * @throws MalformedFileException at once when the file is not the format at all (empty, not UTF-8, a header that
     *     does not name every column); the stream throws it where the file stops being readable, and an
     *     {@link java.io.UncheckedIOException} where {@code bytes} fails
     */
    Stream<Line> lines(InputStream bytes, String name);
}
