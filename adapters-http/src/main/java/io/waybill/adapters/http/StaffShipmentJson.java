package io.waybill.adapters.http;

import io.waybill.domain.Article;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import java.util.LinkedHashMap;
import java.util.Map;

/** Staff's view of a shipment: everything Waybill knows about it. Every member is written, null when unknown. */
final class StaffShipmentJson {

    private StaffShipmentJson() {}

    static Map<String, Object> of(Shipment shipment) {
        ShipmentDetails details = shipment.details();
        Map<String, Object> json = new LinkedHashMap<>(32);
        json.put("tracking_number", shipment.key().number().value());
        json.put("carrier", shipment.key().carrier().code());
        json.put("status", shipment.status().code());
        json.put("status_label", shipment.status().label());
        json.put("carrier_status", shipment.latest().map(TrackingEvent::carrierStatus).orElse(null));
        json.put("origin_country", details.origin().map(CountryCode::value).orElse(null));
        json.put("destination_country", details.destination().map(CountryCode::value).orElse(null));
        json.put("weight_kg", details.weight().map(Weight::kilograms).orElse(null));
        json.put("customer", details.customer().map(StaffShipmentJson::customer).orElse(null));
        json.put("ordered_at", details.orderedAt().map(time -> JsonTimes.of(time.value())).orElse(null));
        json.put("sender", details.sender().map(StaffShipmentJson::party).orElse(null));
        json.put("receiver", details.receiver().map(StaffShipmentJson::party).orElse(null));
        json.put("articles", details.articles().stream().map(StaffShipmentJson::article).toList());
        json.put("events", shipment.events().stream().map(EventJson::of).toList());
        json.put("current_location", shipment.currentLocation().map(LocationJson::location).orElse(null));
        json.put("estimated_delivery", JsonTimes.of(shipment.estimatedDelivery()));
        json.put("public_tracking", details.publicTracking());
        json.put("created_at", JsonTimes.of(shipment.createdAt()));
        return json;
    }

    private static Map<String, Object> customer(Customer customer) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("id", customer.id().value().toString());
        json.put("name", customer.name().value());
        json.put("slug", customer.slug().value());
        return json;
    }

    private static Map<String, Object> party(Party party) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("id", party.id().orElse(null));
        json.put("name", party.name().orElse(null));
        json.put("address", LocationJson.address(party.address()));
        json.put("phone", party.phone().map(Phone::value).orElse(null));
        return json;
    }

    private static Map<String, Object> article(Article article) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("name", article.name());
        json.put("quantity", article.quantity());
        json.put("price", article.price().orElse(null));
        json.put("sku", article.sku().orElse(null));
        return json;
    }
}
