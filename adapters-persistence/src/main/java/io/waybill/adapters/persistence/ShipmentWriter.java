package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Registers shipments and appends to their histories, each in one transaction (a batch of registrations in one),
 * which also announces the numbers changed to the other instances ({@link ChangeNotifier}).
 * Failures of the database pass as {@link JdbiException}s, or as the {@link SQLException}s of
 * {@link #registerAll}'s plain JDBC. Thread-safe.
 */
final class ShipmentWriter {

    // The version condition makes the update the lock: of two writers that read the same version, the second waits
    // for the first's commit and then finds no row at that version any more.
    private static final String UPDATE = """
            UPDATE shipments
            SET version = version + 1, status = :status, estimated_delivery = :estimated_delivery,
                updated_at = :updated_at
            WHERE tracking_number = :tracking_number AND carrier = :carrier AND version = :expected_version
            """;

    private static final String SELECT_ID =
            "SELECT id FROM shipments WHERE tracking_number = :tracking_number AND carrier = :carrier";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ChangeNotifier notifier;

    ShipmentWriter(Jdbi jdbi, Clock clock, ChangeNotifier notifier) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.notifier = notifier;
    }

    /**
     * Registers every shipment in one transaction: the shipments' rows, their articles and their events each in one
     * go ({@link BulkInsert}), with a read of the new rows' ids after the first.
     *
     * @throws ShipmentExistsException when a key is taken, or given twice; nothing is stored then
     * @throws SQLException when the database fails otherwise
     */
    void registerAll(List<Shipment> shipments) throws SQLException {
        Set<ShipmentKey> keys = new LinkedHashSet<>();
        for (Shipment shipment : shipments) {
            EventRows.requireDistinctIds(shipment.events());
            if (!keys.add(shipment.key())) {
                throw new ShipmentExistsException(shipment.key());
            }
        }
        Instant now = clock.instant();
        try {
            jdbi.useTransaction(handle -> {
                Connection connection = handle.getConnection();
                ShipmentRows.insertAll(connection, shipments);
                Map<ShipmentKey, Long> ids = ShipmentRows.ids(connection, keys);
                ArticleRows.insertAll(connection, shipments, ids);
                EventRows.insert(connection, shipments.stream()
                        .map(shipment -> new EventRows.Recorded(ids.get(shipment.key()), 0, shipment.events()))
                        .toList(), now);
                notifier.announce(connection, keys.stream().map(ShipmentKey::number).distinct().toList());
            });
        } catch (SQLException | JdbiException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ShipmentExistsException(taken(keys));
            }
            throw e;
        }
    }

    // Which key was taken: the failure tells it only in a message that differs between the databases.
    private ShipmentKey taken(Set<ShipmentKey> keys) throws SQLException {
        Set<ShipmentKey> stored = jdbi.withHandle(handle -> ShipmentRows.ids(handle.getConnection(), keys).keySet());
        return keys.stream().filter(stored::contains).findFirst().orElse(keys.iterator().next());
    }

    /**
     * @throws ConcurrentUpdateException when the stored version is not the expected one; nothing is stored then
     * @throws SQLException when the database fails otherwise
     */
    void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) throws SQLException {
        ShipmentKey key = updated.key();
        Instant now = clock.instant();
        try {
            jdbi.useTransaction(handle -> {
                int changed = handle.createUpdate(UPDATE)
                        .bind("status", updated.status().code())
                        .bindByType("estimated_delivery", updated.estimatedDelivery().orElse(null), LocalDate.class)
                        .bind("updated_at", Times.utc(now))
                        .bind("tracking_number", key.number().value())
                        .bind("carrier", key.carrier().code())
                        .bind("expected_version", expectedVersion)
                        .execute();
                if (changed == 0) {
                    throw new ConcurrentUpdateException(key);
                }
                long id = handle.createQuery(SELECT_ID)
                        .bind("tracking_number", key.number().value())
                        .bind("carrier", key.carrier().code())
                        .mapTo(Long.class)
                        .one();
                EventRows.insert(handle.getConnection(), List.of(new EventRows.Recorded(id, expectedVersion + 1, added)),
                        now);
                notifier.announce(handle.getConnection(), List.of(key.number()));
            });
        } catch (SQLException | JdbiException e) {
            // An event id stored already: another writer recorded it, whatever the version said.
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException(key);
            }
            throw e;
        }
    }
}
