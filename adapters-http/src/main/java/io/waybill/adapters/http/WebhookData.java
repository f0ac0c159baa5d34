package io.waybill.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.application.port.out.WebhookPayloads;
import io.waybill.domain.Shipment;

/** A webhook message's data: the staff view of the shipment ({@link StaffShipmentJson}), as JSON. Thread-safe. */
final class WebhookData implements WebhookPayloads {

    private final ObjectMapper mapper = JsonWriter.newMapper();

    @Override
    public String data(Shipment shipment) {
        try {
            return mapper.writeValueAsString(StaffShipmentJson.of(shipment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the staff view of " + shipment.key() + " cannot be written", e);
        }
    }
}
