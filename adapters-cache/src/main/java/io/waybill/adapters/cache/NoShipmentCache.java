package io.waybill.adapters.cache;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** No cache at all: every lookup is a miss, so it reads the database. For measuring and for debugging. */
final class NoShipmentCache implements ShipmentCache {

    @Override
    public Optional<List<Shipment>> get(CarrierTrackingNumber number) {
        return Optional.empty();
    }

    @Override
    public void offer(CarrierTrackingNumber number, List<Shipment> shipments) {}

    @Override
    public void evict(CarrierTrackingNumber number) {}

    @Override
    public void evictAll(Collection<CarrierTrackingNumber> numbers) {}

    @Override
    public void forgetLocalCopies() {}
}
