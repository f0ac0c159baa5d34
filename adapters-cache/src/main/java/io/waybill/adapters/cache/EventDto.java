package io.waybill.adapters.cache;

import static io.waybill.adapters.cache.JsonNulls.optional;
import static io.waybill.adapters.cache.JsonNulls.orNull;

import io.waybill.domain.EventId;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A tracking event as the cache stores it in JSON: its time as an ISO-8601 string with its offset. */
record EventDto(String id, String time, String status, String carrierStatus, LocationDto location,
        String description) {

    static EventDto of(TrackingEvent event) {
        return new EventDto(event.id().value(), event.time().toString(), event.status().code(),
                event.carrierStatus(), orNull(event.location(), LocationDto::of), event.description().orElse(null));
    }

    TrackingEvent toEvent() {
        return new TrackingEvent(new EventId(id), OffsetDateTime.parse(time),
                ShipmentStatus.parse(status),
                carrierStatus, optional(location, LocationDto::toLocation), Optional.ofNullable(description));
    }
}
