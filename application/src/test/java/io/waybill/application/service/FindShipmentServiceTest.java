package io.waybill.application.service;

import static io.waybill.application.port.in.FindShipmentUseCase.Audience.PUBLIC;
import static io.waybill.application.port.in.FindShipmentUseCase.Audience.STAFF;
import static io.waybill.application.service.TestShipments.DHL;
import static io.waybill.application.service.TestShipments.DPD;
import static io.waybill.application.service.TestShipments.NUMBER;
import static io.waybill.application.service.TestShipments.UPS;
import static io.waybill.application.service.TestShipments.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.application.port.in.FindShipmentUseCase.Query;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FindShipmentServiceTest {

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final FindShipmentService service = new FindShipmentService(new ShipmentLookup(repository, cache));

    @Test
    void aSecondLookupIsServedFromTheCache() {
        Shipment stored = store(shipment(NUMBER, DHL, true));

        assertThat(service.find(query(Optional.empty(), PUBLIC))).contains(stored);
        assertThat(service.find(query(Optional.of(DHL), STAFF))).contains(stored);

        assertThat(repository.readsByNumber()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.peek(NUMBER)).contains(List.of(stored));
    }

    @Test
    void anUnknownNumberIsAbsentAndThatIsCachedToo() {
        CarrierTrackingNumber unknown = new CarrierTrackingNumber("XX0000");

        assertThat(service.find(new Query(unknown, Optional.empty(), STAFF))).isEmpty();
        assertThat(service.find(new Query(unknown, Optional.empty(), STAFF))).isEmpty();

        assertThat(repository.readsByNumber()).isEqualTo(1);
        assertThat(cache.peek(unknown)).contains(List.of());
    }

    @Test
    void withTheCacheDownEveryLookupReadsTheDatabase() {
        Shipment stored = store(shipment(NUMBER, DHL, true));
        cache.failing(true);

        assertThat(service.find(query(Optional.empty(), PUBLIC))).contains(stored);
        assertThat(service.find(query(Optional.empty(), PUBLIC))).contains(stored);

        assertThat(repository.readsByNumber()).isEqualTo(2);
    }

    @Test
    void theCarrierPicksAmongShipmentsWithOneNumber() {
        store(shipment(NUMBER, DHL, true));
        Shipment ups = store(shipment(NUMBER, UPS, true));

        assertThat(service.find(query(Optional.of(UPS), PUBLIC))).contains(ups);
        assertThat(service.find(query(Optional.of(DPD), STAFF))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource
    void withoutACarrierANumberOfSeveralShipmentsIsAmbiguous(Audience audience) {
        store(shipment(NUMBER, UPS, true));
        store(shipment(NUMBER, DHL, true));

        assertThatThrownBy(() -> service.find(query(Optional.empty(), audience)))
                .isInstanceOfSatisfying(AmbiguousShipmentException.class,
                        ambiguous -> assertThat(ambiguous.carriers()).containsExactly(DHL, UPS))
                .hasMessage("Tracking number TN12345678 belongs to shipments of several carriers (DHL, UPS); name"
                        + " one with carrier");
    }

    @Test
    void toThePublicAShipmentNotPubliclyTrackableDoesNotExist() {
        Shipment hidden = store(shipment(NUMBER, DHL, false));

        assertThat(service.find(query(Optional.empty(), PUBLIC))).isEmpty();
        assertThat(service.find(query(Optional.of(DHL), PUBLIC))).isEmpty()
                .isEqualTo(service.find(new Query(new CarrierTrackingNumber("XX0000"), Optional.of(DHL), PUBLIC)));
        assertThat(service.find(query(Optional.empty(), STAFF))).contains(hidden);
        assertThat(service.find(query(Optional.of(DHL), STAFF))).contains(hidden);
    }

    @Test
    void forThePublicOnlyVisibleShipmentsMakeANumberAmbiguous() {
        Shipment visible = store(shipment(NUMBER, DHL, true));
        store(shipment(NUMBER, UPS, false));

        assertThat(service.find(query(Optional.empty(), PUBLIC))).contains(visible);
        assertThat(service.find(query(Optional.of(UPS), PUBLIC))).isEmpty();
    }

    @Test
    void theAmbiguityNamesOnlyTheCarriersTheAudienceMaySee() {
        store(shipment(NUMBER, DHL, true));
        store(shipment(NUMBER, UPS, false));
        store(shipment(NUMBER, DPD, true));

        assertThatThrownBy(() -> service.find(query(Optional.empty(), PUBLIC)))
                .isInstanceOfSatisfying(AmbiguousShipmentException.class,
                        ambiguous -> assertThat(ambiguous.carriers()).containsExactly(DHL, DPD))
                .hasMessageNotContaining("UPS");
        assertThatThrownBy(() -> service.find(query(Optional.empty(), STAFF)))
                .isInstanceOfSatisfying(AmbiguousShipmentException.class,
                        ambiguous -> assertThat(ambiguous.carriers()).containsExactly(DHL, DPD, UPS));
    }

    private Shipment store(Shipment shipment) {
        repository.register(shipment);
        return shipment;
    }

    private static Query query(Optional<Carrier> carrier, Audience audience) {
        return new Query(NUMBER, carrier, audience);
    }
}
