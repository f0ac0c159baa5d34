package io.waybill.adapters.persistence.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import io.waybill.adapters.persistence.csv.ShipmentCsv.Column;
import io.waybill.application.port.out.ShipmentFileWriter;
import io.waybill.domain.Article;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes shipments in the track-and-trace format that {@link ShipmentCsv} reads: the header, then one row per article,
 * each with the shipment's number, carrier, addresses on one line ({@code Street 10, 75001 Paris, France}) and the
 * carrier's wording of its latest status. Safe to open in a spreadsheet (OWASP's advice on CSV injection): every cell
 * of a row is quoted, so that a spreadsheet that splits on another separator ({@code ;}) cannot start a cell inside
 * one, and a cell that would start a formula gets a {@code '} in front ({@link FormulaGuard}), which the reader takes
 * away again. Not thread-safe.
 */
final class ShipmentCsvWriter implements ShipmentFileWriter.File {

    private final CsvWriter csv;

    private ShipmentCsvWriter(CsvWriter csv) {
        this.csv = csv;
    }

    /** Writes the header at once; {@code out} is closed with this. */
    static ShipmentCsvWriter open(Writer out) {
        ShipmentCsvWriter writer = new ShipmentCsvWriter(CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .quoteStrategy(new QuoteRows()).build(out));
        writer.csv.writeRecord(Arrays.stream(Column.values()).map(Column::header).toList());
        return writer;
    }

    @Override
    public int write(Shipment shipment) {
        String status = shipment.latest().map(TrackingEvent::carrierStatus).orElse(shipment.status().code());
        String sender = address(shipment.details().sender());
        String receiver = address(shipment.details().receiver());
        for (Article article : shipment.details().articles()) {
            csv.writeRecord(Stream.of(shipment.key().number().value(), shipment.key().carrier().code(), sender,
                    receiver, article.name(), Integer.toString(article.quantity()),
                    article.price().map(BigDecimal::toPlainString).orElse(""), article.sku().orElse(""), status)
                    .map(FormulaGuard::neutralised).toList());
        }
        return shipment.details().articles().size();
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every cell quoted but the header's, which stays as the sample files write it. */
    private static final class QuoteRows implements QuoteStrategy {

        @Override
        public boolean quoteEmpty(int line, int field) {
            return line > 1;
        }

        @Override
        public boolean quoteValue(int line, int field, String value) {
            return line > 1;
        }
    }

    private static String address(Optional<Party> party) {
        return party.map(Party::address).map(address -> address.oneLine(ShipmentCsvWriter::countryName)).orElse("");
    }

    // By its English name, which the import turns back into its code.
    private static String countryName(CountryCode country) {
        return new Locale("", country.value()).getDisplayCountry(Locale.ENGLISH);
    }
}
