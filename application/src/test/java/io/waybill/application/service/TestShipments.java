package io.waybill.application.service;

import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.domain.Address;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.EventId;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Shipments, events and collaborators for the application's tests. */
final class TestShipments {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-04T01:02:03.456789Z"), ZoneOffset.UTC);
    static final CarrierTrackingNumber NUMBER = new CarrierTrackingNumber("TN12345678");
    static final Carrier DHL = new Carrier("DHL");
    static final Carrier UPS = new Carrier("UPS");
    static final Carrier DPD = new Carrier("DPD");

    private TestShipments() {}

    /** From Taipei to Tokyo, origin and destination taken from the parties. */
    static ShipmentDetails details(boolean publicTracking) {
        return new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(party("Lai", "TW")), Optional.of(party("Sato", "JP")), List.of(),
                publicTracking);
    }

    static Party party(String name, String country) {
        return new Party(Optional.empty(), Optional.of(name), Address.of(null, null, "City", CountryCode.of(country)),
                Optional.empty());
    }

    static Shipment shipment(CarrierTrackingNumber number, Carrier carrier, boolean publicTracking) {
        return new Shipment(new ShipmentKey(number, carrier), details(publicTracking), List.of(), CLOCK.instant(), 0);
    }

    static EventInput input(String id, String time, ShipmentStatus status) {
        return new EventInput(Optional.of(new EventId(id)), OffsetDateTime.parse(time), Optional.of(status),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An event with only the carrier's wording and no id. */
    static EventInput worded(String time, String wording) {
        return new EventInput(Optional.empty(), OffsetDateTime.parse(time), Optional.empty(), Optional.of(wording),
                Optional.empty(), Optional.empty());
    }

    static TrackingEventMapper trackingEvents() {
        return new TrackingEventMapper(StatusMapping.builtIn(), new SplittableRandom(42));
    }
}
