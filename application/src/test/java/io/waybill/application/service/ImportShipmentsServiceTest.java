package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.application.port.in.ImportShipmentsUseCase.Row;
import io.waybill.application.port.in.ImportShipmentsUseCase.Unreadable;
import io.waybill.domain.Address;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.TrackingCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportShipmentsServiceTest {

    private static final String BERLIN = "Street 1, 10115 Berlin, Germany";
    private static final String PARIS = "Street 10, 75001 Paris, France";

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final ImportShipmentsService service = new ImportShipmentsService(repository,
            new ShipmentLookup(repository, cache), StatusMapping.builtIn(),
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private final List<Long> progress = new ArrayList<>();

    /** The rows of shared/data/seed_data.csv. */
    private static final List<Line> SAMPLE = List.of(
            row(2, "TN12345678", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "in_transit"),
            row(3, "TN12345678", "DHL", BERLIN, PARIS, "Mouse", "1", "25", "MO456", "in_transit"),
            row(4, "TN12345679", "UPS", "Street 2, 20144 Hamburg, Germany", "Street 20, 1000 Brussels, Belgium",
                    "Monitor", "2", "200", "MT789", "inbound-scan"),
            row(5, "TN12345680", "DPD", "Street 3, 80331 Munich, Germany", "Street 5, 28013 Madrid, Spain",
                    "Keyboard", "1", "50", "KB012", "delivery"),
            row(6, "TN12345680", "DPD", "Street 3, 80331 Munich, Germany", "Street 5, 28013 Madrid, Spain", "Mouse",
                    "1", "25", "MO456", "delivery"));

    @Test
    void rowsOfOneShipmentBecomeOneShipmentWithItsArticlesAddressesAndStatus() {
        Report report = run(SAMPLE, Mode.IMPORT);

        assertThat(report).isEqualTo(new Report(5, 3, 0, 0, 0, 0, List.of(), true));
        Shipment laptop = stored("TN12345678", "DHL");
        assertThat(laptop.details().articles()).extracting(article -> article.name() + " " + article.price().get())
                .containsExactly("Laptop 800", "Mouse 25");
        assertThat(laptop.details().sender().orElseThrow().address())
                .isEqualTo(Address.of("Street 1", "10115", "Berlin", CountryCode.of("DE")));
        assertThat(laptop.details().destination()).contains(CountryCode.of("FR"));
        assertThat(laptop.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(laptop.events()).singleElement().satisfies(event -> {
            assertThat(event.carrierStatus()).isEqualTo("in_transit");
            assertThat(event.time().toInstant()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        });
        assertThat(stored("TN12345679", "UPS").status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(stored("TN12345680", "DPD").status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(progress).containsExactly(5L);
    }

    @Test
    void importingTheSameRowsAgainChangesNothingAndSaysSo() {
        run(SAMPLE, Mode.IMPORT);
        Shipment before = stored("TN12345678", "DHL");

        assertThat(run(SAMPLE, Mode.IMPORT)).isEqualTo(new Report(5, 0, 0, 3, 0, 0, List.of(), true));
        assertThat(stored("TN12345678", "DHL")).isEqualTo(before);
    }

    @Test
    void aNewCarrierStatusIsRecordedAsAnEventAndAnIllegalOneIsRefused() {
        run(SAMPLE, Mode.IMPORT);

        Report report = run(List.of(
                row(2, "TN12345678", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "delivered"),
                row(3, "TN12345678", "DHL", BERLIN, PARIS, "Mouse", "1", "25", "MO456", "delivered"),
                row(4, "TN12345680", "DPD", "Street 3, 80331 Munich, Germany", "Street 5, 28013 Madrid, Spain",
                        "Keyboard", "1", "50", "KB012", "created"),
                row(5, "TN12345680", "DPD", "Street 3, 80331 Munich, Germany", "Street 5, 28013 Madrid, Spain",
                        "Mouse", "1", "25", "MO456", "created")), Mode.IMPORT);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.rejectedShipments()).isEqualTo(1);
        assertThat(report.rejectedLines()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(4);
            assertThat(rejection.reason()).startsWith("TN12345680/DPD: ")
                    .contains("cannot move from out for delivery to created");
        });
        assertThat(stored("TN12345678", "DHL").status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(stored("TN12345680", "DPD").status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
    }

    @Test
    void badRowsAreRefusedWithTheirShipmentAndTheRestIsImported() {
        Report report = run(List.of(
                row(2, "TN12345678", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "in_transit"),
                row(3, "TN12345678", "DHL", BERLIN, "Street 11, 75001 Paris, France", "Mouse", "1", "25", "MO456",
                        "in_transit"),
                row(4, "no good!", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "in_transit"),
                row(5, "TN12345679", "UPS", BERLIN, PARIS, "Monitor", "two", "200", "MT789", "inbound-scan"),
                row(6, "TN12345680", "DPD", BERLIN, PARIS, "Keyboard", "1", "50", "KB012", "lost in space"),
                new Unreadable(7, "has 3 fields where the header has 9"),
                row(8, "TN12345681", "GLS", BERLIN, PARIS, "Charger", "1", "", "", "scanned")), Mode.IMPORT);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejectedShipments()).isEqualTo(3);
        assertThat(report.rejectedLines()).isEqualTo(6);
        assertThat(report.rejections()).extracting(Rejection::line).containsExactly(4L, 7L, 3L, 5L, 6L);
        assertThat(report.rejections()).extracting(Rejection::reason).containsExactly(
                "tracking_number must be a tracking number of 4 to 40 letters and digits, such as MY0A1B2C3D4ES;"
                        + " got 'NO GOOD!'",
                "has 3 fields where the header has 9",
                "TN12345678/DHL: rows of one shipment disagree on receiver_address: '" + PARIS
                        + "' and 'Street 11, 75001 Paris, France'",
                "TN12345679/UPS: article_quantity must be a number; got 'two'",
                "TN12345680/DPD: status 'lost in space' is a carrier wording the status mapping does not know; add"
                        + " it with WAYBILL_STATUS_MAPPING, such as lost in space=in_transit");
        assertThat(repository.findByNumber(new TrackingCode("TN12345678"))).isEmpty();
        assertThat(stored("TN12345681", "GLS").details().articles()).singleElement()
                .satisfies(article -> assertThat(article.price()).isEmpty());
    }

    @Test
    void strictImportsNothingWhenAnyLineIsBad() {
        List<Line> lines = new ArrayList<>(SAMPLE);
        lines.add(new Unreadable(7, "has 3 fields where the header has 9"));

        Report report = run(lines, Mode.STRICT);

        assertThat(report.written()).isFalse();
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejectedLines()).isEqualTo(1);
        assertThat(repository.findByNumber(new TrackingCode("TN12345678"))).isEmpty();
        assertThat(run(SAMPLE, Mode.STRICT)).isEqualTo(new Report(5, 3, 0, 0, 0, 0, List.of(), true));
    }

    @Test
    void aDryRunWritesNothingAndTellsWhatItWouldDo() {
        Report report = run(SAMPLE, Mode.DRY_RUN);

        assertThat(report).isEqualTo(new Report(5, 3, 0, 0, 0, 0, List.of(), false));
        assertThat(repository.findByNumber(new TrackingCode("TN12345678"))).isEmpty();
    }

    @Test
    void anImportDropsTheCachedEntriesOfWhatItWrote() {
        TrackingCode number = new TrackingCode("TN12345678");
        cache.offer(number, List.of());

        run(SAMPLE, Mode.IMPORT);

        assertThat(cache.get(number)).isEmpty();
    }

    @Test
    void aShipmentThatFillsTheBatchKeepsItsLaterRows() {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < ImportShipmentsService.BATCH; i++) {
            lines.add(row(1 + i, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1", "25", "M",
                    "in_transit"));
        }
        lines.add(row(1 + ImportShipmentsService.BATCH, "TN00000001", "DHL", BERLIN, PARIS, "Laptop", "1", "800",
                "LP123", "in_transit"));
        lines.add(row(2 + ImportShipmentsService.BATCH, "TN00000001", "DHL", BERLIN, PARIS, "Mouse", "1", "25",
                "MO456", "in_transit"));

        Report report = run(lines, Mode.IMPORT);

        assertThat(report.rejections()).isEmpty();
        assertThat(report.created()).isEqualTo(ImportShipmentsService.BATCH);
        assertThat(stored("TN00000001", "DHL").details().articles()).hasSize(2);
    }

    @Test
    void rowsOfAShipmentFurtherApartThanABatchAreRefusedWithTheReason() {
        List<Line> lines = new ArrayList<>();
        lines.add(row(2, "TN00000001", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "in_transit"));
        for (int i = 0; i < ImportShipmentsService.BATCH; i++) {
            lines.add(row(3 + i, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1", "25", "M",
                    "in_transit"));
        }
        lines.add(row(3 + ImportShipmentsService.BATCH, "TN00000001", "DHL", BERLIN, PARIS, "Mouse", "1", "25",
                "MO456", "in_transit"));

        Report report = run(lines, Mode.IMPORT);

        assertThat(report.created()).isEqualTo(ImportShipmentsService.BATCH + 1);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> assertThat(rejection.reason())
                .contains("TN00000001/DHL: is stored with other articles or addresses", "rows apart in the file"));
        assertThat(stored("TN00000001", "DHL").details().articles()).hasSize(1);
    }

    private Report run(List<Line> lines, Mode mode) {
        return service.importShipments(new Command(lines::stream, mode, progress::add));
    }

    private Shipment stored(String number, String carrier) {
        return repository.find(new ShipmentKey(new TrackingCode(number), new Carrier(carrier))).orElseThrow();
    }

    private static Row row(long line, String number, String carrier, String sender, String receiver, String article,
            String quantity, String price, String sku, String status) {
        return new Row(line, number, carrier, sender, receiver, article, quantity, price, sku, status);
    }

}
