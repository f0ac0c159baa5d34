package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Registers shipments and appends to their histories, each in one transaction (a batch of registrations in one), or
 * in a transaction the caller holds, which also announces the numbers changed to the other instances
 * ({@link ChangeNotifier}) and records the webhook messages an update causes ({@link WebhookOutbox}; registration
 * causes none).
 * Failures of the database pass as {@link JdbiException}s, or as the {@link SQLException}s of
 * {@link #registerAll}'s plain JDBC. Thread-safe.
 */
final class ShipmentWriter {

    // The version condition makes the update the lock: of two writers that read the same version, the second waits
    // for the first's commit and then finds no row at that version any more.
    private static final String UPDATE = """
            UPDATE shipments
            SET version = version + 1, status = ?, estimated_delivery = ?, updated_at = ?
            WHERE tracking_number = ? AND carrier = ? AND version = ?
            """;

    private static final String SELECT_ID = "SELECT id FROM shipments WHERE tracking_number = ? AND carrier = ?";

    private final Jdbi jdbi;
    private final Engine engine;
    private final Clock clock;
    private final ChangeNotifier notifier;
    private final WebhookOutbox outbox;

    ShipmentWriter(Jdbi jdbi, Engine engine, Clock clock, ChangeNotifier notifier, WebhookOutbox outbox) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.clock = clock;
        this.notifier = notifier;
        this.outbox = outbox;
    }

    /**
     * Registers every shipment in one transaction: the shipments' rows, their articles and their events each in one
     * go ({@link BulkInsert}), with a read of the new rows' ids after the first.
     *
     * @throws ShipmentExistsException when a key is taken, or given twice; nothing is stored then
     * @throws SQLException when the database fails otherwise
     */
    void registerAll(List<Shipment> shipments) throws SQLException {
        Set<ShipmentKey> keys = keys(shipments);
        Instant now = clock.instant();
        try {
            jdbi.useTransaction(handle -> insertAll(handle.getConnection(), shipments, keys, now));
        } catch (SQLException | JdbiException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ShipmentExistsException(
                        taken(jdbi.withHandle(handle -> ShipmentRows.ids(engine, handle.getConnection(), keys).keySet()), keys));
            }
            throw e;
        }
    }

    /** As {@link #registerAll(List)}, in the transaction of {@code connection}, which a failure leaves as it was. */
    void registerAll(Connection connection, List<Shipment> shipments) throws SQLException {
        Set<ShipmentKey> keys = keys(shipments);
        try {
            Jdbc.inSavepoint(connection, () -> insertAll(connection, shipments, keys, clock.instant()));
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ShipmentExistsException(taken(ShipmentRows.ids(engine, connection, keys).keySet(), keys));
            }
            throw e;
        }
    }

    private static Set<ShipmentKey> keys(List<Shipment> shipments) {
        Set<ShipmentKey> keys = new LinkedHashSet<>();
        for (Shipment shipment : shipments) {
            EventRows.requireDistinctIds(shipment.events());
            if (!keys.add(shipment.key())) {
                throw new ShipmentExistsException(shipment.key());
            }
        }
        return keys;
    }

    private void insertAll(Connection connection, List<Shipment> shipments, Set<ShipmentKey> keys, Instant now)
            throws SQLException {
        ShipmentRows.insertAll(engine, connection, shipments);
        Map<ShipmentKey, Long> ids = ShipmentRows.ids(engine, connection, keys);
        ArticleRows.insertAll(engine, connection, shipments, ids);
        EventRows.insert(engine, connection, shipments.stream()
                .map(shipment -> new EventRows.Recorded(ids.get(shipment.key()), 0, shipment.events()))
                .toList(), now);
        notifier.announce(connection, keys.stream().map(ShipmentKey::number).distinct().toList());
    }

    // Which key was taken: the failure tells it only in a message that differs between the databases.
    private static ShipmentKey taken(Set<ShipmentKey> stored, Set<ShipmentKey> keys) {
        return keys.stream().filter(stored::contains).findFirst().orElse(keys.iterator().next());
    }

    /**
     * @throws ConcurrentUpdateException when the stored version is not the expected one; nothing is stored then
     * @throws SQLException when the database fails otherwise
     */
    void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) throws SQLException {
        Instant now = clock.instant();
        try {
            jdbi.useTransaction(handle -> update(handle.getConnection(), updated, expectedVersion, added, now));
        } catch (SQLException | JdbiException e) {
            // An event id stored already: another writer recorded it, whatever the version said.
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException(updated.key());
            }
            throw e;
        }
    }

    /** As {@link #append(Shipment, long, List)}, in the transaction of {@code connection}, which a failure leaves. */
    void append(Connection connection, Shipment updated, long expectedVersion, List<TrackingEvent> added)
            throws SQLException {
        try {
            Jdbc.inSavepoint(connection, () -> update(connection, updated, expectedVersion, added, clock.instant()));
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException(updated.key());
            }
            throw e;
        }
    }

    private void update(Connection connection, Shipment updated, long expectedVersion, List<TrackingEvent> added,
            Instant now) throws SQLException {
        ShipmentKey key = updated.key();
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, updated.status().code());
            engine.setDate(update, 2, updated.estimatedDelivery().orElse(null));
            engine.setTime(update, 3, Times.utc(now));
            update.setString(4, key.number().value());
            update.setString(5, key.carrier().code());
            update.setLong(6, expectedVersion);
            if (update.executeUpdate() == 0) {
                throw new ConcurrentUpdateException(key);
            }
        }
        long id;
        try (PreparedStatement select = connection.prepareStatement(SELECT_ID)) {
            select.setString(1, key.number().value());
            select.setString(2, key.carrier().code());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        EventRows.insert(engine, connection, List.of(new EventRows.Recorded(id, expectedVersion + 1, added)), now);
        outbox.record(connection, id, updated, added, now);
        notifier.announce(connection, List.of(key.number()));
    }
}
