package io.waybill.adapters.http;

import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import io.waybill.domain.CountryCode;
import io.waybill.domain.CustomerId;
import io.waybill.domain.ShipmentSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipments in a list: {@code {"shipments": [summary...], "next_cursor": token or null}}, each with the weather at its
 * receiver (the page's weather looked up at once, so that the page waits at most one timeout for it).
 */
final class ShipmentSummaryJson {

    private ShipmentSummaryJson() {}

    static Map<String, Object> page(Page page, FindWeatherUseCase findWeather) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("shipments", summaries(page, findWeather));
        json.put("next_cursor", page.next().map(Cursor::token).orElse(null));
        return json;
    }

    static List<Map<String, Object>> summaries(Page page, FindWeatherUseCase findWeather) {
        List<ShipmentSummary> shipments = page.shipments();
        List<Answer> weather = findWeather.at(shipments.stream().map(ShipmentSummary::receiver).toList());
        List<Map<String, Object>> json = new ArrayList<>(shipments.size());
        for (int i = 0; i < shipments.size(); i++) {
            json.add(of(shipments.get(i), weather.get(i)));
        }
        return json;
    }

    private static Map<String, Object> of(ShipmentSummary summary, Answer weather) {
        Map<String, Object> json = new LinkedHashMap<>(16);
        json.put("tracking_number", summary.key().number().value());
        json.put("carrier", summary.key().carrier().code());
        json.put("status", summary.status().code());
        json.put("origin_country", summary.origin().map(CountryCode::value).orElse(null));
        json.put("destination_country", summary.destination().map(CountryCode::value).orElse(null));
        json.put("customer_id", summary.customer().map(CustomerId::toString).orElse(null));
        json.put("created_at", JsonTimes.of(summary.createdAt()));
        json.put("estimated_delivery", JsonTimes.of(summary.estimatedDelivery()));
        WeatherJson.put(json, weather);
        return json;
    }
}
