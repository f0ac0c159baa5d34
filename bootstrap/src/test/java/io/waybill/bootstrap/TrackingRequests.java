package io.waybill.bootstrap;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Request bodies of the shipment-tracking API, and the private details the public view must never show. */
final class TrackingRequests {

    static final String NUMBER = "TN12345678";
    static final String RECEIVER_STREET = "仁愛路二段99號";
    static final String SENDER_STREET = "忠孝東路一段1號";
    static final String CENTRE_STREET = "物流路1號";
    static final String DESCRIPTION = "轉運中, left at the side door";

    static final String FULL_SHIPMENT = """
            {"tracking_number": "TN12345678", "carrier": "DHL", "origin_country": "TW", "destination_country": "TW",
             "weight_kg": 1.5, "ordered_at": "2026-11-19T10:00:00+08:00",
             "customer": {"id": "de619854-b59b-425e-9db4-943979e1bd49", "name": "RedBox Logistics",
                          "slug": "redbox-logistics"},
             "sender": {"id": "S-0001", "name": "Waybill Tea Shop", "phone": "02-2345-6789",
                        "address": {"street": "忠孝東路一段1號", "zip": "100", "city": "台北市", "country": "TW"}},
             "receiver": {"id": "R-0007", "name": "賴小賴", "phone": "091234567",
                          "address": {"street": "仁愛路二段99號", "zip": "100", "city": "台北市", "country": "TW"}},
             "articles": [{"name": "烏龍茶", "quantity": 2, "price": 450.75, "sku": "TEA-0001"},
                          {"name": "Tea cup", "quantity": 1, "price": "99", "sku": "CUP-0002"}]}
            """;

    /** Created, then the carrier's "inbound-scan" at a centre: received. */
    static final String FIRST_EVENTS = """
            [{"event_id": "e1", "time": "2026-11-20T09:00:00+08:00", "status": "created"},
             {"event_id": "e2", "time": "2026-11-20T15:00:00+08:00", "carrier_status": "inbound-scan",
              "location": {"id": "1", "title": "台北物流中心",
                           "address": {"street": "物流路1號", "zip": "110", "city": "台北市", "country": "TW"}}}]
            """;

    private TrackingRequests() {}

    static Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    static String event(String id, String time, String field, String status) {
        return "{\"event_id\": \"" + id + "\", \"time\": \"" + time + "\", \"" + field + "\": \"" + status + "\"}";
    }

    /** The scan that the carrier sends twice, the second time with another time. */
    static String scan3(String time) {
        return "{\"event_id\": \"scan-3\", \"time\": \"" + time + "\", \"carrier_status\": \"in_transit\","
                + " \"location\": {\"zip\": \"300\", \"city\": \"新竹市\", \"country\": \"TW\"},"
                + " \"description\": \"" + DESCRIPTION + "\"}";
    }

    static String shipment(String number, String carrier, String origin, String status) {
        String events = switch (status) {
            case "created" -> "[]";
            case "in_transit" -> "[" + event("a", "2026-11-20T09:00:00Z", "status", "created") + ", "
                    + event("b", "2026-11-20T12:00:00Z", "status", "in_transit") + "]";
            case "delivered" -> "[" + event("a", "2026-11-20T09:00:00Z", "status", "in_transit") + ", "
                    + event("b", "2026-11-21T12:00:00Z", "status", "delivered") + "]";
            default -> throw new IllegalArgumentException(status);
        };
        return "{\"tracking_number\": \"" + number + "\", \"carrier\": \"" + carrier + "\", \"origin_country\": \""
                + origin + "\", \"destination_country\": \"TW\", \"events\": " + events + "}";
    }
}
