package io.waybill.application.port.in;

import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;

/** Issues a new, unique tracking number for an order and records the order as a new shipment. */
public interface IssueTrackingNumberUseCase {

    /**
     * Returns only once the number and its order are durably stored: a number that this returns is never issued
     * again, by this or any other instance sharing the database, even after a crash.
     *
     * @throws io.waybill.application.port.out.StorageUnavailableException when the number could not be stored; no
     *     number is issued then
     */
    IssuedTrackingNumber issue(Order order);
}
