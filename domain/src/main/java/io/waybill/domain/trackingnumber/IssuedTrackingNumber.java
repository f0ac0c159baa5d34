package io.waybill.domain.trackingnumber;

import io.waybill.domain.Order;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A tracking number issued for an order: the first state of a new shipment. */
public record IssuedTrackingNumber(TrackingNumber trackingNumber, Order order, Instant issuedAt) {

    public IssuedTrackingNumber {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** The shipment this starts: Waybill's carrier, the order's details, no events yet, at version 0. */
    public Shipment asShipment() {
        return new Shipment(ShipmentKey.of(trackingNumber), ShipmentDetails.of(order), List.of(), issuedAt, 0);
    }
}
