package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.TrackingEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code tracking_events} table: a shipment's history. */
final class EventRows {

    private static final List<String> COLUMNS = List.of("shipment_id", "shipment_version", "event_id", "event_time",
            "event_offset", "event_nano", "status", "carrier_status", "location_kind", "centre_id", "location_title",
            "location_street", "location_zip", "location_city", "location_country", "description", "recorded_at");

    private EventRows() {}

    /** Events a change of one shipment recorded: the shipment's id, the version the change gave it, the events. */
    record Recorded(long shipmentId, long shipmentVersion, List<TrackingEvent> events) {}

    /**
     * Inserts the events in one go ({@link BulkInsert}), each change's in the order given, which is the order of
     * recording for events at the same time.
     */
    static void insert(Engine engine, Connection connection, List<Recorded> changes, Instant recordedAt) throws SQLException {
        OffsetDateTime recorded = Times.utc(recordedAt);
        BulkInsert.insert(engine, connection, "tracking_events", COLUMNS, out -> {
            for (Recorded change : changes) {
                for (TrackingEvent event : change.events()) {
                    Optional<Location> location = event.location();
                    out.longInteger(change.shipmentId())
                            .longInteger(change.shipmentVersion())
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
