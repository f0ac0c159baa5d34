package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.WRONG_KEY;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static io.waybill.adapters.http.TestShipments.UNKNOWN_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.out.StorageUnavailableException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The logistics status system's {@code GET /query} and the track-and-trace system's {@code POST /shipment/}. */
class LegacyRoutesTest {

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        FindShipmentUseCase finding = TestUseCases.finding(TestShipments.ALL);
        server = TestServer.start(TestUseCases.builder().findShipment(query -> {
            switch (query.number().value()) {
                case "TN50300000" -> throw new StorageUnavailableException("pool exhausted", null);
                case "TN50000000" -> throw new IllegalStateException("secret internals");
                default -> {
                    return finding.find(query);
                }
            }
        }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void queryAnswersThePublicInItsEnvelope() {
        HttpResponse<byte[]> response = server.get("/query?sno=TN12345678");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String raw = text(response.body());
        assertThat(raw).startsWith("{\"status\":\"success\",\"data\":{").endsWith(",\"error\":null}");
        assertThat(TestShipments.PRIVATE).allSatisfy(secret -> assertThat(raw).doesNotContain(secret));
        JsonNode data = json(response.body()).get("data");
        assertThat(data.get("sno").asText()).isEqualTo("TN12345678");
        assertThat(data.get("tracking_status").asText()).isEqualTo("In Transit");
        assertThat(data.get("estimated_delivery").asText()).isEqualTo("2026-11-24");
        assertThat(data.get("details").get(1).toString()).isEqualTo("{\"id\":\"e2\",\"date\":\"2026-11-20T15:00:00+08:00\","
                + "\"status\":\"Package Received\",\"location_id\":\"1\",\"location_title\":\"台北物流中心\"}");
        assertThat(data.get("recipient").toString())
                .isEqualTo("{\"name\":\"賴**\",\"address\":\"110 台北市, TW\",\"phone\":\"******678\"}");
        assertThat(data.get("current_location").toString())
                .isEqualTo("{\"location_id\":\"7\",\"title\":\"新竹轉運站\",\"address\":\"300 新竹市, TW\"}");
    }

    @Test
    void queryAnswersStaffInFull() {
        JsonNode data = json(server.get("/query/?sno=TN12345678", STAFF).body()).get("data");

        assertThat(data.get("recipient").toString()).isEqualTo(
                "{\"id\":\"R-0007\",\"name\":\"賴小賴\",\"address\":\"市府路1號, 110 台北市, TW\",\"phone\":\"0912345678\"}");
        assertThat(data.get("current_location").get("address").asText()).isEqualTo("轉運路7號, 300 新竹市, TW");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                  | 400 | sno is required",
        "sno=                | 400 | sno must be a tracking number",
        "sno=TN-1&sno=TN2    | 400 | sno is given more than once",
        "sno=" + UNKNOWN_NUMBER + " | 404 | No shipment has tracking number " + UNKNOWN_NUMBER,
        "sno=TN87654321      | 404 | No shipment has tracking number TN87654321",
        "sno=TN55555555      | 409 | Tracking number TN55555555 belongs to shipments of several carriers (DHL, UPS)",
        "sno=TN50300000      | 503 | Storage is unavailable for now; the request can be retried",
        "sno=TN50000000      | 500 | An unexpected error occurred; it has been logged",
    })
    void queryAnswersEveryErrorInItsEnvelope(String query, int status, String error) {
        HttpResponse<byte[]> response = server.get("/query?" + query);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("status", "data", "error");
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.get("error").asText()).startsWith(error);
    }

    @Test
    void queryAnswersAWrongKeyInItsEnvelope() {
        HttpResponse<byte[]> response = server.get("/query?sno=TN12345678", WRONG_KEY);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response.body()))
                .isEqualTo("{\"status\":\"error\",\"data\":null,\"error\":\"The API key is not valid\"}");
    }

    @Test
    void queryHidesAHiddenShipmentLikeAnUnknownOne() {
        HttpResponse<byte[]> hidden = server.get("/query?sno=TN87654321");
        HttpResponse<byte[]> unknown = server.get("/query?sno=" + UNKNOWN_NUMBER);

        assertThat(text(hidden.body()).replace("TN87654321", "N"))
                .isEqualTo(text(unknown.body()).replace(UNKNOWN_NUMBER, "N"));
        assertThat(withoutRequestId(hidden)).isEqualTo(withoutRequestId(unknown));
    }

    // Each request's id is its own.
    private static Map<String, List<String>> withoutRequestId(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        assertThat(headers.remove("x-request-id")).as("a request id").isNotNull();
        return headers;
    }

    @Test
    void postShipmentAnswersTheViewForTheAudience() {
        String body = "{\"tracking_number\": \"TN12345678\", \"carrier\": \"dhl\", \"extra\": 1}";

        JsonNode publicView = json(server.post("/shipment/", body).body());
        JsonNode staffView = json(server.post("/shipment", body, STAFF).body());

        assertThat(publicView.get("receiver").get("name").asText()).isEqualTo("賴**");
        assertThat(publicView.has("customer")).isFalse();
        assertThat(staffView.get("receiver").get("name").asText()).isEqualTo("賴小賴");
        assertThat(staffView.get("customer").get("slug").asText()).isEqualTo("redbox-logistics");
    }

    @Test
    void postShipmentAnswers404ForAnUnknownOrHiddenShipmentAlike() {
        HttpResponse<byte[]> hidden = server.post("/shipment/", "{\"tracking_number\": \"TN87654321\"}");
        HttpResponse<byte[]> unknown = server.post("/shipment/", "{\"tracking_number\": \"" + UNKNOWN_NUMBER + "\"}");

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(text(hidden.body()).replace("TN87654321", "N"))
                .isEqualTo(text(unknown.body()).replace(UNKNOWN_NUMBER, "N"));
    }

    @Test
    void postShipmentRefusesABadBody() {
        HttpResponse<byte[]> missing = server.post("/shipment/", "{\"carrier\": \"??\"}");
        HttpResponse<byte[]> notJson = server.post("/shipment/", "tracking_number=TN12345678",
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(TestJson.invalidParameters(json(missing.body()))).containsExactly("tracking_number", "carrier");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
