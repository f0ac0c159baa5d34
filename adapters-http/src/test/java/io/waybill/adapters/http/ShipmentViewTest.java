package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestJson.fieldNames;
import static io.waybill.adapters.http.TestJson.invalidParameters;
import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static io.waybill.adapters.http.TestShipments.UNKNOWN_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/shipments/{tracking_number}}: staff's view with a key, the public's without. */
class ShipmentViewTest {

    private static final String PATH = "/api/v1/shipments/";
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        var finding = TestUseCases.finding(TestShipments.ALL);
        server = TestServer.start(TestUseCases.builder().findShipment(query -> {
            CALLS.incrementAndGet();
            return finding.find(query);
        }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void staffSeeEverything() {
        HttpResponse<byte[]> response = server.get(PATH + "tn12345678", STAFF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        JsonNode body = json(response.body());
        assertThat(body.get("tracking_number").asText()).isEqualTo("TN12345678");
        assertThat(body.get("carrier").asText()).isEqualTo("DHL");
        assertThat(body.get("status").asText()).isEqualTo("in_transit");
        assertThat(body.get("status_label").asText()).isEqualTo("In Transit");
        assertThat(body.get("carrier_status").asText()).isEqualTo("In Transit");
        assertThat(body.get("origin_country").asText()).isEqualTo("TW");
        assertThat(body.get("weight_kg").decimalValue()).isEqualByComparingTo(new BigDecimal("3.217"));
        assertThat(body.get("customer").get("slug").asText()).isEqualTo("redbox-logistics");
        assertThat(body.get("ordered_at").asText()).isEqualTo("2026-11-19T10:00:00+08:00");
        assertThat(body.get("receiver").get("id").asText()).isEqualTo("R-0007");
        assertThat(body.get("receiver").get("name").asText()).isEqualTo("賴小賴");
        assertThat(body.get("receiver").get("address").get("street").asText()).isEqualTo("市府路1號");
        assertThat(body.get("receiver").get("phone").asText()).isEqualTo("0912345678");
        assertThat(body.get("articles").get(0).get("price").decimalValue()).isEqualByComparingTo("450.75");
        assertThat(body.get("events")).hasSize(3);
        JsonNode first = body.get("events").get(0);
        assertThat(first.get("event_id").asText()).isEqualTo("e1");
        assertThat(first.get("time").asText()).isEqualTo("2026-11-20T09:00:00+08:00");
        assertThat(first.get("location").get("id").asText()).isEqualTo("1");
        assertThat(first.get("location").get("address").get("street").asText()).isEqualTo("倉庫路5號");
        assertThat(first.get("description").asText()).isEqualTo("label printed");
        assertThat(body.get("events").get(2).get("description").isNull()).isTrue();
        assertThat(body.get("current_location").get("title").asText()).isEqualTo("新竹轉運站");
        assertThat(body.get("estimated_delivery").asText()).isEqualTo("2026-11-24");
        assertThat(body.get("public_tracking").asBoolean()).isTrue();
        assertThat(body.get("created_at").asText()).isEqualTo("2026-11-20T00:30:00Z");
    }

    @Test
    void thePublicSeeOnlyTheWhitelist() {
        HttpResponse<byte[]> response = server.get(PATH + "TN12345678");

        assertThat(response.statusCode()).isEqualTo(200);
        String raw = text(response.body());
        assertThat(TestShipments.PRIVATE).allSatisfy(secret -> assertThat(raw).doesNotContain(secret));
        JsonNode body = json(response.body());
        assertThat(fieldNames(body)).doesNotContain("street", "price", "description", "customer", "weight_kg", "id",
                "event_id", "carrier_status", "ordered_at", "public_tracking", "address");
        assertThat(body.get("status_label").asText()).isEqualTo("In Transit");
        assertThat(body.get("estimated_delivery").asText()).isEqualTo("2026-11-24");
        assertThat(body.get("destination").toString()).isEqualTo("{\"city\":\"台北市\",\"zip\":\"110\",\"country\":\"TW\"}");
        assertThat(body.get("receiver").toString()).isEqualTo("{\"name\":\"賴**\",\"phone\":\"******678\"}");
        assertThat(body.get("sender").get("name").asText()).isEqualTo("紅**");
        assertThat(body.get("events").get(0).toString()).isEqualTo("{\"time\":\"2026-11-20T09:00:00+08:00\","
                + "\"status\":\"created\",\"status_label\":\"Created\",\"location\":{\"title\":\"台北物流中心\","
                + "\"city\":\"台北市\"}}");
        assertThat(body.get("current_location").toString()).isEqualTo("{\"title\":\"新竹轉運站\",\"city\":\"新竹市\"}");
        assertThat(body.get("articles").get(0).toString()).isEqualTo("{\"name\":\"烏龍茶\",\"quantity\":2,\"sku\":\"TEA-1\"}");
    }

    @Test
    void writesChineseAsUtf8WithoutEscapes() {
        String raw = text(server.get(PATH + "TN12345678").body());

        assertThat(raw).contains("台北物流中心").contains("賴**").doesNotContain("\\u");
    }

    @Test
    void aHiddenShipmentLooksToThePublicExactlyLikeAnUnknownOne() {
        String hidden = TestShipments.HIDDEN.key().number().value();

        HttpResponse<byte[]> hiddenResponse = server.get(PATH + hidden);
        HttpResponse<byte[]> unknownResponse = server.get(PATH + UNKNOWN_NUMBER);

        assertThat(hiddenResponse.statusCode()).isEqualTo(404).isEqualTo(unknownResponse.statusCode());
        // Date says when each was answered, nothing about the shipment; the two may fall in different seconds. The
        // request id is each request's own.
        assertThat(withoutDate(hiddenResponse)).isEqualTo(withoutDate(unknownResponse));
        assertThat(text(hiddenResponse.body()).replace(hidden, "N"))
                .isEqualTo(text(unknownResponse.body()).replace(UNKNOWN_NUMBER, "N"));
        assertThat(json(unknownResponse.body()).get("detail").asText())
                .isEqualTo("No shipment has tracking number " + UNKNOWN_NUMBER);
        assertThat(server.get(PATH + hidden, STAFF).statusCode()).isEqualTo(200);
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        assertThat(headers.remove("date")).as("a Date field").isNotNull();
        assertThat(headers.remove("x-request-id")).as("a request id").isNotNull();
        return headers;
    }

    @Test
    void answersAnAmbiguousNumberWith409ListingTheCarriers() {
        HttpResponse<byte[]> response = server.get(PATH + "TN55555555");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).get("carriers").toString()).isEqualTo("[\"DHL\",\"UPS\"]");
        JsonNode chosen = json(server.get(PATH + "TN55555555?carrier=ups").body());
        assertThat(chosen.get("carrier").asText()).isEqualTo("UPS");
    }

    @Test
    void refusesAMalformedNumberOrCarrierBeforeAskingTheUseCase() {
        int before = CALLS.get();

        HttpResponse<byte[]> response = server.get(PATH + "TN-1?carrier=%20&carrier=DHL", STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response.body());
        assertThat(invalidParameters(problem)).containsExactly("tracking_number", "carrier");
        assertThat(problem.get("detail").asText()).isEqualTo("2 parameters are invalid");
        assertThat(CALLS).hasValue(before);
    }
}
