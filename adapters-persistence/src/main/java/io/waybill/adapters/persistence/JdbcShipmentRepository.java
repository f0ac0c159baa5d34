package io.waybill.adapters.persistence;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores issued numbers through a {@link GroupCommit}, and everything else in a transaction of its own (a batch of
 * registrations in one); reads whole shipments with plain JDBC on {@code dataSource}, the pool behind {@code jdbi}.
 * Batches of
 * registrations keep the tables' statistics current through {@link TableStatistics}. {@link #inOneTransaction} holds a
 * connection of the pool for its transaction ({@link TransactionalShipments}). Thread-safe.
 */
final class JdbcShipmentRepository implements ShipmentRepository, AutoCloseable {

    private static final int MAX_BATCH = 512;

    private final GroupCommit<IssuedRow> groupCommit;
    private final ShipmentWriter writer;
    private final ShipmentReader reader;
    private final ShipmentLister lister;
    private final DataSource dataSource;
    private final Engine engine;
    private final TableStatistics statistics;
    private final WrittenShipments written;

    /** @param written told of every write of shipments, once it has ended */
    JdbcShipmentRepository(Jdbi jdbi, DataSource dataSource, Engine engine, Clock clock, int writers,
            Duration commitTimeout, TableStatistics statistics, ChangeNotifier notifier, WebhookOutbox outbox,
            Metrics metrics, WrittenShipments written) {
        this.groupCommit = new GroupCommit<>("shipments", writers, MAX_BATCH, commitTimeout,
                batch -> {
                    try {
                        insert(jdbi, engine, batch);
                    } finally {
                        written.issued();
                    }
                }, metrics);
        this.writer = new ShipmentWriter(jdbi, engine, clock, notifier, outbox);
        this.reader = new ShipmentReader(dataSource, engine);
        this.lister = new ShipmentLister(jdbi, engine);
        this.dataSource = dataSource;
        this.engine = engine;
        this.statistics = statistics;
        this.written = written;
    }

    // Not announced to the other instances (ChangeNotifier): no one can have cached a number before it is issued
    // (at most the empty entry of a lucky guess, which lives the short negative ttl, as it does on one instance,
    // since issuing refreshes no cache). That keeps NOTIFY, whose commits PostgreSQL serialises, off the hottest route.
    @Override
    public void add(IssuedTrackingNumber issued) {
        groupCommit.commit(IssuedRow.of(issued));
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
        try {
            DatabaseFailures.attempt(what, () -> {
                writer.registerAll(shipments);
                return null;
            });
        } finally {
            written.written(numbers(shipments));
        }
    }

    static Set<CarrierTrackingNumber> numbers(List<Shipment> shipments) {
        Set<CarrierTrackingNumber> numbers = new HashSet<>();
        shipments.forEach(shipment -> numbers.add(shipment.key().number()));
        return numbers;
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
        try {
            DatabaseFailures.attempt("update shipment " + updated.key(), () -> {
                writer.append(updated, expectedVersion, added);
                return null;
            });
        } finally {
            written.written(Set.of(updated.key().number()));
        }
    }

    @Override
    public List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
        return DatabaseFailures.attempt("list shipments", () -> lister.list(filter, after, limit));
    }

    @Override
    public <T> T inOneTransaction(Function<ShipmentRepository, T> work) {
        Connection connection = DatabaseFailures.attempt("begin a transaction", dataSource::getConnection);
        TransactionalShipments transaction = null;
        try {
            DatabaseFailures.attempt("begin a transaction", () -> {
                engine.beginLongTransaction(connection);
                return null;
            });
            transaction = new TransactionalShipments(connection, engine, writer, this);
            T result = work.apply(transaction);
            DatabaseFailures.attempt("commit a transaction of " + transaction.registered() + " registrations", () -> {
                connection.commit();
                return null;
            });
            statistics.registered(transaction.registered());
            return result;
        } catch (RuntimeException | Error e) {
            rollBack(connection);
            throw e;
        } finally {
            close(connection);
            if (transaction != null) {
                written.written(transaction.written());
            }
        }
    }

    private static void rollBack(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException alreadyFailing) {
            // the pool discards a connection whose transaction it cannot end; the work's failure is the one to report
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // returned to the pool or discarded by it either way
        }
    }

    @Override
    public void close() {
        groupCommit.close();
    }

    private static void insert(Jdbi jdbi, Engine engine, List<IssuedRow> batch) throws SQLException {
        jdbi.useTransaction(handle -> {
            try (PreparedStatement insert = handle.getConnection().prepareStatement(IssuedRows.INSERT)) {
                for (IssuedRow row : batch) {
                    IssuedRows.addBatch(engine, insert, row);
                }
                insert.executeBatch();
            }
        });
    }
}
