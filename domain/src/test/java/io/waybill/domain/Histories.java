package io.waybill.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Shipments and tracking events for the domain's tests. */
final class Histories {

    static final ShipmentKey KEY = new ShipmentKey(new CarrierTrackingNumber("TN12345678"), new Carrier("DHL"));
    static final Instant REGISTERED = Instant.parse("2024-03-04T00:00:00Z");
    static final OffsetDateTime START = OffsetDateTime.parse("2024-03-04T08:00:00+08:00");

    private Histories() {}

    static ShipmentDetails details(String origin, String destination) {
        return new ShipmentDetails(Optional.ofNullable(origin).map(CountryCode::of),
                Optional.ofNullable(destination).map(CountryCode::of), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), true);
    }

    /** A domestic shipment without events. */
    static Shipment empty() {
        return new Shipment(KEY, details("TW", "TW"), List.of(), REGISTERED, 0);
    }

    static TrackingEvent event(String id, OffsetDateTime time, ShipmentStatus status) {
        return new TrackingEvent(new EventId(id), time, status, status.label(), Optional.empty(), Optional.empty());
    }

    static TrackingEvent event(String id, String time, ShipmentStatus status) {
        return event(id, OffsetDateTime.parse(time), status);
    }

    static TrackingEvent event(String id, OffsetDateTime time, ShipmentStatus status, Location location) {
        return new TrackingEvent(new EventId(id), time, status, status.label(), Optional.of(location),
                Optional.empty());
    }

    /** Events {@code ev-1}, {@code ev-2}, ... with these statuses, an hour apart from {@link #START}. */
    static List<TrackingEvent> chain(ShipmentStatus... statuses) {
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            events.add(event("ev-" + (i + 1), START.plusHours(i), statuses[i]));
        }
        return events;
    }

    static Location.Centre centre(String id, String title) {
        return new Location.Centre(id, title, Address.of(null, null, title, CountryCode.of("TW")));
    }

    /** The events in time order; events at one instant keep their order (the sort is stable). */
    static List<TrackingEvent> inTimeOrder(List<TrackingEvent> events) {
        return events.stream().sorted(Comparator.comparing(event -> event.time().toInstant())).toList();
    }

    /** Whether every consecutive pair is allowed by {@link ShipmentStatusTest#ALLOWED}, the test's own table. */
    static boolean isLegal(List<TrackingEvent> history) {
        for (int i = 1; i < history.size(); i++) {
            if (!ShipmentStatusTest.allowed(history.get(i - 1).status(), history.get(i).status())) {
                return false;
            }
            if (history.get(i).status() == ShipmentStatus.CANCELLED && handedOver(history.subList(0, i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the carrier has had the parcel: some event is neither created nor an exception. */
    static boolean handedOver(List<TrackingEvent> history) {
        return history.stream().anyMatch(event ->
                event.status() != ShipmentStatus.CREATED && event.status() != ShipmentStatus.EXCEPTION);
    }
}
