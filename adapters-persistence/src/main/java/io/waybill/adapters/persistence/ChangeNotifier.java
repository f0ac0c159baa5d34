package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Collection;

/**
 * Announces changes to shipments inside the transaction that makes them, so that the announcement is delivered if and
 * only if the change commits, and only after it has.
 */
@FunctionalInterface
interface ChangeNotifier {

    void announce(Connection connection, Collection<CarrierTrackingNumber> numbers) throws SQLException;

    /**
     * A row of {@code shipment_changes} for each notice ({@link SqliteShipmentChanges} reads them), and, at most once
     * every {@code keep}, the deletion of the rows older than {@code keep}.
     */
    static ChangeNotifier sqlite(String origin, Clock clock, Duration keep) {
        AtomicReference<Instant> nextCleanUp = new AtomicReference<>(Instant.MIN);
        return (connection, numbers) -> {
            if (numbers.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO shipment_changes (notice, changed_at) VALUES (?, ?)")) {
                for (String notice : ChangeNotices.payloads(origin, numbers)) {
                    insert.setString(1, notice);
                    Engine.SQLITE.setTime(insert, 2, Times.utc(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Instant due = nextCleanUp.get();
            if (!now.isBefore(due) && nextCleanUp.compareAndSet(due, now.plus(keep))) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM shipment_changes WHERE changed_at < ?")) {
                    Engine.SQLITE.setTime(delete, 1, Times.utc(now.minus(keep)));
                    delete.executeUpdate();
                }
            }
        };
    }

    /** PostgreSQL's {@code pg_notify}, one statement for all of a transaction's numbers whatever their count. */
    static ChangeNotifier postgres(ChangeChannel channel) {
        return (connection, numbers) -> {
            if (numbers.isEmpty()) {
                return;
            }
            Object[] payloads = ChangeNotices.payloads(channel.origin(), numbers).toArray();
            try (PreparedStatement notify =
                    connection.prepareStatement("SELECT pg_notify(?, payload) FROM unnest(?) AS payload")) {
                notify.setString(1, channel.name());
                notify.setArray(2, connection.createArrayOf("text", payloads));
                notify.execute();
            }
        };
    }
}
