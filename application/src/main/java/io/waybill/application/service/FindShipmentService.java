package io.waybill.application.service;

import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.domain.Shipment;
import java.util.List;
import java.util.Optional;

/** Thread-safe. */
public final class FindShipmentService implements FindShipmentUseCase {

    private final ShipmentLookup lookup;

    public FindShipmentService(ShipmentLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<Shipment> find(Query query) {
        List<Shipment> visible = lookup.byNumber(query.number()).stream()
                .filter(shipment -> query.audience() == Audience.STAFF || shipment.details().publicTracking())
                .toList();
        return ShipmentChoice.pick(query.number(), query.carrier(), visible);
    }
}
