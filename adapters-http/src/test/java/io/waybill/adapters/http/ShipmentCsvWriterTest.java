package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.in.FakeShipmentsUseCase.Generation;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.service.FakeShipmentsService;
import io.waybill.domain.AddressLine;
import io.waybill.domain.Article;
import io.waybill.domain.Shipment;
import io.waybill.domain.StatusMapping;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShipmentCsvWriterTest {

    private static final List<Shipment> SHIPMENTS = FakeShipmentsService.generated(new Generation(2_000,
            OptionalLong.of(5), Instant.parse("2026-11-21T00:00:00Z"), done -> {})).toList();

    @Test
    void writesTheSampleFilesHeaderThenARowPerArticleThatTheReaderReadsBack() {
        String file = write(SHIPMENTS);

        assertThat(file).startsWith("tracking_number,carrier,sender_address,receiver_address,article_name,"
                + "article_quantity,article_price,SKU,status\n");
        List<ImportShipmentsUseCase.Row> rows;
        try (Stream<ImportShipmentsUseCase.Line> lines = ShipmentCsv.importLines(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            rows = lines.map(line -> (ImportShipmentsUseCase.Row) line).toList();
        }
        int row = 0;
        for (Shipment shipment : SHIPMENTS) {
            for (Article article : shipment.details().articles()) {
                ImportShipmentsUseCase.Row read = rows.get(row++);
                assertThat(read.trackingNumber()).isEqualTo(shipment.key().number().value());
                assertThat(read.carrier()).isEqualTo(shipment.key().carrier().code());
                assertThat(read.articleName()).isEqualTo(article.name());
                assertThat(Integer.parseInt(read.articleQuantity())).isEqualTo(article.quantity());
                assertThat(read.articlePrice()).isEqualTo(article.price().orElseThrow().toPlainString());
                assertThat(read.sku()).isEqualTo(article.sku().orElseThrow());
                assertThat(StatusMapping.builtIn().canonical(read.status())).contains(shipment.status());
                // Addresses with a zip code come back whole, the country's name turned into its code again.
                shipment.details().sender().map(party -> party.address()).filter(address -> address.zip().isPresent())
                        .ifPresent(address -> assertThat(AddressLine.parse(read.senderAddress())).isEqualTo(address));
            }
        }
        assertThat(rows).hasSize(row);
    }

    @Test
    void quotesWhatNeedsQuoting() {
        String file = write(SHIPMENTS.subList(0, 1));

        assertThat(file.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",\"").contains("\","));
    }

    private static String write(List<Shipment> shipments) {
        StringWriter out = new StringWriter();
        try (ShipmentCsvWriter writer = ShipmentCsvWriter.open(out)) {
            shipments.forEach(writer::write);
        }
        return out.toString();
    }
}
