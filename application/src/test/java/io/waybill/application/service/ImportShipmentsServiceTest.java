package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.IncompleteImportException;
import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.application.port.in.ImportShipmentsUseCase.Row;
import io.waybill.application.port.in.ImportShipmentsUseCase.Unreadable;
import io.waybill.application.port.out.ShipmentFileReader;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Address;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ImportShipmentsServiceTest {

    private static final String BERLIN = "Street 1, 10115 Berlin, Germany";
    private static final String PARIS = "Street 10, 75001 Paris, France";
    /** Reads the lines a {@link FileOfLines} holds, as the reader of the format would read them from its bytes. */
    private static final ShipmentFileReader LINES = (bytes, name) -> ((FileOfLines) bytes).lines.get();

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final ImportShipmentsService service = new ImportShipmentsService(repository, LINES,
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
        assertThat(repository.findByNumber(new CarrierTrackingNumber("TN12345678"))).isEmpty();
        assertThat(stored("TN12345681", "GLS").details().articles()).singleElement()
                .satisfies(article -> assertThat(article.price()).isEmpty());
    }

    @Test
    void aHugeNumberOrLongTextIsRefusedWithAShortReason() {
        String long_ = "x".repeat(100_000);
        Report report = run(List.of(
                row(2, "TN12345678", "DHL", BERLIN, PARIS, "Laptop", "1", "1e999999999", "LP123", "in_transit"),
                row(3, "TN12345679", "UPS", BERLIN, PARIS, "Laptop", "1", "1e-999999999", "LP123", "in_transit"),
                row(4, "TN12345680", "DPD", BERLIN, PARIS, "Laptop", "1", "9".repeat(5_000), "LP123", "in_transit"),
                row(5, "TN12345681", "GLS", BERLIN, PARIS, "Laptop", long_, "1", "LP123", "in_transit"),
                row(6, "TN12345682", "GLS", BERLIN, PARIS, "Laptop", "1", "1", "LP123", long_),
                row(7, "TN12345683", "GLS", BERLIN, PARIS, "Laptop", "1", "1", "LP123", "in_transit"),
                row(8, "TN12345683", "GLS", BERLIN, long_, "Laptop", "1", "1", "LP123", "in_transit")), Mode.DRY_RUN);

        assertThat(report.rejections()).hasSize(6).allSatisfy(rejection ->
                assertThat(rejection.reason()).hasSizeLessThan(250).doesNotContain("x".repeat(50)));
        assertThat(report.rejections().get(0).reason())
                .isEqualTo("TN12345678/DHL: article_price must be a decimal number such as 9.99; got '1e999999999'");
    }

    @Test
    void strictImportsNothingWhenAnyLineIsBad() {
        List<Line> lines = new ArrayList<>(SAMPLE);
        lines.add(new Unreadable(7, "has 3 fields where the header has 9"));

        Report report = run(lines, Mode.STRICT);

        assertThat(report.written()).isFalse();
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejectedLines()).isEqualTo(1);
        assertThat(repository.findByNumber(new CarrierTrackingNumber("TN12345678"))).isEmpty();
        assertThat(run(SAMPLE, Mode.STRICT)).isEqualTo(new Report(5, 3, 0, 0, 0, 0, List.of(), true));
    }

    @Test
    void aStrictImportReadsTheFileOnceAndRollsBackTheBatchesWrittenBeforeABadLine() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 2 * ImportShipmentsService.WINDOW; i++) {
            lines.add(row(i + 2, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1", "25", "M",
                    "in_transit"));
        }
        lines.add(new Unreadable(lines.size() + 2, "has 3 fields where the header has 9"));
        AtomicInteger readings = new AtomicInteger();

        Report report = service.importShipments(command(() -> {
            readings.incrementAndGet();
            return lines.stream();
        }, Mode.STRICT, progress::add));

        assertThat(readings).hasValue(1);
        assertThat(repository.registerAlls()).as("written, then rolled back").isPositive();
        assertThat(report).isEqualTo(new Report(lines.size(), 2L * ImportShipmentsService.WINDOW, 0, 0, 0, 1,
                List.of(new Rejection(lines.size() + 1, "has 3 fields where the header has 9")), false));
        assertThat(repository.findAll(keysOf(lines))).isEmpty();
    }

    @Test
    void aStrictImportDropsTheCachedEntriesOfWhatItWroteOnceCommitted() {
        CarrierTrackingNumber number = new CarrierTrackingNumber("TN12345678");
        cache.offer(number, List.of());

        assertThat(run(SAMPLE, Mode.STRICT).written()).isTrue();

        assertThat(cache.get(number)).isEmpty();
    }

    @Test
    void aDryRunWritesNothingAndTellsWhatItWouldDo() {
        Report report = run(SAMPLE, Mode.DRY_RUN);

        assertThat(report).isEqualTo(new Report(5, 3, 0, 0, 0, 0, List.of(), false));
        assertThat(repository.findByNumber(new CarrierTrackingNumber("TN12345678"))).isEmpty();
    }

    @Test
    void anImportDropsTheCachedEntriesOfWhatItWrote() {
        CarrierTrackingNumber number = new CarrierTrackingNumber("TN12345678");
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
    void rowsOfAShipmentFurtherApartThanTheWindowAreRefusedWithTheReason() {
        List<Line> lines = new ArrayList<>();
        lines.add(row(2, "TN00000001", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "in_transit"));
        for (int i = 0; i < ImportShipmentsService.WINDOW; i++) {
            lines.add(row(3 + i, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1", "25", "M",
                    "in_transit"));
        }
        lines.add(row(3 + ImportShipmentsService.WINDOW, "TN00000001", "DHL", BERLIN, PARIS, "Mouse", "1", "25",
                "MO456", "in_transit"));

        Report report = run(lines, Mode.IMPORT);

        assertThat(report.created()).isEqualTo(ImportShipmentsService.WINDOW + 1);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(3 + ImportShipmentsService.WINDOW);
            assertThat(rejection.reason()).contains("TN00000001/DHL: is stored with other articles or addresses",
                    "rows apart in the file");
        });
        assertThat(stored("TN00000001", "DHL").details().articles()).hasSize(1);
    }

    @Test
    void aShipmentWhoseRowsSpanTheEndOfABatchIsStoredWhole() {
        List<Line> lines = new ArrayList<>();
        // The batch's last shipment begins with its first row, and has two more after it; then a shipment whose rows
        // are a batch less one shipment apart.
        for (int i = 0; i < ImportShipmentsService.BATCH - 1; i++) {
            lines.add(row(lines.size() + 2, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1",
                    "25", "M", "in_transit"));
        }
        for (String article : List.of("Laptop", "Mouse", "Charger")) {
            lines.add(row(lines.size() + 2, "TN00000001", "UPS", BERLIN, PARIS, article, "1", "", "", "delivery"));
        }
        lines.add(row(lines.size() + 2, "TN00000002", "GLS", BERLIN, PARIS, "Laptop", "1", "", "", "scanned"));
        for (int i = 0; i < ImportShipmentsService.BATCH - 1; i++) {
            lines.add(row(lines.size() + 2, "TN2" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1",
                    "25", "M", "in_transit"));
        }
        lines.add(row(lines.size() + 2, "TN00000002", "GLS", BERLIN, PARIS, "Mouse", "1", "", "", "scanned"));
        for (int i = 0; i < ImportShipmentsService.WINDOW; i++) {
            lines.add(row(lines.size() + 2, "TN3" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1",
                    "25", "M", "in_transit"));
        }

        Report report = run(lines, Mode.IMPORT);

        assertThat(report.rejections()).isEmpty();
        assertThat(report.created()).isEqualTo(2L * ImportShipmentsService.BATCH + ImportShipmentsService.WINDOW);
        assertThat(stored("TN00000001", "UPS").details().articles()).extracting(article -> article.name())
                .containsExactly("Laptop", "Mouse", "Charger");
        assertThat(stored("TN00000002", "GLS").details().articles()).extracting(article -> article.name())
                .containsExactly("Laptop", "Mouse");
        assertThat(run(lines, Mode.IMPORT).unchanged()).as("imported again")
                .isEqualTo(2L * ImportShipmentsService.BATCH + ImportShipmentsService.WINDOW);
    }

    @Test
    void eachBatchIsReadWrittenAndEvictedTogether() {
        int count = 2 * ImportShipmentsService.BATCH + 7;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(row(i + 2, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse", "1", "25", "M",
                    "in_transit"));
        }
        CarrierTrackingNumber last = new CarrierTrackingNumber("TN1" + String.format("%07d", count - 1));
        cache.offer(last, List.of());

        Report report = run(lines, Mode.IMPORT);

        assertThat(report.created()).isEqualTo(count);
        assertThat(repository.findAlls()).isEqualTo(3);
        assertThat(repository.registerAlls()).isEqualTo(3);
        assertThat(repository.finds()).as("no shipment read alone").isZero();
        assertThat(repository.registers()).as("no shipment registered alone").isZero();
        assertThat(cache.evictAlls()).isEqualTo(3);
        assertThat(cache.peek(last)).as("the empty entry cached before the import").isEmpty();

        assertThat(run(lines, Mode.IMPORT).unchanged()).isEqualTo(count);
        assertThat(repository.findAlls()).isEqualTo(6);
        assertThat(repository.registerAlls()).as("nothing new to register").isEqualTo(3);
    }

    @Test
    void shipmentsRegisteredByOthersWhileABatchWasReadAreLookedAtAgainOneByOne() {
        ImportShipmentsService other = new ImportShipmentsService(repository, LINES, new ShipmentLookup(repository, cache),
                StatusMapping.builtIn(), Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
        AtomicBoolean once = new AtomicBoolean();
        // Between this import's read and its write, another process imports one of its shipments as this file has
        // it, and registers another with other articles.
        repository.afterEachFindAll(keys -> {
            if (once.compareAndSet(false, true)) {
                other.importShipments(command(List.<Line>of(SAMPLE.get(2))::stream, Mode.IMPORT, read -> {}));
                other.importShipments(command(List.<Line>of(row(2, "TN12345680", "DPD",
                        "Street 3, 80331 Munich, Germany", "Street 5, 28013 Madrid, Spain", "Keyboard", "1", "50",
                        "KB012", "delivery"))::stream, Mode.IMPORT, read -> {}));
            }
        });
        cache.offer(new CarrierTrackingNumber("TN12345678"), List.of());

        Report report = run(SAMPLE, Mode.IMPORT);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.unchanged()).as("stored by the other import as this one would have").isEqualTo(1);
        assertThat(report.rejectedShipments()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(5);
            assertThat(rejection.reason()).startsWith("TN12345680/DPD: is stored with other articles or addresses");
        });
        assertThat(stored("TN12345678", "DHL").details().articles()).hasSize(2);
        assertThat(stored("TN12345679", "UPS").createdAt()).as("the other import's").isEqualTo(
                Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(stored("TN12345680", "DPD").details().articles()).hasSize(1);
        assertThat(repository.registerAlls()).as("the batch, which failed, and the other imports'").isEqualTo(3);
        assertThat(cache.peek(new CarrierTrackingNumber("TN12345678"))).as("evicted after the fallback").isEmpty();
    }

    @Test
    void rejectionsAreListedInTheOrderOneThreadWouldFindThem() {
        int count = ImportShipmentsService.WINDOW + ImportShipmentsService.BATCH / 10;
        int firstBad = 10;
        int secondBad = ImportShipmentsService.BATCH + 200;
        List<Line> lines = new ArrayList<>();
        List<Long> expected = new ArrayList<>(List.of(0L, 0L, 0L, 0L));
        for (int i = 0; i < count; i++) {
            long line = lines.size() + 2;
            lines.add(row(line, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, "Mouse",
                    i == firstBad || i == secondBad ? "two" : "1", "25", "M", "in_transit"));
            if (i == firstBad) {
                expected.set(1, line);
            } else if (i == secondBad) {
                expected.set(3, line);
            } else if (i == ImportShipmentsService.BATCH + 100) {
                lines.add(new Unreadable(line + 1, "has 3 fields where the header has 9"));
                expected.set(0, line + 1);
            }
        }
        lines.add(new Unreadable(lines.size() + 2, "has 2 fields where the header has 9"));
        expected.set(2, lines.size() + 1L);

        Report report = run(lines, Mode.IMPORT);

        // A shipment's rows are refused when its batch is written: the first batch's once the window is full and one
        // more shipment begins, the second's once the file is read, after the last line's rejection.
        assertThat(report.rejections()).extracting(Rejection::line).containsExactlyElementsOf(expected);
        assertThat(report.created()).isEqualTo(count - 2);
        assertThat(report.rejectedLines()).isEqualTo(4);
    }

    @Test
    void aDatabaseFailureStopsTheImportAndLeavesTheBatchesWrittenBeforeWhole() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            for (String article : List.of("Mouse", "Laptop")) {
                lines.add(row(lines.size() + 2, "TN1" + String.format("%07d", i), "DHL", BERLIN, PARIS, article, "1",
                        "25", "M", "in_transit"));
            }
        }
        StorageUnavailableException failure = new StorageUnavailableException("the database is gone", null);
        repository.afterEachFindAll(keys -> {
            if (repository.findAlls() == 2) {
                repository.goDown(failure);
            }
        });

        assertThatThrownBy(() -> run(lines, Mode.IMPORT)).isSameAs(failure);

        repository.goUp();
        assertThat(repository.findAll(keysOf(lines))).hasSize(ImportShipmentsService.BATCH)
                .allSatisfy((key, shipment) -> assertThat(shipment.details().articles()).hasSize(2));
    }

    /**
     * 20,000 good rows (ten times the shipments that may be open at once), then the file breaks: every shipment read
     * before the break is stored, but the last, whose rows may go on past it; the report counts exactly that, and says
     * why the last one is not. Before, the shipments still open (up to 2,000) were silently not stored.
     */
    @Test
    void aFileThatBreaksPartWayStoresEveryShipmentReadBeforeTheBreakButTheLastAndReportsExactlyThat() {
        List<Line> lines = new ArrayList<>();
        int shipments = 0;
        while (lines.size() < 20_000) {
            String number = "TN" + String.format("%08d", shipments++);
            for (String article : shipments % 3 == 0 ? List.of("Mouse", "Laptop") : List.of("Mouse")) {
                lines.add(row(lines.size() + 2, number, "DHL", BERLIN, PARIS, article, "1", "25", "M", "in_transit"));
            }
        }
        lines.add(new Unreadable(lines.size() + 2, "has 3 fields where the header has 9"));
        Row lastRow = (Row) lines.get(lines.size() - 2);
        long lastShipmentRows = lines.stream().filter(line -> line instanceof Row row
                && row.trackingNumber().equals(lastRow.trackingNumber())).count();
        RuntimeException brokenAt = new IllegalStateException("the file breaks at line " + (lines.size() + 2));
        List<Line> read = List.copyOf(lines);
        Command command = command(() -> Stream.concat(read.stream(), Stream.generate(() -> {
            throw brokenAt;
        })), Mode.IMPORT, progress::add);

        Throwable thrown = catchThrowable(() -> service.importShipments(command));

        assertThat(thrown).isInstanceOf(IncompleteImportException.class).hasCause(brokenAt)
                .hasMessage(brokenAt.getMessage());
        Report report = ((IncompleteImportException) thrown).report();
        long firstRowOfLast = lines.size() + 1 - lastShipmentRows;
        assertThat(report).isEqualTo(new Report(read.size(), shipments - 1, 0, 0, 1, lastShipmentRows + 1, List.of(
                new Rejection(read.size() + 1, "has 3 fields where the header has 9"),
                new Rejection(firstRowOfLast, lastRow.trackingNumber() + "/DHL: not imported: the file could not be"
                        + " read past line " + (read.size()) + ", and more rows of this shipment may follow; import it"
                        + " again once the file is mended")), true));
        assertThat(repository.findAll(keysOf(lines))).hasSize(shipments - 1)
                .doesNotContainKey(ImportGroup.keyOf(lastRow));
        assertThat(progress).last().isEqualTo((long) read.size());
    }

    @Test
    void aStrictImportOfAFileThatBreaksPartWayWritesNothing() {
        RuntimeException brokenAt = new IllegalStateException("the file breaks at line 4");
        Command command = command(() -> Stream.concat(SAMPLE.subList(0, 3).stream(), Stream.generate(() -> {
            throw brokenAt;
        })), Mode.STRICT, progress::add);

        Throwable thrown = catchThrowable(() -> service.importShipments(command));

        assertThat(thrown).isInstanceOf(IncompleteImportException.class).hasCause(brokenAt);
        assertThat(((IncompleteImportException) thrown).report().written()).isFalse();
        assertThat(repository.findAll(keysOf(SAMPLE))).isEmpty();
    }

    @Test
    void aDryRunOfAFileAlreadyImportedReadsButWritesNothing() {
        run(SAMPLE, Mode.IMPORT);
        int registerAlls = repository.registerAlls();
        List<Line> changed = new ArrayList<>(SAMPLE.subList(0, 2));
        changed.add(row(4, "TN12345681", "GLS", BERLIN, PARIS, "Charger", "1", "", "", "scanned"));
        changed.set(0, row(2, "TN12345678", "DHL", BERLIN, PARIS, "Laptop", "1", "800", "LP123", "delivered"));
        changed.set(1, row(3, "TN12345678", "DHL", BERLIN, PARIS, "Mouse", "1", "25", "MO456", "delivered"));
        Shipment before = stored("TN12345678", "DHL");

        Report report = run(changed, Mode.DRY_RUN);

        assertThat(report).isEqualTo(new Report(3, 1, 1, 0, 0, 0, List.of(), false));
        assertThat(stored("TN12345678", "DHL")).isEqualTo(before);
        assertThat(repository.findByNumber(new CarrierTrackingNumber("TN12345681"))).isEmpty();
        assertThat(repository.registerAlls()).isEqualTo(registerAlls);
        assertThat(repository.appends()).isZero();
    }

    private Report run(List<Line> lines, Mode mode) {
        return service.importShipments(command(lines::stream, mode, progress::add));
    }

    private static Command command(Supplier<Stream<Line>> lines, Mode mode, LongConsumer progress) {
        return new Command(new FileOfLines(lines), "test.csv", mode, progress);
    }

    /** Bytes that stand for the lines the supplier gives. */
    private static final class FileOfLines extends InputStream {

        private final Supplier<Stream<Line>> lines;

        FileOfLines(Supplier<Stream<Line>> lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            return -1;
        }
    }

    private static List<ShipmentKey> keysOf(List<Line> lines) {
        return lines.stream().filter(Row.class::isInstance).map(line -> ImportGroup.keyOf((Row) line)).distinct()
                .toList();
    }

    private Shipment stored(String number, String carrier) {
        return repository.find(new ShipmentKey(new CarrierTrackingNumber(number), new Carrier(carrier))).orElseThrow();
    }

    private static Row row(long line, String number, String carrier, String sender, String receiver, String article,
            String quantity, String price, String sku, String status) {
        return new Row(line, number, carrier, sender, receiver, article, quantity, price, sku, status);
    }

}
