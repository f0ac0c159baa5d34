package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import io.waybill.domain.webhook.RetrySchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's proof 2, through the real service on the embedded default: a receiver that checks signatures with its own
 * code and fails the first two attempts at every message gets every message of a shipment's changes, each under one
 * id across its three attempts, in the order of the changes; the deliveries' log shows every attempt.
 */
class WebhookDeliveryEndToEndTest {

    private static final String KEY = "webhook-staff-key-0123456789abcdef";

    private WebhookReceiver receiver;
    private Waybill waybill;

    @AfterEach
    void stop() {
        try {
            if (waybill != null) {
                waybill.close();
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    @Test
    void everyMessageArrivesSignedUnderOneIdInTheOrderOfTheChanges() throws Exception {
        receiver = new WebhookReceiver((id, attempt) -> attempt <= 2 ? 500 : 204);
        waybill = Waybill.start(WaybillConfig.embedded()
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                .withWebhooks(WebhookSettings.DEFAULTS.withRetries(RetrySchedule.parse("1s,1s,1s"))
                        .allowingPrivateTargets()));
        TrackingClient client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
        Response subscribed = client.post("/api/v1/webhooks", "{\"url\": \"" + receiver.uri() + "\", \"events\":"
                + " [\"shipment.status_changed\", \"shipment.delivered\", \"shipment.exception\"]}", STAFF);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        JsonNode subscription = subscribed.json();
        receiver.secret(subscription.get("secret").asText());
        register(client);
        for (String status : List.of("in_transit", "out_for_delivery", "delivered")) {
            record(client, status);
        }

        receiver.awaitAccepted(4, 60);

        List<WebhookReceiver.Request> requests = receiver.requests();
        assertThat(requests).allSatisfy(request -> assertThat(request.signed()).as(request.toString()).isTrue());
        Map<String, List<Integer>> attemptsById = new LinkedHashMap<>();
        for (WebhookReceiver.Request request : requests) {
            attemptsById.computeIfAbsent(request.id(), id -> new java.util.ArrayList<>()).add(request.status());
        }
        assertThat(attemptsById).hasSize(4)
                .allSatisfy((id, statuses) -> assertThat(statuses).containsExactly(500, 500, 204));
        List<String> arrived = receiver.accepted().stream().map(request -> {
            JsonNode body = TrackingClient.parse(request.body());
            return body.get("type").asText() + " " + body.get("data").get("status").asText();
        }).toList();
        assertThat(arrived).containsExactly("shipment.status_changed in_transit",
                "shipment.status_changed out_for_delivery", "shipment.status_changed delivered",
                "shipment.delivered delivered");
        JsonNode first = TrackingClient.parse(receiver.accepted().get(0).body());
        assertThat(first.get("data").get("tracking_number").asText()).isEqualTo("TN12345678");
        assertThat(first.get("timestamp").asText()).isNotBlank();

        JsonNode deliveries = client.get("/api/v1/webhooks/" + subscription.get("id").asText() + "/deliveries",
                STAFF).json().get("deliveries");
        assertThat(deliveries).hasSize(12);
        assertThat(new java.util.HashSet<>(deliveries.findValuesAsText("message_id")))
                .isEqualTo(attemptsById.keySet());
        assertThat(deliveries.get(0).get("status").asInt()).isEqualTo(204);
        assertThat(deliveries.get(1).get("error").asText()).contains("500");
    }

    private static void register(TrackingClient client) {
        Response created = client.post("/api/v1/shipments", "{\"tracking_number\": \"TN12345678\", \"carrier\":"
                + " \"DHL\", \"origin_country\": \"TW\", \"destination_country\": \"DE\", \"events\": [{\"event_id\":"
                + " \"e-received\", \"time\": \"2026-12-01T08:00:00Z\", \"status\": \"received\"}]}", STAFF);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private int hour = 10;

    private void record(TrackingClient client, String status) {
        Response recorded = client.post("/api/v1/shipments/TN12345678/events?carrier=DHL", "[{\"event_id\": \"e-"
                + status + "\", \"time\": \"2026-12-01T" + (hour++) + ":00:00Z\", \"status\": \"" + status + "\"}]",
                STAFF);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }
}
