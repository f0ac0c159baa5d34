package io.waybill.adapters.persistence;

import io.waybill.application.port.out.WebhookPayloads;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.webhook.WebhookEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the webhook messages a change to a shipment causes, in the transaction of the change: a rolled-back change
 * leaves none, a committed one leaves them for delivery whatever happens to the instance next. One statement per
 * change, whatever the number of subscriptions or events: an INSERT of a row for each active subscription to each of
 * the change's events ({@link WebhookEvent#between}); none at all for a change that causes no event. Without
 * {@link WebhookPayloads} (a {@link Persistence} opened without them) it records nothing. Thread-safe.
 *
 * <p>Each message goes in one of {@link #LANES} lanes of its subscription, by its shipment ({@link #lane}): a lane's
 * messages are delivered one after the other, in order, and the lanes of a subscription side by side. So a shipment's
 * messages arrive in the order of its changes, while one subscription's messages about many shipments do not wait for
 * each other's round trips.
 */
final class WebhookOutbox {

    /**
     * The lanes of a subscription's messages: how many of them may be under way at once. A change of it moves
     * shipments to other lanes: their messages written before and after could then pass each other.
     */
    static final int LANES = 8;

    static final WebhookOutbox NONE = new WebhookOutbox(Engine.SQLITE, Optional.empty());

    // Subscriptions to an event name it between commas in events (V8). Rows go in the order of the events, so that a
    // subscriber hears of the status change before the delivery it is.
    private static final String INSERT = """
            INSERT INTO webhook_messages (subscription_id, type, data, created_at, state, attempts, next_attempt_at,
                                          lane)
            SELECT s.id, t.type, CAST(? AS TEXT), ?, 'pending', 0, ?, ?
            FROM webhook_subscriptions s
            JOIN (%s) t ON s.events LIKE '%%,' || t.type || ',%%'
            WHERE s.disabled_reason IS NULL
            ORDER BY t.ordinal, s.id
            """;

    private final Engine engine;
    private final Optional<WebhookPayloads> payloads;

    WebhookOutbox(Engine engine, Optional<WebhookPayloads> payloads) {
        this.engine = engine;
        this.payloads = payloads;
    }

    /** The lane of the messages about the shipment stored with {@code shipmentId}. */
    static int lane(long shipmentId) {
        return (int) Math.floorMod(shipmentId, (long) LANES);
    }

    /**
     * Records the messages of the change that gave {@code updated}, stored with {@code shipmentId}, by adding
     * {@code added} to its history.
     */
    void record(Connection connection, long shipmentId, Shipment updated, List<TrackingEvent> added, Instant now)
            throws SQLException {
        if (payloads.isEmpty()) {
            return;
        }
        List<TrackingEvent> earlier = new ArrayList<>(updated.events());
        earlier.removeAll(added);
        Shipment before = new Shipment(updated.key(), updated.details(), earlier, updated.createdAt(),
                updated.version());
        record(connection, WebhookEvent.between(before, updated), shipmentId, updated, now);
    }

    /** Records {@code events} of {@code shipment}, stored with {@code shipmentId}, such as its being stalled. */
    void record(Connection connection, Set<WebhookEvent> events, long shipmentId, Shipment shipment, Instant now)
            throws SQLException {
        if (events.isEmpty() || payloads.isEmpty()) {
            return;
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            types.add("SELECT " + i + " AS ordinal, CAST(? AS VARCHAR(40)) AS type");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                INSERT.formatted(String.join(" UNION ALL ", types)))) {
            insert.setString(1, payloads.get().data(shipment));
            engine.setTime(insert, 2, Times.utc(now));
            engine.setTime(insert, 3, Times.utc(now));
            insert.setInt(4, lane(shipmentId));
            int index = 5;
            for (WebhookEvent event : events) {
                insert.setString(index++, event.type());
            }
            insert.executeUpdate();
        }
    }
}
