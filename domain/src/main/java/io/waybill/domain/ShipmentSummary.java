package io.waybill.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A shipment in a list: what identifies it and where it stands, without its history.
 *
 * @param receiver where the receiver is: its zip, city and country, never the street ({@link Address#NONE} when
 *     unknown)
 */
public record ShipmentSummary(ShipmentKey key, ShipmentStatus status, Optional<CountryCode> origin,
        Optional<CountryCode> destination, Optional<CustomerId> customer, Instant createdAt,
        Optional<LocalDate> estimatedDelivery, Address receiver) {

    public ShipmentSummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(estimatedDelivery, "estimatedDelivery");
        receiver = receiver.street().isEmpty() ? receiver
                : new Address(Optional.empty(), receiver.zip(), receiver.city(), receiver.country());
    }

    public static ShipmentSummary of(Shipment shipment) {
        ShipmentDetails details = shipment.details();
        return new ShipmentSummary(shipment.key(), shipment.status(), details.origin(), details.destination(),
                details.customer().map(Customer::id), shipment.createdAt(), shipment.estimatedDelivery(),
                shipment.receiverAddress());
    }
}
