package io.waybill.adapters.http;

import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Location;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.TrackingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public's view of a shipment, for the receiver's tracking page. Built as a whitelist: only what is put here is
 * shown, so a field added to the domain cannot leak. No streets, no ids of people, no descriptions, prices, customer
 * or weight; names and phone numbers masked.
 */
final class PublicShipmentJson {

    private PublicShipmentJson() {}

    static Map<String, Object> of(Shipment shipment) {
        ShipmentDetails details = shipment.details();
        Map<String, Object> json = new LinkedHashMap<>(16);
        json.put("tracking_number", shipment.key().number().value());
        json.put("carrier", shipment.key().carrier().code());
        json.put("status", shipment.status().code());
        json.put("status_label", shipment.status().label());
        json.put("estimated_delivery", JsonTimes.of(shipment.estimatedDelivery()));
        json.put("destination", destination(details));
        json.put("events", shipment.events().stream().map(PublicShipmentJson::event).toList());
        json.put("current_location", shipment.currentLocation().map(PublicShipmentJson::location).orElse(null));
        json.put("articles", details.articles().stream().map(PublicShipmentJson::article).toList());
        json.put("sender", details.sender().map(PublicShipmentJson::party).orElse(null));
        json.put("receiver", details.receiver().map(PublicShipmentJson::party).orElse(null));
        return json;
    }

    private static Map<String, Object> destination(ShipmentDetails details) {
        Address address = details.receiver().map(Party::address).orElse(Address.NONE);
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("city", address.city().orElse(null));
        json.put("zip", address.zip().orElse(null));
        json.put("country", address.country().or(details::destination).map(CountryCode::value).orElse(null));
        return json;
    }

    private static Map<String, Object> event(TrackingEvent event) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("time", JsonTimes.of(event.time()));
        json.put("status", event.status().code());
        json.put("status_label", event.status().label());
        json.put("location", event.location().map(PublicShipmentJson::location).orElse(null));
        return json;
    }

    private static Map<String, Object> location(Location location) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("title", location.title());
        json.put("city", location.city().orElse(null));
        return json;
    }

    private static Map<String, Object> article(Article article) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("name", article.name());
        json.put("quantity", article.quantity());
        json.put("sku", article.sku().orElse(null));
        return json;
    }

    static Map<String, Object> party(Party party) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("name", party.maskedName().orElse(null));
        json.put("phone", party.phone().map(Phone::masked).orElse(null));
        return json;
    }

    /** An address as the public may see it: without its street. */
    static Address withoutStreet(Address address) {
        return new Address(Optional.empty(), address.zip(), address.city(), address.country());
    }
}
