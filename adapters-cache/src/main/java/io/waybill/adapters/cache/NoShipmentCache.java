package io.waybill.adapters.cache;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingCode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** No cache at all: every lookup is a miss, so it reads the database. For measuring and for debugging. */
final class NoShipmentCache implements ShipmentCache {

    @Override
    public Optional<List<Shipment>> get(TrackingCode number) {
        return Optional.empty();
    }

    @Override
    public void offer(TrackingCode number, List<Shipment> shipments) {}

    @Override
    public void evict(TrackingCode number) {}

    @Override
    public void evictAll(Collection<TrackingCode> numbers) {}

    @Override
    public void forgetLocalCopies() {}
}
