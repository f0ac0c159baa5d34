package io.waybill.application.service;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.service.InMemoryShipmentRepository.Pending;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shipments as one transaction of an {@link InMemoryShipmentRepository} sees them, as the databases' transaction
 * does: its writes go to its {@link Pending}, each whole or not at all, and its reads see them over what is stored.
 * Issuing numbers and listing go to the repository outside.
 */
final class InMemoryShipmentTransaction implements ShipmentRepository {

    private final InMemoryShipmentRepository outside;
    private final Pending pending;

    InMemoryShipmentTransaction(InMemoryShipmentRepository outside, Pending pending) {
        this.outside = outside;
        this.pending = pending;
    }

    @Override
    public void add(IssuedTrackingNumber issued) {
        outside.add(issued);
    }

    @Override
    public void register(Shipment shipment) {
        outside.register(pending, shipment);
    }

    @Override
    public void registerAll(List<Shipment> shipments) {
        outside.registerAll(pending, shipments);
    }

    @Override
    public List<Shipment> findByNumber(CarrierTrackingNumber number) {
        return outside.findByNumber(pending, number);
    }

    @Override
    public Optional<Shipment> find(ShipmentKey key) {
        return outside.find(pending, key);
    }

    @Override
    public Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) {
        return outside.findAll(pending, keys);
    }

    @Override
    public void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) {
        outside.append(pending, updated, expectedVersion, added);
    }

    @Override
    public List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
        return outside.list(filter, after, limit);
    }

    /** Joins this transaction. */
    @Override
    public <T> T inOneTransaction(Function<ShipmentRepository, T> work) {
        return work.apply(this);
    }
}
