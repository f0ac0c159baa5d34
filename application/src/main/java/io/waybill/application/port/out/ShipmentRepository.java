package io.waybill.application.port.out;

import io.waybill.domain.IssuedTrackingNumber;

/** Shipments as stored. Thread-safe. */
public interface ShipmentRepository {

    /**
     * Stores a newly issued tracking number with its order, as a new shipment in its first status, and returns
     * once that is committed durably. Implementations may commit many concurrent calls in one transaction.
     *
     * @throws StorageUnavailableException when the commit failed or did not finish in time; the shipment may or
     *     may not be stored then, and its number must not be handed out
     */
    void add(IssuedTrackingNumber issued);
}
