package io.waybill.adapters.cache;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.time.Instant;
import java.util.List;

/** A shipment as the cache stores it in JSON: absent values are nulls, times and decimals are strings. */
record ShipmentDto(String number, String carrier, ShipmentDetailsDto details, List<EventDto> events, String createdAt,
        long version) {

    static ShipmentDto of(Shipment shipment) {
        return new ShipmentDto(shipment.key().number().value(), shipment.key().carrier().code(),
                ShipmentDetailsDto.of(shipment.details()), shipment.events().stream().map(EventDto::of).toList(),
                shipment.createdAt().toString(), shipment.version());
    }

    Shipment toShipment() {
        return new Shipment(new ShipmentKey(new CarrierTrackingNumber(number), new Carrier(carrier)), details.toDetails(),
                events.stream().map(EventDto::toEvent).toList(), Instant.parse(createdAt), version);
    }
}
