package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

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

    private static final List<String> COLUMNS = List.of("shipment_id", "shipment_version", "event_id", "event_time",
            "event_offset", "event_nano", "status", "carrier_status", "location_kind", "centre_id", "location_title",
            "location_street", "location_zip", "location_city", "location_country", "description", "recorded_at");

    private EventRows() {}

    /**
     * The events of every shipment, by the shipments' ids, as the version 0 that registration gives them, in one go
     * ({@link BulkInsert}); each shipment's in the order given.
     */
    static void insertAll(Connection connection, List<Shipment> shipments, Map<ShipmentKey, Long> ids,
            Instant recordedAt) throws SQLException {
        OffsetDateTime recorded = Times.utc(recordedAt);
        BulkInsert.insert(connection, "tracking_events", COLUMNS, out -> {
            for (Shipment shipment : shipments) {
                long shipmentId = ids.get(shipment.key());
                for (TrackingEvent event : shipment.events()) {
                    Optional<Location> location = event.location();
                    out.longInteger(shipmentId)
                            .longInteger(0)
                            .text(event.id().value())
                            .time(Optional.of(event.time()))
                            .text(event.status().code())
                            .text(event.carrierStatus())
                            .text(location.map(EventRows::kind))
                            .text(centre(location).map(Location.Centre::id))
                            .text(centre(location).map(Location.Centre::title))
                            .address(location.map(EventRows::address))
                            .text(event.description())
                            .timestamp(recorded)
                            .endRow();
                }
            }
        });
    }

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

    /** The location that {@link #insert} stored as {@code kind}, centre id, title and address. */
    static Optional<Location> location(String kind, String centreId, String title, Address address) {
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "centre" -> new Location.Centre(centreId, title, address);
            case "place" -> new Location.Place(address);
            default -> throw new IllegalStateException("unknown location kind " + kind);
        });
    }
}
