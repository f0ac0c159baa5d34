package io.waybill.adapters.persistence;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Carrier;
import io.waybill.domain.IssuedTrackingNumber;
import io.waybill.domain.Order;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores issued numbers through a {@link GroupCommit}, and everything else in a transaction of its own (a batch of
 * registrations in one); reads whole shipments with plain JDBC on {@code dataSource}, the pool behind {@code jdbi}.
 * Every commit is followed by {@code afterCommit}, which makes it durable where the database does not. Batches of
 * registrations keep the tables' statistics current through {@link TableStatistics}. Thread-safe.
 */
final class JdbiShipmentRepository implements ShipmentRepository, AutoCloseable {

    private static final String INSERT = """
            INSERT INTO shipments (tracking_number, carrier, status, origin_country, destination_country, weight_kg,
                                   customer_id, customer_name, customer_slug, order_created_at,
                                   order_created_offset, order_created_nano, created_at, estimated_delivery)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final int MAX_BATCH = 512;

    private final GroupCommit<Issued> groupCommit;
    private final ShipmentWriter writer;
    private final ShipmentReader reader;
    private final ShipmentLister lister;
    private final Runnable afterCommit;
    private final TableStatistics statistics;

    JdbiShipmentRepository(Jdbi jdbi, DataSource dataSource, Clock clock, int writers, Duration commitTimeout,
            Runnable afterCommit, TableStatistics statistics, ChangeNotifier notifier) {
        this.groupCommit = new GroupCommit<>("shipments", writers, MAX_BATCH, commitTimeout, batch -> {
            insert(jdbi, batch);
            afterCommit.run();
        });
        this.writer = new ShipmentWriter(jdbi, clock, notifier);
        this.reader = new ShipmentReader(dataSource);
        this.lister = new ShipmentLister(jdbi);
        this.afterCommit = afterCommit;
        this.statistics = statistics;
    }

    // Not announced to the other instances (ChangeNotifier): no one can have cached a number before it is issued
    // (at most the empty entry of a lucky guess, which lives the short negative ttl, as it does on one instance,
    // since issuing refreshes no cache). That keeps NOTIFY, whose commits PostgreSQL serialises, off the hottest route.
    @Override
    public void add(IssuedTrackingNumber issued) {
        // Worked out here, so that the writer threads run nothing but JDBC; stored so that lists show the estimate
        // the shipment itself shows, until its first event changes it.
        groupCommit.commit(new Issued(issued, issued.asShipment().estimatedDelivery()));
    }

    @Override
    public void register(Shipment shipment) {
        store("register shipment " + shipment.key(), List.of(shipment));
    }

    @Override
    public void registerAll(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return;
        }
        store("register " + shipments.size() + " shipments", shipments);
        statistics.registered(shipments.size());
    }

    private void store(String what, List<Shipment> shipments) {
        Storage.attempt(what, () -> {
            writer.registerAll(shipments);
            return null;
        });
        afterCommit.run();
    }

    @Override
    public List<Shipment> findByNumber(TrackingCode number) {
        return Storage.attempt("read the shipments numbered " + number, () -> reader.findByNumber(number));
    }

    @Override
    public Optional<Shipment> find(ShipmentKey key) {
        return Storage.attempt("read shipment " + key, () -> reader.find(key));
    }

    @Override
    public Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) {
        return Storage.attempt("read " + keys.size() + " shipments", () -> reader.findAll(keys));
    }

    @Override
    public void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) {
        Storage.attempt("update shipment " + updated.key(), () -> {
            writer.append(updated, expectedVersion, added);
            return null;
        });
        afterCommit.run();
    }

    @Override
    public List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
        return Storage.attempt("list shipments", () -> lister.list(filter, after, limit));
    }

    @Override
    public void close() {
        groupCommit.close();
    }

    // Plain JDBC inside Jdbi's transaction: this runs for every issued number, and Jdbi's named binding cost
    // more CPU per row than the database's own work (measured with JFR under bench/run.sh).
    private static void insert(Jdbi jdbi, List<Issued> batch) throws SQLException {
        jdbi.useTransaction(handle -> {
            try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
                for (Issued row : batch) {
                    IssuedTrackingNumber issued = row.issued();
                    Order order = issued.order();
                    OffsetDateTime ordered = order.createdAt().value();
                    insert.setString(1, issued.trackingNumber().value());
                    insert.setString(2, Carrier.WAYBILL.code());
                    insert.setString(3, ShipmentStatus.CREATED.code());
                    insert.setString(4, order.origin().value());
                    insert.setString(5, order.destination().value());
                    insert.setBigDecimal(6, order.weight().kilograms());
                    insert.setObject(7, order.customer().id().value());
                    insert.setString(8, order.customer().name().value());
                    insert.setString(9, order.customer().slug().value());
                    insert.setObject(10, Times.instantColumn(ordered));
                    insert.setInt(11, Times.offsetColumn(ordered));
                    insert.setInt(12, Times.nanoColumn(ordered));
                    insert.setObject(13, Times.utc(issued.issuedAt()));
                    insert.setObject(14, row.estimatedDelivery().orElse(null), Types.DATE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private record Issued(IssuedTrackingNumber issued, Optional<LocalDate> estimatedDelivery) {}
}
