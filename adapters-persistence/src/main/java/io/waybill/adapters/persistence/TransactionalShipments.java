package io.waybill.adapters.persistence;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.sql.Connection;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The shipments as one transaction on one connection sees them, for {@link ShipmentRepository#inOneTransaction}: its
 * writes go into the transaction, each in a savepoint that a failure rolls back to, and its reads see them. Issuing
 * numbers and listing go to the repository outside. Used by one thread at a time.
 */
final class TransactionalShipments implements ShipmentRepository {

    private final Connection connection;
    private final ShipmentWriter writer;
    private final ShipmentReader reader;
    private final ShipmentRepository outside;
    private int registered;
    private final Set<CarrierTrackingNumber> written = new HashSet<>();

    TransactionalShipments(Connection connection, Engine engine, ShipmentWriter writer, ShipmentRepository outside) {
        this.connection = connection;
        this.writer = writer;
        this.reader = new ShipmentReader(new LentConnection(connection), engine);
        this.outside = outside;
    }

    /** How many shipments were registered in the transaction. */
    int registered() {
        return registered;
    }

    /** The numbers of the shipments written in the transaction, registered or updated, whether or not it committed. */
    Set<CarrierTrackingNumber> written() {
        return written;
    }

    @Override
    public void add(IssuedTrackingNumber issued) {
        outside.add(issued);
    }

    @Override
    public void register(Shipment shipment) {
        registerAll(List.of(shipment));
    }

    @Override
    public void registerAll(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return;
        }
        written.addAll(JdbcShipmentRepository.numbers(shipments));
        DatabaseFailures.attempt("register " + shipments.size() + " shipments", () -> {
            writer.registerAll(connection, shipments);
            return null;
        });
        registered += shipments.size();
    }

    @Override
    public List<Shipment> findByNumber(CarrierTrackingNumber number) {
        return reader.findByNumber(number);
    }

    @Override
    public Optional<Shipment> find(ShipmentKey key) {
        return reader.find(key);
    }

    @Override
    public Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) {
        return reader.findAll(keys);
    }

    @Override
    public void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) {
        written.add(updated.key().number());
        DatabaseFailures.attempt("update shipment " + updated.key(), () -> {
            writer.append(connection, updated, expectedVersion, added);
            return null;
        });
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
