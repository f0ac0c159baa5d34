package io.waybill.adapters.http.page;

import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Location;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What the tracking page shows of a shipment: the public view of {@code GET /api/v1/shipments/{number}} without a
 * key, and less (no names, phones or SKUs). Built as a whitelist, like that view, so that a field added to the domain
 * cannot reach the page: no streets, prices, descriptions, customer, weight or carrier's wording.
 */
record TrackedParcel(String number, String carrier, ShipmentStatus status, Optional<LocalDate> estimatedDelivery,
        Optional<Place> currentLocation, Destination destination, List<Event> events, List<Item> articles) {

    /** A place as the public may see it: a centre's title or a city, and the city when the title is not it. */
    record Place(String title, Optional<String> city) {}

    record Destination(Optional<String> zip, Optional<String> city, Optional<CountryCode> country) {}

    /** An event at its local time, with the offset the carrier reported. */
    record Event(OffsetDateTime time, ShipmentStatus status, Optional<Place> location) {}

    record Item(String name, int quantity) {}

    static TrackedParcel of(Shipment shipment) {
        Address receiver = shipment.details().receiver().map(Party::address).orElse(Address.NONE);
        return new TrackedParcel(shipment.key().number().value(), shipment.key().carrier().code(), shipment.status(),
                shipment.estimatedDelivery(), shipment.currentLocation().map(TrackedParcel::place),
                new Destination(receiver.zip(), receiver.city(), receiver.country().or(shipment.details()::destination)),
                shipment.events().stream().map(TrackedParcel::event).toList(),
                shipment.details().articles().stream().map(TrackedParcel::item).toList());
    }

    /**
     * Whether the estimated day has passed without a delivery, judged in the offset of the latest event (the place
     * nearest the parcel that Waybill knows of), or in UTC before any.
     */
    boolean delayed(Instant now) {
        if (status == ShipmentStatus.DELIVERED || estimatedDelivery.isEmpty()) {
            return false;
        }
        ZoneOffset offset = events.isEmpty() ? ZoneOffset.UTC : events.get(events.size() - 1).time().getOffset();
        return estimatedDelivery.get().isBefore(LocalDate.ofInstant(now, offset));
    }

    private static Place place(Location location) {
        return new Place(location.title(), location.city().filter(city -> !city.equals(location.title())));
    }

    private static Event event(TrackingEvent event) {
        return new Event(event.time(), event.status(), event.location().map(TrackedParcel::place));
    }

    private static Item item(Article article) {
        return new Item(article.name(), article.quantity());
    }
}
