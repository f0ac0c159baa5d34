package io.waybill.domain;

import java.time.Instant;
import java.util.Objects;

/** A tracking number issued for an order: the first state of a new shipment. */
public record IssuedTrackingNumber(TrackingNumber trackingNumber, Order order, Instant issuedAt) {

    public IssuedTrackingNumber {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
