package io.waybill.adapters.http;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Location;
import io.waybill.domain.TrackingEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff's view of a tracking event, its location and addresses, in the shapes clients send them: an event as
 * {@code {event_id, time, status, status_label, carrier_status, location, description}}, a centre as
 * {@code {id, title, address}}, a place as its address {@code {street, zip, city, country}}.
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
        json.put("location", event.location().map(EventJson::location).orElse(null));
        json.put("description", event.description().orElse(null));
        return json;
    }

    static Map<String, Object> location(Location location) {
        if (location instanceof Location.Centre centre) {
            Map<String, Object> json = new LinkedHashMap<>(4);
            json.put("id", centre.id());
            json.put("title", centre.title());
            json.put("address", address(centre.address()));
            return json;
        }
        return address(((Location.Place) location).address());
    }

    static Map<String, Object> address(Address address) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("street", address.street().orElse(null));
        json.put("zip", address.zip().orElse(null));
        json.put("city", address.city().orElse(null));
        json.put("country", address.country().map(CountryCode::value).orElse(null));
        return json;
    }
}
