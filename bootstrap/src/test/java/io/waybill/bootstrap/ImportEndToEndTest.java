package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both sample files imported through the facade into a real database, then looked up: on SQLite here, on PostgreSQL in
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

    private static final String HEADER = "tracking_number,carrier,sender_address,receiver_address,article_name,"
            + "article_quantity,article_price,SKU,status\n";
    private static final String GOOD = "TN00000001,DHL,\"Street 1, 10115 Berlin, Germany\",\"Street 10, 75001 Paris,"
            + " France\",Laptop,1,800,LP123,in_transit\n";

    private static final String HAMBURG = "\"Street 2, 20144 Hamburg, Germany\"";
    private static final String BRUSSELS = "\"Street 20, 1000 Brussels, Belgium\"";

    static Stream<Arguments> badShipments() {
        return Stream.of(
                Arguments.of("bad numbers",
                        "TN00000002,UPS," + HAMBURG + "," + BRUSSELS + ",Monitor,2,200,MT789,inbound-scan\n"
                                + "TN00000002,UPS," + HAMBURG + "," + BRUSSELS + ",Cable,two,5,CB1,inbound-scan\n"
                                + "TN-3!,DPD,x,y,Keyboard,1,abc,KB012,delivery\n",
                        "TN00000002/UPS: article_quantity must be a number; got 'two'"),
                Arguments.of("conflicting rows",
                        "TN00000002,UPS," + HAMBURG + "," + BRUSSELS + ",Monitor,2,200,MT789,inbound-scan\n"
                                + "TN00000002,UPS," + HAMBURG + "," + BRUSSELS + ",Cable,1,5,CB1,delivery\n",
                        "rows of one shipment disagree on status: 'inbound-scan' and 'delivery'"),
                Arguments.of("unknown status",
                        "TN00000002,UPS," + HAMBURG + "," + BRUSSELS + ",Monitor,2,200,MT789,teleported\n",
                        "status 'teleported' is a carrier wording the status mapping does not know"),
                Arguments.of("unbalanced quote",
                        "TN00000002,UPS,\"Street 2, 20144 Hamburg,Brussels,Monitor,2,200,MT789,scanned\n"
                                + "TN00000002,UPS,Hamburg,Brussels,Cable,1,5,CB1,scanned\n",
                        "quote"));
    }

    /** Each broken file beside a good shipment: the good one is imported, nothing of a bad one is stored. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badShipments")
    void aBadShipmentIsRefusedWholeWithItsLineAndTheGoodOneImported(String name, String bad, String reason) {
        Report report = run(text(HEADER + GOOD + bad), Mode.IMPORT);

        assertThat(report.created()).as(report.toString()).isEqualTo(1);
        assertThat(report.rejectedLines()).isPositive();
        assertThat(report.rejections()).as(report.toString()).anySatisfy(rejection -> {
            assertThat(rejection.line()).isGreaterThanOrEqualTo(3);
            assertThat(rejection.reason()).contains(reason);
        });
        assertThat(lookUp("TN00000001", "DHL")).isPresent();
        assertThat(lookUp("TN00000002", "UPS")).as("nothing of the bad shipment").isEmpty();

        assertThat(run(text(HEADER + GOOD.replace("TN00000001", "TN00000009") + bad), Mode.STRICT).written())
                .isFalse();
        assertThat(lookUp("TN00000009", "DHL")).as("a strict import writes nothing").isEmpty();
    }

    static Stream<Arguments> notTheFormat() {
        return Stream.of(
                Arguments.of("empty file", "", "empty"),
                Arguments.of("binary junk", "\u0000\u0001\u00ff\u0007 not a csv at all", ""),
                Arguments.of("missing columns", "tracking_number,carrier,status\nTN00000001,DHL,in_transit\n",
                        "lacks the columns"));
    }

    /** Files that are not the format at all fail at once, whatever the mode, and store nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheFormat")
    void aFileThatIsNotTheFormatFailsAtOnceAndStoresNothing(String name, String content, String reason) {
        for (Mode mode : Mode.values()) {
            assertThatThrownBy(() -> run(text(content), mode))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining(reason);
        }
        assertThat(lookUp("TN00000001", "DHL")).isEmpty();
    }

    private Report run(Supplier<InputStream> file, Mode mode) {
        return waybill.importShipments(new Command(file.get(), "test.csv", mode, lines -> {}));
    }

    private Shipment find(String number, String carrier) {
        return lookUp(number, carrier).orElseThrow();
    }

    private Optional<Shipment> lookUp(String number, String carrier) {
        return waybill.findShipment(new FindShipmentUseCase.Query(new CarrierTrackingNumber(number),
                Optional.of(Carrier.parse(carrier)), FindShipmentUseCase.Audience.STAFF));
    }

    private static Supplier<InputStream> file(String name) {
        return () -> ImportEndToEndTest.class.getResourceAsStream("/sample-data/" + name);
    }

    private static Supplier<InputStream> text(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
