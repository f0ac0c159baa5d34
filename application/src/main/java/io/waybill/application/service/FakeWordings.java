package io.waybill.application.service;

import io.waybill.domain.ShipmentStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How carriers word each status in fake histories; every wording is one the built-in status mapping knows. */
final class FakeWordings {

    private static final Map<ShipmentStatus, List<String>> WORDINGS = wordings();

    /** What an exception's description says. */
    static final List<String> EXCEPTIONS = List.of("Parcel damaged in sorting", "Held at customs",
            "Address could not be found", "Parcel lost in transit", "Refused by the recipient");

    private FakeWordings() {}

    /** The wordings of one status. */
    static List<String> of(ShipmentStatus status) {
        return WORDINGS.get(status);
    }

    private static Map<ShipmentStatus, List<String>> wordings() {
        Map<ShipmentStatus, List<String>> wordings = new EnumMap<>(ShipmentStatus.class);
        wordings.put(ShipmentStatus.CREATED, List.of("label created", "info received", "created"));
        wordings.put(ShipmentStatus.RECEIVED, List.of("inbound-scan", "picked up", "scanned", "accepted"));
        wordings.put(ShipmentStatus.IN_TRANSIT, List.of("in_transit", "in-transit", "transit", "departed",
                "arrived at facility"));
        wordings.put(ShipmentStatus.OUT_FOR_DELIVERY, List.of("delivery", "out for delivery", "with courier"));
        wordings.put(ShipmentStatus.DELIVERY_ATTEMPTED, List.of("attempt fail", "failed attempt"));
        wordings.put(ShipmentStatus.DELIVERED, List.of("delivered"));
        wordings.put(ShipmentStatus.RETURNED_TO_SENDER, List.of("returned", "return to sender"));
        wordings.put(ShipmentStatus.EXCEPTION, List.of("exception", "damaged", "held at customs"));
        return wordings;
    }
}
