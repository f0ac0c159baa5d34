package io.waybill.application.port.out;

import io.waybill.domain.Shipment;

/** How a shipment is written into a webhook message's {@code data}: the staff view, as JSON. Thread-safe. */
@FunctionalInterface
public interface WebhookPayloads {

    String data(Shipment shipment);
}
