package io.waybill.adapters.persistence;

import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An issued number as {@link IssuedRows} stores it, with its delivery estimate. The estimate is worked out by the
 * caller, so that the writer threads run nothing but JDBC; stored so that lists show the estimate the shipment itself
 * shows, until its first event changes it.
 */
record IssuedRow(IssuedTrackingNumber issued, Optional<LocalDate> estimatedDelivery) {

    static IssuedRow of(IssuedTrackingNumber issued) {
        return new IssuedRow(issued, issued.asShipment().estimatedDelivery());
    }
}
