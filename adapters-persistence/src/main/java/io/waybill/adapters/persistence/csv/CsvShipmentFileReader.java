package io.waybill.adapters.persistence.csv;

import io.waybill.adapters.persistence.csv.ShipmentCsv.Column;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.out.ShipmentFileReader;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The {@link ShipmentFileReader} of the track-and-trace CSV format ({@link ShipmentCsv}). Thread-safe. */
final class CsvShipmentFileReader implements ShipmentFileReader {

    @Override
    public Stream<ImportShipmentsUseCase.Line> lines(InputStream bytes, String name) {
        return importLines(bytes);
    }

    /**
     * The lines of {@code in} as the import reads them, the header read at once; closing the stream closes
     * {@code in}. The stream throws {@link ImportShipmentsUseCase.MalformedFileException} where the file stops being
     * readable.
     */
    static Stream<ImportShipmentsUseCase.Line> importLines(InputStream in) {
        ShipmentCsv csv = ShipmentCsv.open(in);
        Iterator<ImportShipmentsUseCase.Line> lines = new Iterator<>() {
            // Read when asked for, not ahead: a line read ahead would be lost when the one after it fails to read.
            private Optional<ShipmentCsv.Line> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = csv.next();
                }
                return next.isPresent();
            }

            @Override
            public ImportShipmentsUseCase.Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ShipmentCsv.Line line = next.get();
                next = null;
                return line(line);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false)
                .onClose(csv::close);
    }

    private static ImportShipmentsUseCase.Line line(ShipmentCsv.Line line) {
        if (line instanceof ShipmentCsv.Row row) {
            return new ImportShipmentsUseCase.Row(row.number(), row.value(Column.TRACKING_NUMBER),
                    row.value(Column.CARRIER), row.value(Column.SENDER_ADDRESS), row.value(Column.RECEIVER_ADDRESS),
                    row.value(Column.ARTICLE_NAME), row.value(Column.ARTICLE_QUANTITY),
                    row.value(Column.ARTICLE_PRICE), row.value(Column.SKU), row.value(Column.STATUS));
        }
        ShipmentCsv.Malformed malformed = (ShipmentCsv.Malformed) line;
        return new ImportShipmentsUseCase.Unreadable(malformed.number(), malformed.reason());
    }
}
