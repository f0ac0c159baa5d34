package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingRequests.CENTRE_STREET;
import static io.waybill.bootstrap.TrackingRequests.DESCRIPTION;
import static io.waybill.bootstrap.TrackingRequests.NUMBER;
import static io.waybill.bootstrap.TrackingRequests.RECEIVER_STREET;
import static io.waybill.bootstrap.TrackingRequests.SENDER_STREET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bootstrap.TrackingClient.Response;

/** What staff and the public see of the shipment {@link TrackingRequests#FULL_SHIPMENT}. */
final class TrackingViews {

    private TrackingViews() {}

    /** Everything, unescaped; with the scenario's whole history once it is delivered. */
    static void assertStaffView(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        assertThat(response.body()).contains("\"name\":\"賴小賴\"", RECEIVER_STREET, SENDER_STREET).doesNotContain("\\u");
        JsonNode view = response.json();
        assertThat(view.get("tracking_number").asText()).isEqualTo(NUMBER);
        assertThat(view.get("carrier").asText()).isEqualTo("DHL");
        assertThat(view.get("receiver").get("address").get("street").asText()).isEqualTo(RECEIVER_STREET);
        assertThat(view.get("receiver").get("phone").asText()).isEqualTo("091234567");
        assertThat(view.get("customer").get("slug").asText()).isEqualTo("redbox-logistics");
        assertThat(view.get("weight_kg").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(view.get("articles").findValuesAsText("sku")).containsExactly("TEA-0001", "CUP-0002");
        assertThat(view.get("articles").get(0).get("price").decimalValue()).isEqualByComparingTo("450.75");
        assertThat(view.get("articles").get(1).get("price").decimalValue()).isEqualByComparingTo("99");
        if (view.get("status").asText().equals("delivered")) {
            assertThat(view.get("events").findValuesAsText("event_id"))
                    .containsExactly("e1", "e2", "e-late", "scan-3", "e5");
            assertThat(view.get("events").get(3).get("description").asText()).isEqualTo(DESCRIPTION);
            assertThat(view.get("current_location").toString())
                    .isEqualTo("{\"street\":null,\"zip\":\"300\",\"city\":\"新竹市\",\"country\":\"TW\"}");
        }
    }

    /** The delivered shipment for its receiver's tracking page: masked, no streets, prices or descriptions. */
    static void assertPublicView(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"賴**\"").doesNotContain(RECEIVER_STREET, SENDER_STREET,
                CENTRE_STREET, "street", "小賴", "091234567", "price", "450.75", "description", DESCRIPTION,
                "R-0007", "S-0001", "customer", "redbox", "weight", "public_tracking", "\\u");
        JsonNode view = response.json();
        assertThat(view.fieldNames()).toIterable().containsExactly("tracking_number", "carrier", "status",
                "status_label", "estimated_delivery", "destination", "events", "current_location", "articles",
                "sender", "receiver", "weather", "weather_unavailable");
        assertThat(view.get("status").asText()).isEqualTo("delivered");
        assertThat(view.get("receiver").toString()).isEqualTo("{\"name\":\"賴**\",\"phone\":\"******567\"}");
        assertThat(view.get("sender").toString()).isEqualTo("{\"name\":\"W**\",\"phone\":\"******789\"}");
        assertThat(view.get("destination").toString())
                .isEqualTo("{\"city\":\"台北市\",\"zip\":\"100\",\"country\":\"TW\"}");
        assertThat(view.get("articles").toString()).isEqualTo("[{\"name\":\"烏龍茶\",\"quantity\":2,\"sku\":\"TEA-0001\"},"
                + "{\"name\":\"Tea cup\",\"quantity\":1,\"sku\":\"CUP-0002\"}]");
        assertThat(view.get("events").findValuesAsText("status"))
                .containsExactly("created", "received", "in_transit", "in_transit", "delivered");
        assertThat(view.get("events").get(1).toString()).isEqualTo("{\"time\":\"2026-11-20T15:00:00+08:00\","
                + "\"status\":\"received\",\"status_label\":\"Package Received\",\"location\":{\"title\":\"台北物流中心\","
                + "\"city\":\"台北市\"}}");
        assertThat(view.get("current_location").toString()).isEqualTo("{\"title\":\"新竹市\",\"city\":\"新竹市\"}");
    }
}
