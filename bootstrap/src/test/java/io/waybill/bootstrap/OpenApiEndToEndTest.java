package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.openapi.DescribedAnswers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole service's answers, on the embedded database, are what openapi.json says they are: a shipment registered,
 * its events recorded, looked up every way, listed, a number issued, reports made and read, each answer valid against
 * the schema described for its route and status ({@link DescribedAnswers}).
 */
class OpenApiEndToEndTest {

    private static final String KEY = "an-openapi-test-key-0123456789";
    private static final DescribedAnswers DESCRIBED = DescribedAnswers.load();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void realAnswersMatchTheirDescription() throws Exception {
        try (Waybill waybill = Waybill.start(
                WaybillConfig.embedded().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))))) {
            String base = "http://127.0.0.1:" + waybill.httpPort().orElseThrow();
            String shipment = "/api/v1/shipments/{tracking_number}";
            check(base, "POST", "/api/v1/shipments", "/api/v1/shipments", TrackingRequests.FULL_SHIPMENT, true, 201);
            check(base, "POST", "/api/v1/shipments/{tracking_number}/events",
                    "/api/v1/shipments/TN12345678/events?carrier=DHL", TrackingRequests.FIRST_EVENTS, true, 201);
            check(base, "GET", shipment, "/api/v1/shipments/TN12345678?carrier=DHL", null, false, 200);
            check(base, "GET", shipment, "/api/v1/shipments/TN12345678?carrier=DHL", null, true, 200);
            check(base, "GET", shipment, "/api/v1/shipments/TN00000000", null, false, 404);
            check(base, "GET", "/query", "/query?sno=TN12345678", null, false, 200);
            check(base, "GET", "/query", "/query?sno=TN12345678", null, true, 200);
            check(base, "POST", "/shipment", "/shipment", "{\"tracking_number\": \"TN12345678\"}", false, 200);
            check(base, "GET", "/api/v1/shipments", "/api/v1/shipments?limit=5", null, true, 200);
            check(base, "GET", "/shipment", "/shipment", null, true, 200);
            check(base, "GET", "/next-tracking-number", "/next-tracking-number?" + Orders.SAMPLE_QUERY, null, false,
                    200);
            check(base, "GET", "/fake", "/fake?num=2", null, true, 200);
            check(base, "GET", "/trackingSummary", "/trackingSummary", null, true, 200);
            check(base, "POST", "/api/v1/reports", "/api/v1/reports", "", true, 201);
            check(base, "GET", "/api/v1/reports", "/api/v1/reports", null, true, 200);
            check(base, "GET", "/ready", "/ready", null, false, 200);
            check(base, "GET", "/health", "/health", null, false, 200);
        }
    }

    private void check(String base, String method, String route, String target, String body, boolean staff,
            int status) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (staff) {
            request.header("Authorization", "Bearer " + KEY);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(method + " " + target + ": " + new String(response.body())).isEqualTo(status);
        DESCRIBED.check(method, route, response);
    }
}
