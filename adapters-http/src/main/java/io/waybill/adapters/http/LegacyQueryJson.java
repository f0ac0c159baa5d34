package io.waybill.adapters.http;

import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.domain.Address;
import io.waybill.domain.Location;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code data} of the logistics status system's {@code GET /query?sno=N}: {@code sno}, {@code tracking_status},
 * {@code estimated_delivery}, {@code details}, {@code recipient} and {@code current_location}, statuses as labels
 * such as {@code In Transit}. The public sees the recipient's name and phone masked, no recipient id, and addresses
 * without streets.
 */
final class LegacyQueryJson {

    private LegacyQueryJson() {}

    static Map<String, Object> of(Shipment shipment, Audience audience) {
        boolean staff = audience == Audience.STAFF;
        UnaryOperator<Address> shown = staff ? UnaryOperator.identity() : PublicShipmentJson::withoutStreet;
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("sno", shipment.key().number().value());
        json.put("tracking_status", shipment.status().label());
        json.put("estimated_delivery", JsonTimes.of(shipment.estimatedDelivery()));
        json.put("details", shipment.events().stream().map(LegacyQueryJson::detail).toList());
        json.put("recipient", shipment.details().receiver().map(party -> recipient(party, staff, shown)).orElse(null));
        json.put("current_location",
                shipment.currentLocation().map(location -> currentLocation(location, shown)).orElse(null));
        return json;
    }

    private static Map<String, Object> detail(TrackingEvent event) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("id", event.id().value());
        json.put("date", JsonTimes.of(event.time()));
        json.put("status", event.status().label());
        json.put("location_id", event.location().map(LegacyQueryJson::locationId).orElse(null));
        json.put("location_title", event.location().map(Location::title).orElse(null));
        return json;
    }

    private static Map<String, Object> recipient(Party party, boolean staff, UnaryOperator<Address> shown) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        if (staff) {
            json.put("id", party.id().orElse(null));
        }
        json.put("name", (staff ? party.name() : party.maskedName()).orElse(null));
        json.put("address", shown.apply(party.address()).oneLine());
        json.put("phone", party.phone().map(staff ? Phone::value : Phone::masked).orElse(null));
        return json;
    }

    private static Map<String, Object> currentLocation(Location location, UnaryOperator<Address> shown) {
        Address address = location instanceof Location.Centre centre
                ? centre.address()
                : ((Location.Place) location).address();
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("location_id", locationId(location));
        json.put("title", location.title());
        json.put("address", shown.apply(address).oneLine());
        return json;
    }

    private static String locationId(Location location) {
        return location instanceof Location.Centre centre ? centre.id() : null;
    }
}
