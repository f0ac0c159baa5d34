package io.waybill.adapters.http;

import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body answering {@code GET /next-tracking-number}: the number, when it was issued, and the order echoed. */
final class IssuedTrackingNumberJson {

    private IssuedTrackingNumberJson() {}

    static Map<String, Object> of(IssuedTrackingNumber issued) {
        Order order = issued.order();
        Map<String, Object> body = new LinkedHashMap<>(16);
        body.put("tracking_number", issued.trackingNumber().value());
        body.put("created_at", JsonTimes.of(issued.issuedAt()));
        body.put("origin_country_id", order.origin().value());
        body.put("destination_country_id", order.destination().value());
        body.put("weight", order.weight().kilograms());
        body.put("customer_id", order.customer().id().value().toString());
        body.put("customer_name", order.customer().name().value());
        body.put("customer_slug", order.customer().slug().value());
        body.put("order_created_at", JsonTimes.of(order.createdAt().value()));
        return body;
    }
}
