package io.waybill.application.port.out;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentSummary;
import java.util.List;
import java.util.Optional;

/**
 * The reads of stored shipments that answer readers rather than decide writes: a lookup by number, a list. An
 * implementation may serve them from a copy of the database, such as a streaming replica, provided that a read after a
 * write this instance made or heard of sees that write. Thread-safe; every method may throw
 * {@link StorageUnavailableException} when the database cannot do what is asked.
 */
public interface ShipmentQueries {

    /** Every shipment with this number, whatever its carrier, in carrier order; empty when there is none. */
    List<Shipment> findByNumber(CarrierTrackingNumber number);

    /**
     * Up to {@code limit} shipments that match the filter, in the cursor's order (newest first), after
     * {@code after} when given.
     */
    List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit);
}
