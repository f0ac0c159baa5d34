package io.waybill.application.service;

import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.List;
import java.util.Optional;

/** Picks the shipment asked for among those with one number: by carrier, or the only one. */
final class ShipmentChoice {

    private ShipmentChoice() {}

    /** @throws AmbiguousShipmentException when no carrier is given and there are several */
    static Optional<Shipment> pick(CarrierTrackingNumber number, Optional<Carrier> carrier, List<Shipment> candidates) {
        if (carrier.isPresent()) {
            return candidates.stream().filter(shipment -> shipment.key().carrier().equals(carrier.get())).findFirst();
        }
        if (candidates.size() > 1) {
            throw new AmbiguousShipmentException(number, candidates.stream().map(s -> s.key().carrier()).toList());
        }
        return candidates.stream().findFirst();
    }
}
