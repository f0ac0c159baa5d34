package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code tracking_events} table: a shipment's history. */
final class EventRows {

    private static final String INSERT = """
            INSERT INTO tracking_events (shipment_id, shipment_version, event_id, event_time, event_offset,
                                         event_nano, status, carrier_status, location_kind, centre_id,
                                         location_title, location_street, location_zip, location_city,
                                         location_country, description, recorded_at)
            VALUES (:shipment_id, :shipment_version, :event_id, :event_time, :event_offset, :event_nano, :status,
                    :carrier_status, :location_kind, :centre_id, :location_title, :location_street, :location_zip,
                    :location_city, :location_country, :description, :recorded_at)
            """;

    /** In history order: time, then the order of recording. Needs {@code <ids>} bound to a list of shipment ids. */
    /** Followed by a condition on the shipments {@code s} whose events to read. */
    static final String SELECT_WHERE = """
            SELECT e.shipment_id, e.shipment_version, e.event_id, e.event_time, e.event_offset, e.event_nano,
                   e.status, e.carrier_status, e.location_kind, e.centre_id, e.location_title, e.location_street,
                   e.location_zip, e.location_city, e.location_country, e.description
            FROM tracking_events e JOIN shipments s ON s.id = e.shipment_id
            WHERE\s""";

    static final String ORDER = " ORDER BY e.shipment_id, e.event_time, e.event_nano, e.id";

    static final RowMapper<Row> MAPPER = EventRows::map;

    private EventRows() {}

    /** Inserts the events in the order given, which is the order of recording for events at the same time. */
    static void insert(Handle handle, long shipmentId, long shipmentVersion, List<TrackingEvent> events,
            Instant recordedAt) {
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (TrackingEvent event : events) {
            Optional<Location> location = event.location();
            batch.bind("shipment_id", shipmentId)
                    .bind("shipment_version", shipmentVersion)
                    .bind("event_id", event.id().value())
                    .bind("event_time", Times.instantColumn(event.time()))
                    .bind("event_offset", Times.offsetColumn(event.time()))
                    .bind("event_nano", Times.nanoColumn(event.time()))
                    .bind("status", event.status().code())
                    .bind("carrier_status", event.carrierStatus())
                    .bind("location_kind", location.map(EventRows::kind).orElse(null))
                    .bind("centre_id", centre(location).map(Location.Centre::id).orElse(null))
                    .bind("location_title", centre(location).map(Location.Centre::title).orElse(null))
                    .bind("description", event.description().orElse(null))
                    .bind("recorded_at", Times.utc(recordedAt));
            Columns.bindAddress(batch, "location", location.map(EventRows::address));
            batch.add();
        }
        batch.execute();
    }

    /** @throws IllegalArgumentException when two events have the same id, which the table would refuse */
    static void requireDistinctIds(List<TrackingEvent> events) {
        Set<EventId> seen = new HashSet<>();
        for (TrackingEvent event : events) {
            if (!seen.add(event.id())) {
                throw new IllegalArgumentException("event id " + event.id() + " appears twice in one history");
            }
        }
    }

    private static String kind(Location location) {
        return location instanceof Location.Centre ? "centre" : "place";
    }

    private static Optional<Location.Centre> centre(Optional<Location> location) {
        return location.filter(Location.Centre.class::isInstance).map(Location.Centre.class::cast);
    }

    private static Address address(Location location) {
        return location instanceof Location.Centre centre ? centre.address() : ((Location.Place) location).address();
    }

    private static Row map(ResultSet row, StatementContext context) throws SQLException {
        String code = row.getString("status");
        TrackingEvent event = new TrackingEvent(
                new EventId(row.getString("event_id")),
                Times.read(row, "event_time", "event_offset", "event_nano").orElseThrow(),
                ShipmentStatus.parse(code),
                row.getString("carrier_status"),
                location(row),
                Columns.text(row, "description"));
        return new Row(row.getLong("shipment_id"), row.getLong("shipment_version"), event);
    }

    private static Optional<Location> location(ResultSet row) throws SQLException {
        String kind = row.getString("location_kind");
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "centre" -> new Location.Centre(
                    row.getString("centre_id"), row.getString("location_title"), Columns.address(row, "location"));
            case "place" -> new Location.Place(Columns.address(row, "location"));
            default -> throw new IllegalStateException("unknown location kind " + kind);
        });
    }

    /** An event of the shipment with database id {@code shipmentId}, recorded by the change to {@code version}. */
    record Row(long shipmentId, long shipmentVersion, TrackingEvent event) {}
}
