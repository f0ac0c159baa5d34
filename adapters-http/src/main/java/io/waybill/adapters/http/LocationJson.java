package io.waybill.adapters.http;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff's view of a location and of an address, in the shapes clients send them: a centre as
 * {@code {id, title, address}}, a place as its address {@code {street, zip, city, country}}.
 */
final class LocationJson {

    private LocationJson() {}

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
