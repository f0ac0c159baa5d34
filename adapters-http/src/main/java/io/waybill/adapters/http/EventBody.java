package io.waybill.adapters.http;

import static io.waybill.adapters.http.JsonFields.checkedBy;

import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.OrderTime;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads a tracking event {@code {event_id?, time, status?, carrier_status?, location?, description?}}. The time is
 * RFC 3339 with an offset; the status a canonical code; the location as {@link LocationBody} reads it.
 */
final class EventBody {

    private static final OffsetDateTime SOME_TIME = OffsetDateTime.parse("2020-01-01T00:00:00Z");
    private static final EventId SOME_ID = new EventId("x");

    private EventBody() {}

    static Optional<EventInput> event(JsonFields event) {
        event.required("time");
        Optional<EventId> id = event.text("event_id", EventId::new);
        Optional<OffsetDateTime> time = event.text("time", text -> OrderTime.parse(text).value());
        Optional<ShipmentStatus> status = event.text("status", ShipmentStatus::parse);
        Optional<String> carrierStatus = event.text("carrier_status", checkedBy(text -> new TrackingEvent(SOME_ID,
                SOME_TIME, ShipmentStatus.CREATED, text, Optional.empty(), Optional.empty())));
        Optional<Location> location = event.object("location").flatMap(LocationBody::location);
        Optional<String> description = event.text("description", checkedBy(text -> new TrackingEvent(SOME_ID,
                SOME_TIME, ShipmentStatus.CREATED, "x", Optional.empty(), Optional.of(text))));
        if (!event.has("status") && !event.has("carrier_status")) {
            event.fail("status", "is required when carrier_status is not given");
        }
        event.rejectUnknownFields();
        return event.valid()
                ? Optional.of(new EventInput(id, time.orElseThrow(), status, carrierStatus, location, description))
                : Optional.empty();
    }
}
