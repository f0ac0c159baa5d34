package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.Set;

/**
 * What this instance's writes of shipments tell the reads that come after them ({@link ReplicaReads}, which must not
 * send those reads to a replica that lacks the writes). Told on the writer's thread after each write ends, committed
 * or failed (a failed commit may still have committed), before the write returns. Thread-safe.
 */
interface WrittenShipments {

    /** Nothing listens: a database without a replica. */
    WrittenShipments NONE = new WrittenShipments() {
        @Override
        public void written(Set<CarrierTrackingNumber> numbers) {}

        @Override
        public void issued() {}
    };

    /** Shipments with these numbers were registered or updated. */
    void written(Set<CarrierTrackingNumber> numbers);

    /**
     * New shipments of issued tracking numbers were stored: lists show them; lookups of them need no care, since a
     * lookup that a replica answers with nothing asks the primary too.
     */
    void issued();
}
