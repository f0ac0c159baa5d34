package io.waybill.adapters.http;

import io.waybill.domain.Shipment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What recording events did: the shipment's key, status and estimated delivery after it, and each event sent, in the
 * order sent, as stored, with {@code duplicate} true for those stored before.
 */
final class RecordingJson {

    private RecordingJson() {}

    static Map<String, Object> of(Shipment.Recording recording) {
        Shipment shipment = recording.shipment();
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("tracking_number", shipment.key().number().value());
        json.put("carrier", shipment.key().carrier().code());
        json.put("status", shipment.status().code());
        json.put("estimated_delivery", JsonTimes.of(shipment.estimatedDelivery()));
        json.put("events", recording.outcomes().stream().map(outcome -> {
            Map<String, Object> event = EventJson.of(outcome.event());
            event.put("duplicate", outcome.duplicate());
            return event;
        }).toList());
        return json;
    }
}
