package io.waybill.adapters.http;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.waybill.adapters.http.ShipmentCsv.Column;
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

/**
 * Writes shipments in the track-and-trace format that {@link ShipmentCsv} reads: the header, then one row per article,
 * each with the shipment's number, carrier, addresses on one line ({@code Street 10, 75001 Paris, France}) and the
 * carrier's wording of its latest status. Not thread-safe.
 */
public final class ShipmentCsvWriter implements AutoCloseable {

    private final CsvWriter csv;

    private ShipmentCsvWriter(CsvWriter csv) {
        this.csv = csv;
    }

    /** Writes the header at once; {@code out} is closed with this. */
    public static ShipmentCsvWriter open(Writer out) {
        ShipmentCsvWriter writer = new ShipmentCsvWriter(CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out));
        writer.csv.writeRecord(Arrays.stream(Column.values()).map(Column::header).toList());
        return writer;
    }

    /**
     * A row for each article; a shipment without articles is left out, since a row is an article.
     *
     * @return how many rows
     */
    public int write(Shipment shipment) {
        String status = shipment.latest().map(TrackingEvent::carrierStatus).orElse(shipment.status().code());
        String sender = address(shipment.details().sender());
        String receiver = address(shipment.details().receiver());
        for (Article article : shipment.details().articles()) {
            csv.writeRecord(shipment.key().number().value(), shipment.key().carrier().code(), sender, receiver,
                    article.name(), Integer.toString(article.quantity()),
                    article.price().map(BigDecimal::toPlainString).orElse(""), article.sku().orElse(""), status);
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

    private static String address(Optional<Party> party) {
        return party.map(Party::address).map(address -> address.oneLine(ShipmentCsvWriter::countryName)).orElse("");
    }

    // By its English name, which the import turns back into its code.
    private static String countryName(CountryCode country) {
        return new Locale("", country.value()).getDisplayCountry(Locale.ENGLISH);
    }
}
