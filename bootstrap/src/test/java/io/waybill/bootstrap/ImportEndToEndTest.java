package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.waybill.adapters.http.ShipmentCsv;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both sample files imported through the facade into a real database, then looked up: on H2 here, on PostgreSQL in
 * {@link ImportOnPostgresTest}.
 */
class ImportEndToEndTest {

    Waybill waybill = Waybill.start(backend());

    WaybillConfig backend() {
        return WaybillConfig.embedded();
    }

    @AfterEach
    void stop() throws Exception {
        waybill.close();
        cleanUp();
    }

    void cleanUp() throws Exception {
        // the in-memory database goes with the service
    }

    @Test
    void importsBothSampleFilesThenLooksThemUp() {
        assertThat(run(file("seed_data.csv"), Mode.IMPORT)).isEqualTo(new Report(9, 5, 0, 0, 0, 0,
                List.of(), true));

        Shipment dhl = find("TN12345678", "dhl");
        assertThat(dhl.details().articles()).extracting(Article::name, Article::quantity, Article::sku)
                .containsExactly(tuple("Laptop", 1, Optional.of("LP123")),
                        tuple("Mouse", 1, Optional.of("MO456")));
        assertThat(dhl.details().receiver().orElseThrow().address().oneLine()).isEqualTo("Street 10, 75001 Paris, FR");
        assertThat(dhl.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(find("TN12345679", "UPS").status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(find("TN12345680", "DPD").status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(find("TN12345681", "FedEx").status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(find("TN12345682", "GLS").events()).singleElement()
                .satisfies(event -> assertThat(event.carrierStatus()).isEqualTo("scanned"));

        assertThat(run(file("seed_data.csv"), Mode.IMPORT).unchanged()).isEqualTo(5);
        Report variant = run(file("seed_data_variant.csv"), Mode.IMPORT);
        assertThat(variant.rejectedLines()).isZero();
        assertThat(find("TN12345678", "DHL").events()).last()
                .satisfies(event -> assertThat(event.carrierStatus()).isEqualTo("in-transit"));
    }

    @Test
    void aBrokenFileLeavesNothingPartial() {
        String conflicting = "tracking_number,carrier,sender_address,receiver_address,article_name,"
                + "article_quantity,article_price,SKU,status\n"
                + "TN12345678,DHL,\"Street 1, 10115 Berlin, Germany\",\"Street 10, 75001 Paris, France\",Laptop,1,800,"
                + "LP123,in_transit\n"
                + "TN12345678,DHL,\"Street 1, 10115 Berlin, Germany\",\"Street 10, 75001 Paris, France\",Mouse,1,25,"
                + "MO456,delivery\n";

        Report report = run(text(conflicting), Mode.IMPORT);

        assertThat(report.rejectedLines()).isEqualTo(2);
        assertThat(lookUp("TN12345678", "DHL")).isEmpty();
        assertThatThrownBy(() -> run(text("\u0000\u0001 not a csv at all"), Mode.IMPORT))
                .isInstanceOf(ShipmentCsv.FormatException.class);
    }

    private Report run(Supplier<InputStream> file, Mode mode) {
        return waybill.importShipments(new Command(() -> ShipmentCsv.importLines(file.get()), mode, lines -> {}));
    }

    private Shipment find(String number, String carrier) {
        return lookUp(number, carrier).orElseThrow();
    }

    private Optional<Shipment> lookUp(String number, String carrier) {
        return waybill.findShipment(new FindShipmentUseCase.Query(new TrackingCode(number),
                Optional.of(Carrier.parse(carrier)), FindShipmentUseCase.Audience.STAFF));
    }

    private static Supplier<InputStream> file(String name) {
        return () -> ImportEndToEndTest.class.getResourceAsStream("/sample-data/" + name);
    }

    private static Supplier<InputStream> text(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
