package io.waybill.adapters.http;

import io.waybill.domain.TrackingEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff's view of a tracking event, in the shape clients send it: {@code {event_id, time, status, status_label,
 * carrier_status, location, description}}, the location as {@link LocationJson} writes it.
 */
final class EventJson {

    private EventJson() {}

    static Map<String, Object> of(TrackingEvent event) {
        Map<String, Object> json = new LinkedHashMap<>(16);
        json.put("event_id", event.id().value());
        json.put("time", JsonTimes.of(event.time()));
        json.put("status", event.status().code());
        json.put("status_label", event.status().label());
        json.put("carrier_status", event.carrierStatus());
        json.put("location", event.location().map(LocationJson::location).orElse(null));
        json.put("description", event.description().orElse(null));
        return json;
    }
}
