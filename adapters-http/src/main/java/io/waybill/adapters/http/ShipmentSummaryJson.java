package io.waybill.adapters.http;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import io.waybill.domain.CountryCode;
import io.waybill.domain.CustomerId;
import io.waybill.domain.ShipmentSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shipments in a list: {@code {"shipments": [summary...], "next_cursor": token or null}}. */
final class ShipmentSummaryJson {

    private ShipmentSummaryJson() {}

    static Map<String, Object> page(Page page) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("shipments", summaries(page));
        json.put("next_cursor", page.next().map(Cursor::token).orElse(null));
        return json;
    }

    static List<Map<String, Object>> summaries(Page page) {
        return page.shipments().stream().map(ShipmentSummaryJson::of).toList();
    }

    private static Map<String, Object> of(ShipmentSummary summary) {
        Map<String, Object> json = new LinkedHashMap<>(16);
        json.put("tracking_number", summary.key().number().value());
        json.put("carrier", summary.key().carrier().code());
        json.put("status", summary.status().code());
        json.put("origin_country", summary.origin().map(CountryCode::value).orElse(null));
        json.put("destination_country", summary.destination().map(CountryCode::value).orElse(null));
        json.put("customer_id", summary.customer().map(CustomerId::toString).orElse(null));
        json.put("created_at", JsonTimes.of(summary.createdAt()));
        json.put("estimated_delivery", JsonTimes.of(summary.estimatedDelivery()));
        return json;
    }
}
